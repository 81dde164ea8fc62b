#!/bin/sh
# Stores each new endpoint's signing secret as a GitHub Actions secret of the repository
# that receives the webhooks (e.g. for its deploy workflow):
#
#   GH_TOKEN=... RECEIVER_REPO=acme/hooks reconcile --secrets-exec examples/secrets/github.sh
#
# reconcile runs this once per endpoint created (or replaced), with the endpoint as JSON
# on stdin: {"owner", "trigger", "endpoint_id", "url", "secret", "created"}. `gh secret
# set` reads the value from its stdin, so the secret is never an argument.
# Needs jq and gh.
set -eu
record=$(cat)
# sync-customers/customer.updated -> STRIPE_WHSEC_SYNC_CUSTOMERS_CUSTOMER_UPDATED
name=$(printf '%s' "$record" | jq -r '"STRIPE_WHSEC_" + .trigger' | tr 'a-z' 'A-Z' | tr -c 'A-Z0-9_\n' '_')
printf '%s' "$record" | jq -r .secret | gh secret set "$name" --repo "$RECEIVER_REPO"
