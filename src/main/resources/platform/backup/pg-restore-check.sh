#!/bin/bash
# pg-restore-check, step 2 (PostgreSQL image): restore each fetched dump into a scratch database
# on the same server, run the sanity query, drop the scratch database. Any failure fails the job.
set -euo pipefail
scratch=""
cleanup() { if [ -n "$scratch" ]; then dropdb --if-exists -h "$PGHOST" -U "$PGUSER" "$scratch"; fi; }
trap cleanup EXIT
for db in $DATABASES; do
  scratch="restore_check_$db"
  dropdb --if-exists -h "$PGHOST" -U "$PGUSER" "$scratch"
  createdb -h "$PGHOST" -U "$PGUSER" "$scratch"
  if ! pg_restore --no-owner --no-privileges --exit-on-error -h "$PGHOST" -U "$PGUSER" -d "$scratch" "${RESTORE_DIR:-/restore}/$db.pgdump"; then
    echo "restore-check: FAILED to restore the newest dump of $db"
    exit 1
  fi
  count=$(psql -v ON_ERROR_STOP=1 -tA -h "$PGHOST" -U "$PGUSER" -d "$scratch" -c "$SANITY_QUERY")
  if ! [ "${count:-0}" -gt 0 ] 2>/dev/null; then
    echo "restore-check: FAILED: sanity query on the restored $db returned '$count'"
    exit 1
  fi
  dropdb -h "$PGHOST" -U "$PGUSER" "$scratch"
  scratch=""
  echo "restore-check: $db restored; sanity query returned $count"
done
echo "restore-check: OK"
