#!/bin/bash
# mongo-restore-check, step 2 (MongoDB image): restore each fetched archive into a scratch database
# (its users and roles are left out: they would land on the live database), count its collections,
# drop it. The app database ($MONGO_APP_DATABASE) must have collections; another may still be empty
# (Mortimer's alfred database until the first experiment saves data). Any failure fails the job.
set -euo pipefail
scratch=""
mongo() { mongosh --quiet --norc --host "$MONGO_HOST" --port "$MONGO_PORT" -u root -p "$MONGO_ROOT_PASSWORD" --authenticationDatabase admin "$@"; }
cleanup() { if [ -n "$scratch" ]; then mongo --eval "db.getSiblingDB(\"$scratch\").dropDatabase()" >/dev/null || true; fi; }
trap cleanup EXIT
for db in $MONGO_DATABASES; do
  scratch="restore_check_$db"
  if ! mongorestore --host "$MONGO_HOST" --port "$MONGO_PORT" --username root --password "$MONGO_ROOT_PASSWORD" \
      --authenticationDatabase admin --gzip --archive="${RESTORE_DIR:-/restore}/$db.archive.gz" \
      --nsFrom "$db.*" --nsTo "$scratch.*" --drop; then
    echo "restore-check: FAILED to restore the newest dump of $db"
    exit 1
  fi
  count=$(mongo --eval "db.getSiblingDB(\"$scratch\").getCollectionNames().length")
  if ! [ "${count:-x}" -ge 0 ] 2>/dev/null || { [ "$db" = "$MONGO_APP_DATABASE" ] && [ "$count" -eq 0 ]; }; then
    echo "restore-check: FAILED: the restored $db has '$count' collections"
    exit 1
  fi
  cleanup
  scratch=""
  echo "restore-check: $db restored with $count collections"
done
echo "restore-check: OK"
