"""Checks the emulator's webhook deliveries with Stripe's own verification code.

Usage: webhooks.py http://127.0.0.1:PORT PATH/TO/reconcile
A receiver on loopback verifies every delivery with `stripe.Webhook.construct_event` and the
endpoint's secret (from `reconcile --secrets-out`, or the SDK's create response), answering
400 to a bad signature as a real handler does. Endpoints are made by `reconcile` against the
running `reconcile emulator`; events come from `reconcile trigger` and from the admin API.
Prints one line per check and ends with `N passed, M failed`; exits 1 when M > 0.
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import urllib.error
import urllib.request
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import stripe

from report import check, finish

BASE = sys.argv[1].rstrip("/")
BINARY = sys.argv[2]
KEY = f"sk_test_webhooks{uuid.uuid4().hex[:12]}"
stripe.api_base = BASE
stripe.api_key = KEY
stripe.max_network_retries = 0

secrets = {}    # url path -> whsec_ secret, filled once the endpoints exist
received = []   # (path, raw body, Stripe-Signature, accepted event or None)
lock = threading.Lock()


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 - the name http.server calls
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        signature = self.headers.get("Stripe-Signature", "")
        event = None
        try:
            event = stripe.Webhook.construct_event(body, signature, secrets.get(self.path, "whsec_unknown"))
        except (stripe.SignatureVerificationError, ValueError):
            pass
        with lock:
            received.append((self.path, body, signature, event, self.headers.get("Content-Type")))
        self.send_response(200 if event is not None else 400)
        self.end_headers()

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
threading.Thread(target=server.serve_forever, daemon=True).start()
HOOKS = f"http://127.0.0.1:{server.server_address[1]}"

work = tempfile.mkdtemp()
config = os.path.join(work, "stripe-webhooks.yaml")
secrets_file = os.path.join(work, "secrets.json")
with open(config, "w") as file:
    file.write(f"""version: 1
stripe:
  owner: sdk
workflows:
  - name: crm
    triggers:
      - event: customer.updated
        url: {HOOKS}/crm
  - name: dunning
    triggers:
      - event: invoice.payment_failed
        url: {HOOKS}/dunning
