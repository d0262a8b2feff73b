#!/bin/bash
# mongo-restore-check, step 2 (MongoDB image): restore the fetched archive into a scratch
# database, count its collections, drop it. Any failure fails the job.
set -euo pipefail
scratch="restore_check_$MONGO_DATABASE"
mongo() { mongosh --quiet --norc --host "$MONGO_HOST" --port "$MONGO_PORT" -u root -p "$MONGO_ROOT_PASSWORD" --authenticationDatabase admin "$@"; }
trap 'mongo --eval "db.getSiblingDB(\"$scratch\").dropDatabase()" >/dev/null || true' EXIT
if ! mongorestore --host "$MONGO_HOST" --port "$MONGO_PORT" --username root --password "$MONGO_ROOT_PASSWORD" \
    --authenticationDatabase admin --gzip --archive="${RESTORE_DIR:-/restore}/$MONGO_DATABASE.archive.gz" \
    --nsFrom "$MONGO_DATABASE.*" --nsTo "$scratch.*" --drop; then
  echo "restore-check: FAILED to restore the newest dump of $MONGO_DATABASE"
  exit 1
fi
count=$(mongo --eval "db.getSiblingDB(\"$scratch\").getCollectionNames().length")
if ! [ "${count:-0}" -gt 0 ] 2>/dev/null; then
  echo "restore-check: FAILED: the restored $MONGO_DATABASE has '$count' collections"
  exit 1
fi
echo "restore-check: $MONGO_DATABASE restored with $count collections"
echo "restore-check: OK"
