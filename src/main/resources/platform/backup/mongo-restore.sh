#!/bin/bash
# Restore into the live database, step 2 (MongoDB image): for each archive step 1 listed in
# /restore/plan, first refuse a database that holds documents unless FORCE=yes (the refusal lists
# them), then mongorestore --drop it (the collections in the archive replace their namesakes), and log
# every collection's documents. The app database ($MONGO_APP_DATABASE) is restored without the users
# in the archive (its app user and password stay the platform's); another database with them (the
# per-researcher users of Mortimer's alfred). Any failure fails the job.
set -euo pipefail
source "${SCRIPTS_DIR:-/scripts}/restore-guard.sh"
restore="${RESTORE_DIR:-/restore}"
connection=(--host "$MONGO_HOST" --port "$MONGO_PORT" --username root --password "$MONGO_ROOT_PASSWORD" --authenticationDatabase admin)
counts() { mongosh --quiet --norc "${connection[@]}" --eval "const databases = [\"$1\"]; $(cat "${SCRIPTS_DIR:-/scripts}/mongo-counts.js")"; }
check_parameters
refuse_data documents

while read -r db key size; do
  echo "restore: restoring $key ($size bytes) into $db"
  if [ "$db" = "$MONGO_APP_DATABASE" ]; then
    selection=(--nsInclude "$db.*")
  else
    selection=(--db "$db" --restoreDbUsersAndRoles)
  fi
  if ! mongorestore "${connection[@]}" --gzip --archive="$restore/$db.archive.gz" "${selection[@]}" --drop; then
    echo "restore: FAILED to restore $key into $db"
    exit 1
  fi
  log_restored "$db" "$key" collections documents
done < "$restore/plan"
echo "restore: OK"
