#!/bin/sh
# Writes each new endpoint's signing secret to HashiCorp Vault (KV), one path per trigger:
#
#   VAULT_ADDR=https://vault.example.com reconcile --secrets-exec examples/secrets/vault.sh
#
# reconcile runs this once per endpoint created (or replaced), with the endpoint as JSON
# on stdin: {"owner", "trigger", "endpoint_id", "url", "secret", "created"}. The secret
# goes from stdin to `vault kv put`'s stdin (`-`), never into arguments.
# Needs jq and vault (logged in; mount: $VAULT_MOUNT, default "secret").
set -eu
record=$(cat)
path=$(printf '%s' "$record" | jq -r '"stripe-webhooks/" + .owner + "/" + .trigger')
printf '%s' "$record" \
  | jq '{signing_secret: .secret, endpoint_id, url, created}' \
  | vault kv put -mount="${VAULT_MOUNT:-secret}" "$path" -
