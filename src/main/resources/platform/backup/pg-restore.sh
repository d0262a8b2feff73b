#!/bin/bash
# Restore into the live database, step 2 (PostgreSQL image): for each dump step 1 listed in
# /restore/plan, first refuse a database that holds rows unless FORCE=yes (the refusal lists them),
# then pg_restore --clean --if-exists in one transaction (a failure leaves the database as it was),
# without the dump's owners and grants (the server's roles and default privileges apply), and log
# every table's rows. Any failure fails the job.
set -euo pipefail
restore="${RESTORE_DIR:-/restore}"
counts="${SCRIPTS_DIR:-/scripts}/pg-counts.sql"
force="${FORCE:-no}"
if [ "$force" != yes ] && [ "$force" != no ]; then
  echo "restore: FAILED: FORCE must be yes or no, got '$force'"
  exit 1
fi
if ! [ -s "$restore/plan" ]; then
  echo "restore: FAILED: nothing to restore (no plan from the fetch step)"
  exit 1
fi
rows() { psql -X -v ON_ERROR_STOP=1 -h "$PGHOST" -U "$PGUSER" -d "$1" -f "$counts"; }

refused=""
while read -r db key size; do
  if ! before=$(rows "$db"); then
    echo "restore: FAILED: cannot read database $db"
    exit 1
  fi
  holding=$(printf '%s\n' "$before" | awk 'NF == 2 && $2 > 0')
  if [ -n "$holding" ]; then
    echo "restore: database $db holds rows:"
    printf '%s\n' "$holding" | sed 's/^/restore:   /'
    if [ "$force" != yes ]; then
      refused="$refused $db"
    fi
  fi
done < "$restore/plan"
if [ -n "$refused" ]; then
  echo "restore: REFUSED: not replacing the data of$refused; to replace it, run the job again with FORCE=yes (README)"
  exit 1
fi

while read -r db key size; do
  echo "restore: restoring $key ($size bytes) into $db"
  if ! pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error \
      -h "$PGHOST" -U "$PGUSER" -d "$db" "$restore/$db.pgdump"; then
    echo "restore: FAILED to restore $key into $db; its transaction was rolled back, so $db is as it was"
    exit 1
  fi
  after=$(rows "$db")
  echo "restore: restored $key into $db: $(printf '%s\n' "$after" | grep -c . || true) tables, $(printf '%s\n' "$after" | awk '{n += $2} END {print n + 0}') rows:"
  printf '%s\n' "$after" | sed 's/^/restore:   /'
done < "$restore/plan"
echo "restore: OK"
