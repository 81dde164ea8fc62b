"""The baseline reconcile-bench compares against: a straightforward sequential script
using Stripe's official Python SDK, doing the benchmark's fresh create.

For each account in turn: list its webhook endpoints, then create every declared one
that is missing, one request at a time, as a hand-written script would.

Usage: sdk_baseline.py API_BASE ACCOUNTS TRIGGERS
Prints the seconds taken on the last line.
"""
import sys
import time

import stripe


def main() -> None:
    api_base, accounts, triggers = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    stripe.api_base = api_base
    start = time.monotonic()
    for account in range(accounts):
        key = f"sk_test_bench_{account}"
        listed = stripe.WebhookEndpoint.list(api_key=key, limit=100)
        existing = {endpoint.url for endpoint in listed.auto_paging_iter()}
        for trigger in range(triggers):
            url = f"https://hooks.example.com/bench/{account}/{trigger}"
            if url in existing:
                continue
            stripe.WebhookEndpoint.create(
                api_key=key,
                url=url,
                enabled_events=["customer.updated"],
                description=f"Benchmark flow {trigger} of account {account}",
                metadata={
                    "team": "bench", "managed_by": "reconcile", "reconcile_owner": "bench",
                    "reconcile_trigger": f"flow-{trigger}/customer.updated",
                },
            )
    print(f"{time.monotonic() - start:.3f}")


if __name__ == "__main__":
    main()
