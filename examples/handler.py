"""A webhook handler for local work: verifies each event with Stripe's SDK, prints it.

    pip install stripe
    WEBHOOK_SECRET=whsec_... python3 examples/handler.py [PORT]     # default 4242

Answers 200 to an event whose Stripe-Signature matches WEBHOOK_SECRET, 400 to any other.
Tests/conformance/webhooks.py runs it as the README's walk-through does.
"""
import os
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

import stripe


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 - the name http.server calls
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        try:
            event = stripe.Webhook.construct_event(body, self.headers.get("Stripe-Signature", ""), os.environ["WEBHOOK_SECRET"])
        except (stripe.SignatureVerificationError, ValueError) as error:
            print(f"rejected: {error}", flush=True)
            self.send_response(400)
        else:
            obj = event["data"]["object"]
            print(f"verified {event['type']} {event['id']}: {obj['object']} {obj['id']}", flush=True)
            self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    HTTPServer(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 4242), Handler).serve_forever()