""")


def reconcile(*arguments):
    environment = dict(os.environ, STRIPE_API_KEY=KEY, NO_COLOR="1")
    return subprocess.run([BINARY, *arguments, "--config", config, "--api-base", BASE],
                          capture_output=True, text=True, env=environment, timeout=60)


applied = reconcile("--secrets-out", secrets_file)
check("reconcile creates the endpoints", applied.returncode == 0, applied.stderr)
with open(secrets_file) as file:
    for entry in json.load(file).values():
        secrets[entry["url"][len(HOOKS):]] = entry["secret"]
check("--secrets-out holds both secrets", sorted(secrets) == ["/crm", "/dunning"], sorted(secrets))
# An endpoint for every event, made with the SDK: its secret comes from the create response.
star = stripe.WebhookEndpoint.create(url=f"{HOOKS}/star", enabled_events=["*"])
secrets["/star"] = star.secret

# reconcile trigger: the subscribed endpoint and the `*` one receive, each accepts.
triggered = reconcile("trigger", "Customer Updated", "--data", '{"email": "ada@example.com"}')
check("trigger exits 0: every delivery got a 2xx", triggered.returncode == 0, triggered.stdout + triggered.stderr)
check("trigger prints one line per delivery", len(triggered.stdout.splitlines()) == 2
      and "crm/customer.updated → " + HOOKS + "/crm: 200, 1 attempt" in triggered.stdout, triggered.stdout)
check("no signing secret in the output", "whsec_" not in triggered.stdout + triggered.stderr)
with lock:
    first = list(received)
check("the subscribed and the * endpoints received it", sorted(r[0] for r in first) == ["/crm", "/star"], [r[0] for r in first])
check("construct_event accepted every delivery", all(r[3] is not None for r in first))
check("Content-Type is Stripe's", all(r[4] == "application/json; charset=utf-8" for r in first), [r[4] for r in first])
event = first[0][3]
check("the SDK reads the event", event is not None and event["type"] == "customer.updated" and event["object"] == "event"
      and event["id"].startswith("evt_") and event["livemode"] is False and event["pending_webhooks"] == 2)
obj = event["data"]["object"] if event is not None else {"object": None, "id": "", "email": None}
check("data.object is a customer with the merged fields", obj["object"] == "customer" and obj["id"].startswith("cus_")
      and obj["email"] == "ada@example.com")
check("one event id for both endpoints", len({r[3]["id"] for r in first if r[3] is not None}) == 1)

# A tampered body, or another endpoint's secret, is rejected by Stripe's code.
path, body, signature, _, _ = first[0]
tampered = body.replace(b"ada@example.com", b"eve@example.com")
try:
    stripe.Webhook.construct_event(tampered, signature, secrets[path])
    check("construct_event rejects an altered body", False, "accepted")
except stripe.SignatureVerificationError:
    check("construct_event rejects an altered body", True)
other = "/dunning" if path != "/dunning" else "/crm"
try:
    stripe.Webhook.construct_event(body, signature, secrets[other])
    check("construct_event rejects another endpoint's secret", False, "accepted")
except stripe.SignatureVerificationError:
    check("construct_event rejects another endpoint's secret", True)
try:
    urllib.request.urlopen(urllib.request.Request(HOOKS + path, data=tampered, method="POST",
                                                  headers={"Stripe-Signature": signature, "Content-Type": "application/json"}))
    check("the receiver answers 400 to the altered body", False, "got 2xx")
except urllib.error.HTTPError as error:
    check("the receiver answers 400 to the altered body", error.code == 400, error.code)

# The admin API: the same delivery, asked for over HTTP.
request = urllib.request.Request(BASE + "/_emulator/events", method="POST",
                                 data=json.dumps({"type": "invoice.payment_failed"}).encode(),
                                 headers={"Authorization": f"Bearer {KEY}", "Content-Type": "application/json"})
with urllib.request.urlopen(request) as response:
    answer = json.loads(response.read())
check("POST /_emulator/events answers the deliveries", sorted(d["url"][len(HOOKS):] for d in answer["deliveries"]) == ["/dunning", "/star"]
      and all(d["attempts"][-1]["status"] == 200 for d in answer["deliveries"]), answer)
with lock:
    dunning = [r for r in received if r[0] == "/dunning"]
check("the invoice event verifies", len(dunning) == 1 and dunning[0][3] is not None
      and dunning[0][3]["data"]["object"]["object"] == "invoice" and dunning[0][3]["data"]["object"]["status"] == "open")
with urllib.request.urlopen(BASE + "/_emulator/deliveries") as response:
    log = json.loads(response.read())
check("GET /_emulator/deliveries lists every attempt", len(log) >= 4 and "whsec_" not in json.dumps(log))

# A disabled endpoint receives nothing.
stripe.WebhookEndpoint.modify(star.id, disabled=True)
before = len(received)
again = reconcile("trigger", "customer.updated")
check("a disabled endpoint receives nothing", again.returncode == 0 and len(received) == before + 1
      and received[-1][0] == "/crm", [r[0] for r in received[before:]])

server.shutdown()

# The README's walk-through as written: the embedded emulator, examples/handler.py on localhost.
with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
walk = tempfile.mkdtemp()
with open(os.path.join(walk, "stripe-webhooks.yaml"), "w") as file:
    file.write(f"""version: 1
workflows:
  - name: sync-customers
    triggers:
      - event: customer.updated
        url: http://localhost:{port}/webhooks
""")
local = {k: v for k, v in os.environ.items() if k not in ("STRIPE_API_KEY", "STRIPE_API_BASE")}
made = subprocess.run([BINARY, "--emulator", "--secrets-out", ".reconcile/secrets.json"], cwd=walk, env=local,
                      capture_output=True, text=True, timeout=60)
check("walk-through: reconcile --emulator creates the endpoint", made.returncode == 0, made.stderr)
handler_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples", "handler.py")
handler = subprocess.Popen([sys.executable, handler_path, ".reconcile/secrets.json", str(port)], cwd=walk, env=local,
                           stdout=subprocess.PIPE, text=True)
for _ in range(100):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        break
    except OSError:
        threading.Event().wait(0.05)
walked = subprocess.run([BINARY, "trigger", "customer.updated", "--emulator"], cwd=walk, env=local,
                        capture_output=True, text=True, timeout=60)
handler.terminate()
printed = handler.communicate(timeout=10)[0]
check("walk-through: trigger exits 0", walked.returncode == 0, walked.stdout + walked.stderr)
check("walk-through: the handler verified the event", printed.startswith("verified customer.updated evt_")
      and " for default/sync-customers/customer.updated: customer cus_" in printed, printed)
check("walk-through: no secret printed", "whsec_" not in walked.stdout + walked.stderr)
finish()
