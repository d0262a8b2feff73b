#!/usr/bin/env bash
# Blue/green upgrade of marc's production pool with rollback (the seed's upgrade_prod_pool.sh, on the platform).
#
#   scripts/marc-upgrade.sh --stack prod --image chopmicrobiome/marc_web:0.4.4 --port 8080 \
#     --pool prod-20260301 --dev-pool dev-20240925 --timeout 300
#
# Every flag is required; nothing has a default. --port is the port the image listens on (marc_web: 80
# up to tag 0.4.0, 8080 from 0.4.1). Runs `pulumi` in the repository root on Pulumi.<stack>.yaml:
#   1. reads the active production pool from config; refuses when --pool is already a production pool,
#      or when --dev-pool is not the development pool in config;
#   2. adds pool --pool (--image, --port, the active pool's replicas), makes it active, sets
#      readyTimeoutSeconds to --timeout, and runs `pulumi up`: the new Deployment must have every
#      replica ready within --timeout, and only then does the route send /prod/ to it;
#   3. checks through the gateway that https://<first host>/prod/health answers 200 from the new pool
#      (response header X-Marc-Pool) three times in a row, within --timeout;
#   4. removes the old pool from config and runs `pulumi up`, which deletes its Deployment.
# If 2 or 3 fails, it puts the stack file back as it was and runs `pulumi up` again: /prod/ stays on
# (or returns to) the old pool and the new pool is deleted. Exit codes: 0 upgraded; 1 failed and rolled
# back; 2 bad usage or refused; 3 the rollback failed too (the stack file is restored; run `pulumi up`);
# 4 upgraded, but removing the old pool failed (it still runs; /prod/ is on the new one).
set -euo pipefail

usage() {
  echo "usage: $0 --stack <stack> --image <repository:tag> --port <port> --pool <new pool> --dev-pool <development pool> --timeout <seconds>" >&2
  exit 2
}

say() {
  echo "marc-upgrade: $*"
}

warn() {
  say "$@" >&2
}

fail_usage() {
  warn "$@"
  usage
}

stack="" image="" port="" pool="" dev_pool="" timeout=""
while [ $# -gt 0 ]; do
  case "$1" in
    --stack|--image|--port|--pool|--dev-pool|--timeout)
      [ $# -ge 2 ] && [ -n "$2" ] || fail_usage "$1 needs a value"
      case "$1" in
        --stack) stack="$2" ;;
        --image) image="$2" ;;
        --port) port="$2" ;;
        --pool) pool="$2" ;;
        --dev-pool) dev_pool="$2" ;;
        --timeout) timeout="$2" ;;
      esac
      shift 2
      ;;
    -h|--help) usage ;;
    *) fail_usage "unknown argument $1" ;;
  esac
done
for flag in stack image port pool dev_pool timeout; do
  [ -n "${!flag}" ] || fail_usage "--${flag//_/-} is required (there are no defaults)"
done
[[ $pool =~ ^[a-z0-9]([a-z0-9-]{0,56}[a-z0-9])?$ ]] || fail_usage "--pool must be a pool name such as prod-20260301, got $pool"
[[ $image =~ ^[^[:space:]]+:[A-Za-z0-9_][A-Za-z0-9._-]*(@sha256:[a-f0-9]{64})?$ ]] || fail_usage "--image must be repository:tag, got $image"
[[ $image != *:latest && $image != *:latest@* ]] || fail_usage "--image needs a release tag, not latest"
[[ $port =~ ^[0-9]+$ ]] && (( port >= 1 && port <= 65535 )) || fail_usage "--port must be 1-65535, got $port"
[[ $timeout =~ ^[0-9]+$ ]] && (( timeout >= 60 && timeout <= 3600 )) || fail_usage "--timeout must be 60-3600 seconds, got $timeout"

cd "$(dirname "$0")/.."
stack_file="Pulumi.$stack.yaml"
[ -f "$stack_file" ] || fail_usage "no $stack_file in $(pwd)"

config_get() {
  pulumi config get --stack "$stack" --path "$1"
}

config_set() {
  pulumi config set --stack "$stack" --path "$1" "$2"
}

up() {
  pulumi up --stack "$stack" --yes
}

old=$(config_get platform:marc.production.active)
replicas=$(config_get "platform:marc.production.pools.$old.replicas")
configured_dev=$(config_get platform:marc.development.pool)
host=$(config_get 'platform:marc.hosts[0]')
issuer=$(config_get platform:edge.issuer)
if [ "$pool" = "$old" ] || config_get "platform:marc.production.pools.$pool.image" > /dev/null 2>&1; then
  warn "$pool is already a production pool in $stack_file; choose a new pool name"
  exit 2
fi
if [ "$dev_pool" != "$configured_dev" ]; then
  warn "--dev-pool $dev_pool is not the development pool in $stack_file ($configured_dev)"
  exit 2
fi

backup=$(mktemp "${TMPDIR:-/tmp}/marc-upgrade.$stack.XXXXXX")
cp -- "$stack_file" "$backup"

rollback() {
  warn "$1; rolling back: $stack_file as it was, then pulumi up"
  cp -- "$backup" "$stack_file"
  if up; then
    warn "rolled back: /prod/ is on $old, pool $pool is removed"
    rm -f -- "$backup"
    exit 1
  fi
  warn "the rollback's pulumi up failed too; $stack_file is restored: run pulumi up --stack $stack"
  exit 3
}

# Staging and local-CA certificates are not publicly trusted: the check is about routing, not the certificate.
curl_tls=()
case "$issuer" in
  letsencrypt-production) ;;
  *) curl_tls=(--insecure) ;;
esac

now() {
  date +%s
}

# True when /prod/health answers 200 from the new pool three times in a row before the deadline.
new_pool_serves() {
  local deadline=$(( $(now) + timeout )) in_a_row=0 headers
  while (( $(now) < deadline )); do
    headers=$(curl --silent --show-error --max-time 10 "${curl_tls[@]}" --output /dev/null --dump-header - \
      "https://$host/prod/health" 2>&1 | tr -d '\r') || headers=""
    if grep -qE '^HTTP/[0-9.]+ 200' <<< "$headers" && grep -qi "^x-marc-pool: $pool\$" <<< "$headers"; then
      in_a_row=$(( in_a_row + 1 ))
      (( in_a_row >= 3 )) && return 0
    else
      in_a_row=0
    fi
    sleep 2
  done
  return 1
}

say "$stack: /prod/ is on $old ($replicas replicas); adding $pool with $image on port $port"
config_set "platform:marc.production.pools.$pool.image" "$image"
config_set "platform:marc.production.pools.$pool.port" "$port"
config_set "platform:marc.production.pools.$pool.replicas" "$replicas"
config_set platform:marc.production.active "$pool"
config_set platform:marc.readyTimeoutSeconds "$timeout"
up || rollback "pulumi up failed: $pool did not get every replica ready within ${timeout}s, or another change failed"

say "checking https://$host/prod/health through the gateway"
new_pool_serves || rollback "the gateway did not answer /prod/health from $pool within ${timeout}s"

say "$pool serves /prod/; removing $old"
pulumi config rm --stack "$stack" --path "platform:marc.production.pools.$old"
if ! up; then
  warn "$pool serves /prod/, but removing $old failed; fix and run pulumi up --stack $stack"
  rm -f -- "$backup"
  exit 4
fi
rm -f -- "$backup"
say "done: /prod/ is on $pool; $old is removed"
