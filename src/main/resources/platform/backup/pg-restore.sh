#!/bin/bash
# Restore into the live database, step 2 (PostgreSQL image): for each dump step 1 listed in
# /restore/plan, first refuse a database that holds rows unless FORCE=yes (the refusal lists them),
# then pg_restore --clean --if-exists in one transaction (a failure leaves the database as it was),
# without the dump's owners and grants (the server's roles and default privileges apply), and log
# every table's rows. Any failure fails the job.
set -euo pipefail
source "${SCRIPTS_DIR:-/scripts}/restore-guard.sh"
restore="${RESTORE_DIR:-/restore}"
counts() { psql -X -v ON_ERROR_STOP=1 -h "$PGHOST" -U "$PGUSER" -d "$1" -f "${SCRIPTS_DIR:-/scripts}/pg-counts.sql"; }
check_parameters
refuse_data rows

while read -r db key size; do
  echo "restore: restoring $key ($size bytes) into $db"
  if ! pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error \
      -h "$PGHOST" -U "$PGUSER" -d "$db" "$restore/$db.pgdump"; then
    echo "restore: FAILED to restore $key into $db; its transaction was rolled back, so $db is as it was"
    exit 1
  fi
  log_restored "$db" "$key" tables rows
done < "$restore/plan"
echo "restore: OK"
