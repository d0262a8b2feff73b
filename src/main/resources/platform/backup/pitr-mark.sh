#!/bin/bash
# pg-pitr-check, step 1 (PostgreSQL image): a mark on the live server to replay to. Commits a transaction
# (before), notes the time (the target), commits another (after), and finishes the WAL segment holding
# them (pg_switch_wal) so the sidecar ships it. A replay to the target must have the first and not the
# second, whatever else commits meanwhile. Writes /restore/mark ($RESTORE_DIR) for the next steps.
set -euo pipefail
restore="${RESTORE_DIR:-/restore}"
sql() { psql -X -v ON_ERROR_STOP=1 -tA -h "$PGHOST" -U "$PGUSER" -d postgres -c "$1"; }
if ! before=$(sql "SELECT pg_current_xact_id()"); then
  echo "restore-check: FAILED to reach the live server $PGHOST"
  exit 1
fi
target=$(sql "SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00'")
after=$(sql "SELECT pg_current_xact_id()")
segment=$(sql "SELECT pg_walfile_name(pg_switch_wal())")
cat > "$restore/mark" <<MARK
TARGET_TIME='$target'
MARK_BEFORE=$before
MARK_AFTER=$after
MARK_SEGMENT=$segment
MARK
echo "restore-check: marked $target on $PGHOST (transactions $before before, $after after), in WAL segment $segment"
