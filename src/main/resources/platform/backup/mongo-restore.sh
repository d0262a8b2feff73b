#!/bin/bash
# Restore into the live database, step 2 (MongoDB image): for each archive step 1 listed in
# /restore/plan, first refuse a database that holds documents unless FORCE=yes (the refusal lists
# them), then mongorestore --drop it (the collections in the archive replace their namesakes), and log
# every collection's documents. The app database ($MONGO_APP_DATABASE) is restored without the users
# in the archive (its app user and password stay the platform's); another database with them (the
# per-researcher users of Mortimer's alfred). Any failure fails the job.
set -euo pipefail
restore="${RESTORE_DIR:-/restore}"
counts="${SCRIPTS_DIR:-/scripts}/mongo-counts.js"
force="${FORCE:-no}"
if [ "$force" != yes ] && [ "$force" != no ]; then
  echo "restore: FAILED: FORCE must be yes or no, got '$force'"
  exit 1
fi
if ! [ -s "$restore/plan" ]; then
  echo "restore: FAILED: nothing to restore (no plan from the fetch step)"
  exit 1
fi
connection=(--host "$MONGO_HOST" --port "$MONGO_PORT" --username root --password "$MONGO_ROOT_PASSWORD" --authenticationDatabase admin)
documents() { mongosh --quiet --norc "${connection[@]}" --eval "const databases = [\"$1\"]; $(cat "$counts")"; }

refused=""
while read -r db key size; do
  if ! before=$(documents "$db"); then
    echo "restore: FAILED: cannot read database $db"
    exit 1
  fi
  holding=$(printf '%s\n' "$before" | awk 'NF == 2 && $2 > 0')
  if [ -n "$holding" ]; then
    echo "restore: database $db holds documents:"
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
  if [ "$db" = "$MONGO_APP_DATABASE" ]; then
    selection=(--nsInclude "$db.*")
  else
    selection=(--db "$db" --restoreDbUsersAndRoles)
  fi
  if ! mongorestore "${connection[@]}" --gzip --archive="$restore/$db.archive.gz" "${selection[@]}" --drop; then
    echo "restore: FAILED to restore $key into $db"
    exit 1
  fi
  if ! after=$(documents "$db"); then
    echo "restore: FAILED: cannot count the restored $db"
    exit 1
  fi
  echo "restore: restored $key into $db: $(printf '%s\n' "$after" | grep -c . || true) collections, $(printf '%s\n' "$after" | awk '{n += $2} END {print n + 0}') documents:"
  printf '%s\n' "$after" | sed 's/^/restore:   /'
done < "$restore/plan"
echo "restore: OK"
