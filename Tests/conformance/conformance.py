"""Checks the emulator with Stripe's official Python SDK.

Usage: conformance.py http://127.0.0.1:PORT
Prints one line per check and ends with `N passed, M failed`; exits 1 when M > 0.
"""
import json
import sys
import urllib.request
import uuid

import stripe

from report import check, finish

BASE = sys.argv[1].rstrip("/")
stripe.api_base = BASE
stripe.max_network_retries = 0
RUN = uuid.uuid4().hex[:12]
KEY = f"sk_test_conformance{RUN}"
stripe.api_key = KEY


def expect_error(name, error_class, call, **attributes):
    """Runs `call`, which must raise `error_class` with the given attributes."""
    try:
        call()
    except error_class as error:
        wrong = {k: (getattr(error, k, None), v) for k, v in attributes.items() if getattr(error, k, None) != v}
        check(name, not wrong, f"got (actual, expected) {wrong}: {error}")
        return error
    except Exception as error:  # noqa: BLE001 - any other outcome is a failure to report
        check(name, False, f"expected {error_class.__name__}, got {type(error).__name__}: {error}")
        return None
    check(name, False, f"expected {error_class.__name__}, nothing raised")
    return None


def admin(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(BASE + path, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read() or b"null")


def create(key=KEY, **params):
    params.setdefault("url", "https://example.com/hooks/a")
    params.setdefault("enabled_events", ["customer.updated"])
    return stripe.WebhookEndpoint.create(api_key=key, **params)


# Create, retrieve
endpoint = create(description="first", metadata={"team": "crm", "tier": "gold"}, api_version="2024-06-20")
check("create returns a webhook_endpoint", endpoint.object == "webhook_endpoint" and endpoint.id.startswith("we_"))
check("create returns the secret", endpoint.secret.startswith("whsec_"))
check("create sets fields", endpoint.url == "https://example.com/hooks/a" and endpoint.enabled_events == ["customer.updated"]
      and endpoint.status == "enabled" and endpoint.livemode is False and endpoint.api_version == "2024-06-20"
      and endpoint.application is None and endpoint.description == "first" and endpoint.metadata.to_dict() == {"team": "crm", "tier": "gold"})
check("create has no connect field", "connect" not in endpoint)
connect = create(connect=True)
check("connect endpoint shows an application", (connect.application or "").startswith("ca_"))
fetched = stripe.WebhookEndpoint.retrieve(endpoint.id)
check("retrieve returns the endpoint", fetched.id == endpoint.id and fetched.url == endpoint.url)
check("retrieve hides the secret", "secret" not in fetched)

# List across pages
for index in range(5):
    create(url=f"https://example.com/hooks/page{index}")
page = stripe.WebhookEndpoint.list(limit=2)
check("list page has limit items and has_more", len(page.data) == 2 and page.has_more and page.url == "/v1/webhook_endpoints")
check("list is newest first", page.data[0].url == "https://example.com/hooks/page4")
everything = [e.id for e in stripe.WebhookEndpoint.list(limit=2).auto_paging_iter()]
check("auto_paging_iter walks every page", len(everything) == 7 and len(set(everything)) == 7, f"{len(everything)} ids")
check("auto_paging_iter ends with the oldest", everything[-1] == endpoint.id)
check("list hides secrets", all("secret" not in e for e in stripe.WebhookEndpoint.list(limit=100).data))
backwards = stripe.WebhookEndpoint.list(limit=2, ending_before=everything[4])
check("ending_before pages back", [e.id for e in backwards.data] == everything[2:4])

# Modify
modified = stripe.WebhookEndpoint.modify(
    endpoint.id, enabled_events=["invoice.paid", "invoice.payment_failed"], url="https://example.com/hooks/b",
    disabled=True, metadata={"team": ""}, description="")
check("modify changes events", modified.enabled_events == ["invoice.paid", "invoice.payment_failed"])
check("modify changes url", modified.url == "https://example.com/hooks/b")
check("modify disables", modified.status == "disabled")
check("modify unsets one metadata key", modified.metadata.to_dict() == {"tier": "gold"}, f"{modified.metadata}")
check("modify clears the description", modified.description is None)
cleared = stripe.WebhookEndpoint.modify(endpoint.id, metadata="", disabled=False)
check("metadata='' unsets every key", cleared.metadata.to_dict() == {} and cleared.status == "enabled")

# Errors
expect_error("wrong key is AuthenticationError", stripe.AuthenticationError,
             lambda: stripe.WebhookEndpoint.list(api_key="sk_test_bad-key!"), http_status=401)
expect_error("unknown parameter", stripe.InvalidRequestError,
             lambda: create(colour="blue"), param="colour", code="parameter_unknown", http_status=400)
expect_error("disabled refused on create", stripe.InvalidRequestError,
             lambda: create(disabled=True), param="disabled", code="parameter_unknown")
expect_error("api_version refused on update", stripe.InvalidRequestError,
             lambda: stripe.WebhookEndpoint.modify(endpoint.id, api_version="2024-06-20"), param="api_version", code="parameter_unknown")
expect_error("connect refused on update", stripe.InvalidRequestError,
             lambda: stripe.WebhookEndpoint.modify(endpoint.id, connect=True), param="connect", code="parameter_unknown")
expect_error("missing url", stripe.InvalidRequestError,
             lambda: stripe.WebhookEndpoint.create(enabled_events=["charge.succeeded"]), param="url", code="parameter_missing")
expect_error("unknown event type", stripe.InvalidRequestError,
             lambda: create(enabled_events=["charge.succeeded", "not.an_event"]), param="enabled_events")
expect_error("invalid url", stripe.InvalidRequestError, lambda: create(url="example.com/x"), param="url", code="url_invalid")
expect_error("live mode refuses http urls", stripe.InvalidRequestError,
             lambda: create(key=f"sk_live_conformance{RUN}", url="http://example.com/x"), param="url", code=None)
expect_error("bad limit", stripe.InvalidRequestError, lambda: stripe.WebhookEndpoint.list(limit=101), param="limit")
expect_error("missing endpoint is 404 resource_missing", stripe.InvalidRequestError,
             lambda: stripe.WebhookEndpoint.retrieve("we_doesnotexist"), param="id", code="resource_missing", http_status=404)
expect_error("read-only restricted key is PermissionError", stripe.PermissionError,
             lambda: create(key=f"rk_test_readonly_{RUN}"), http_status=403)
readonly_list = stripe.WebhookEndpoint.list(api_key=f"rk_test_readonly_{RUN}")
check("read-only restricted key can list", readonly_list.object == "list")
expect_error("Stripe-Account header refused", stripe.InvalidRequestError,
             lambda: stripe.WebhookEndpoint.list(stripe_account="acct_123"), http_status=400)

# Idempotency
key = f"idem-{RUN}"
first = create(url="https://example.com/hooks/idem", idempotency_key=key)
again = create(url="https://example.com/hooks/idem", idempotency_key=key)
check("idempotent replay returns the same endpoint", first.id == again.id)
check("idempotent replay is marked", (again.last_response.headers.get("Idempotent-Replayed") == "true"))
expect_error("same key, other parameters is IdempotencyError", stripe.IdempotencyError,
             lambda: create(url="https://example.com/hooks/other", idempotency_key=key), http_status=400)

# Delete
deleted = stripe.WebhookEndpoint.delete(first.id)
check("delete returns deleted=true", deleted.deleted is True and deleted.id == first.id)
expect_error("delete again is 404", stripe.InvalidRequestError,
             lambda: stripe.WebhookEndpoint.delete(first.id), code="resource_missing", http_status=404)

# Endpoint cap (16 per account)
cap_key = f"sk_test_cap{RUN}"
for index in range(16):
    create(key=cap_key, url=f"https://example.com/cap/{index}")
error = expect_error("17th endpoint is refused", stripe.InvalidRequestError, lambda: create(key=cap_key), http_status=400)
check("cap message names the limit", error is not None and "16" in str(error.user_message))

# Faults, steered through the admin endpoint
fault_key = f"sk_test_faults{RUN}"
admin("POST", "/_emulator/faults", {"rateLimit": 1})
expect_error("429 is RateLimitError", stripe.RateLimitError, lambda: stripe.WebhookEndpoint.list(api_key=fault_key), http_status=429)
admin("POST", "/_emulator/faults", {"serverError": 1})
expect_error("500 is APIError", stripe.APIError, lambda: stripe.WebhookEndpoint.list(api_key=fault_key), http_status=500)
admin("POST", "/_emulator/faults", {"drop": 1})
expect_error("dropped connection is APIConnectionError", stripe.APIConnectionError, lambda: create(key=fault_key))
admin("POST", "/_emulator/faults", {"lost": 1, "writesOnly": True})
lost_key = f"lost-{RUN}"
expect_error("lost response is APIConnectionError", stripe.APIConnectionError,
             lambda: create(key=fault_key, url="https://example.com/lost", idempotency_key=lost_key))
admin("POST", "/_emulator/faults", {})
retried = create(key=fault_key, url="https://example.com/lost", idempotency_key=lost_key)
survivors = stripe.WebhookEndpoint.list(api_key=fault_key).data
check("lost write was applied once; the retry replays it",
      [e.id for e in survivors] == [retried.id] and retried.last_response.headers.get("Idempotent-Replayed") == "true")

# Admin view with secrets
secrets = urllib.request.urlopen(urllib.request.Request(BASE + "/_emulator/endpoints", headers={"Authorization": f"Bearer {fault_key}"}))
listed = json.loads(secrets.read())["data"]
check("admin endpoint list shows secrets", [e["secret"] for e in listed] == [retried.secret])

finish()
