#!/bin/sh
# Puts each new endpoint's signing secret into a Kubernetes Secret, one per trigger:
#
#   reconcile --secrets-exec examples/secrets/kubernetes.sh
#
# reconcile runs this once per endpoint created (or replaced), with the endpoint as JSON
# on stdin: {"owner", "trigger", "endpoint_id", "url", "secret", "created"}. The secret
# never appears in arguments or the environment: it goes from stdin to kubectl's stdin.
# Needs jq and kubectl (namespace: $NAMESPACE, default "default").
set -eu
record=$(cat)
# shop-prod + sync-customers/customer.updated -> stripe-webhook-shop-prod-sync-customers-customer-updated
name=$(printf '%s' "$record" | jq -r '"stripe-webhook-" + .owner + "-" + .trigger' | tr 'A-Z' 'a-z' | tr -c 'a-z0-9\n' '-' | cut -c1-253)
printf '%s' "$record" \
  | jq '{apiVersion: "v1", kind: "Secret", type: "Opaque",
         metadata: {name: $name, labels: {"app.kubernetes.io/managed-by": "reconcile"},
                    annotations: {"reconcile/endpoint-id": .endpoint_id, "reconcile/url": .url}},
         stringData: {"signing-secret": .secret}}' --arg name "$name" \
  | kubectl apply --namespace "${NAMESPACE:-default}" -f -
