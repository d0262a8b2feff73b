#!/bin/bash
# pg-pitr-check, step 3 (PostgreSQL image): a scratch server in this pod, not reachable from outside it:
# the base backup restored, the fetched WAL replayed to the mark's time (recovery_target_time, then
# promote). Replay must have reached the transaction committed before the mark and stopped before the
# one after it, so the WAL chain from the base backup to the mark was whole; then the sanity query on
# each database. The live server is not touched. Any failure fails the job.
set -euo pipefail
restore="${RESTORE_DIR:-/restore}"
source "$restore/mark"
data="$restore/pgdata"
log="$restore/replay.log"
socket="${TMPDIR:-/tmp}"
sql() { psql -X -v ON_ERROR_STOP=1 -tA -h "$socket" -p 5432 -U "$PGUSER" -d "$1" -c "$2"; }
fail() {
  echo "restore-check: FAILED: $1"
  tail -n 20 "$log" 2>/dev/null | sed 's/^/restore-check:   /'
  exit 1
}

rm -rf "$data"
mkdir -m 700 "$data"
tar -xzf "$restore/base/base.tar.gz" -C "$data"
tar -xzf "$restore/base/pg_wal.tar.gz" -C "$data/pg_wal"
touch "$data/recovery.signal"
cat >> "$data/postgresql.auto.conf" <<CONF
restore_command = 'test -f "$restore/wal/%f.gz" && gzip -dc "$restore/wal/%f.gz" > "%p"'
recovery_target_time = '$TARGET_TIME'
recovery_target_action = 'promote'
CONF
trap 'pg_ctl -D "$data" -m immediate stop > /dev/null 2>&1 || true' EXIT
# No hot standby: no connections before the target is reached, and no demand that its settings match the live server's.
if ! pg_ctl -D "$data" -l "$log" -w -t "${REPLAY_TIMEOUT:-3600}" start \
    -o "-c listen_addresses='' -c port=5432 -c unix_socket_directories='$socket' -c archive_mode=off -c hot_standby=off" > /dev/null; then
  fail "the scratch server did not replay to $TARGET_TIME"
fi
for ((second = 0; ; second++)); do
  state=$(sql postgres "SELECT pg_is_in_recovery()" 2>/dev/null || echo unreachable)
  [ "$state" = f ] && break
  pg_ctl -D "$data" status > /dev/null || fail "the scratch server did not replay to $TARGET_TIME: it stopped while replaying"
  [ "$second" -lt "${REPLAY_TIMEOUT:-3600}" ] || fail "replay did not reach $TARGET_TIME within ${REPLAY_TIMEOUT:-3600} s"
  sleep 1
done
before=$(sql postgres "SELECT pg_xact_status('$MARK_BEFORE'::xid8)")
[ "$before" = committed ] || fail "replay to $TARGET_TIME stopped before the mark's first transaction $MARK_BEFORE ($before): WAL is missing"
after=$(sql postgres "SELECT pg_xact_status('$MARK_AFTER'::xid8)" 2>/dev/null || echo "not replayed")
[ "$after" != committed ] || fail "replay went past $TARGET_TIME: the mark's second transaction $MARK_AFTER is committed"
echo "restore-check: replayed WAL to $TARGET_TIME: transaction $MARK_BEFORE is there, $MARK_AFTER is not"
for db in $DATABASES; do
  count=$(sql "$db" "$SANITY_QUERY") || fail "the sanity query on $db failed"
  if ! [ "${count:-0}" -gt 0 ] 2>/dev/null; then
    fail "sanity query on the replayed $db returned '$count'"
  fi
  echo "restore-check: $db replayed; sanity query returned $count"
done
echo "restore-check: OK"
