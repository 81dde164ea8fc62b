"""A webhook handler for local work: verifies each event with Stripe's SDK, prints it.

    pip install stripe
    python3 examples/handler.py .reconcile/secrets.json [PORT]     # default port 4242

The secrets file is the one `reconcile --secrets-out` writes; it is read again for each
event, so endpoints created later are known. Answers 200 to an event whose
Stripe-Signature matches one of its secrets, 400 to any other.
Tests/conformance/webhooks.py runs it as the README's walk-through does.
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

import stripe


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 - the name http.server calls
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with open(sys.argv[1]) as file:
            secrets = json.load(file)
        for trigger, entry in secrets.items():
            try:
                event = stripe.Webhook.construct_event(body, self.headers.get("Stripe-Signature", ""), entry["secret"])
            except (stripe.SignatureVerificationError, ValueError):
                continue
            obj = event["data"]["object"]
            print(f"verified {event['type']} {event['id']} for {trigger}: {obj['object']} {obj['id']}", flush=True)
            self.send_response(200)
            break
        else:
            print("rejected: no secret of the file matches the Stripe-Signature", flush=True)
            self.send_response(400)
        self.end_headers()

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    HTTPServer(("127.0.0.1", int(sys.argv[2]) if len(sys.argv) > 2 else 4242), Handler).serve_forever()
