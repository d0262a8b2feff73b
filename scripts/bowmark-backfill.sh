#!/usr/bin/env bash
# One-time backfill of Bow-Mark's reporting database from MongoDB (the seed's "Initial Backfill").
#   scripts/bowmark-backfill.sh paving|concrete [namespace]
# Runs the seed's `kubectl run backfill-<product>` pod with the server image the cluster runs now,
# plus what the platform requires: the restricted pod security profile and the maintenance label
# PostgreSQL admits. Follow with `kubectl logs -f backfill-<product> -n bowmark`; delete when done.
set -euo pipefail
product="${1:?usage: $0 paving|concrete [namespace]}"
namespace="${2:-bowmark}"
case "$product" in
  paving) mongo_secret=paving; database=bowmark_reports_paving ;;
  concrete) mongo_secret=concrete; database=bowmark_reports_concrete ;;
  *) echo "usage: $0 paving|concrete [namespace]" >&2; exit 64 ;;
esac
image=$(kubectl get deployment server-deployment -n "$namespace" -o jsonpath='{.spec.template.spec.containers[0].image}')
pool=$(kubectl get deployment worker-deployment -n "$namespace" -o jsonpath='{.spec.template.spec.nodeSelector.doks\.digitalocean\.com/node-pool}')
secret_env() { printf '{"name": "%s", "valueFrom": {"secretKeyRef": {"name": "%s", "key": "%s"}}}' "$1" "$2" "$3"; }
overrides=$(cat <<JSON
{
  "spec": {
    $( [ -n "$pool" ] && printf '"nodeSelector": {"doks.digitalocean.com/node-pool": "%s"},' "$pool" )
    "automountServiceAccountToken": false,
    "securityContext": {"runAsNonRoot": true, "runAsUser": 1000, "runAsGroup": 1000, "seccompProfile": {"type": "RuntimeDefault"}},
    "containers": [{
      "name": "backfill-$product",
      "image": "$image",
      "command": ["node", "dist/scripts/backfill-postgres.js"],
      "securityContext": {"allowPrivilegeEscalation": false, "readOnlyRootFilesystem": true, "capabilities": {"drop": ["ALL"]}},
      "resources": {"requests": {"cpu": "100m", "memory": "256Mi"}, "limits": {"memory": "1Gi"}},
      "volumeMounts": [{"name": "tmp", "mountPath": "/tmp"}],
      "env": [
        {"name": "NODE_ENV", "value": "production"},
        $(secret_env MONGO_URI "$mongo_secret" mongoURI),
        $(secret_env POSTGRES_HOST postgres host),
        $(secret_env POSTGRES_PORT postgres port),
        $(secret_env POSTGRES_USER postgres user),
        $(secret_env POSTGRES_PASSWORD postgres password),
        {"name": "POSTGRES_DB", "value": "$database"}
      ]
    }],
    "volumes": [{"name": "tmp", "emptyDir": {}}],
    "restartPolicy": "Never"
  }
}
JSON
)
kubectl run "backfill-$product" -n "$namespace" --restart=Never --image="$image" \
  --labels="app.kubernetes.io/name=maintenance,app.kubernetes.io/part-of=bowmark" --overrides="$overrides"
echo "started backfill-$product; follow it with: kubectl logs -f backfill-$product -n $namespace"
