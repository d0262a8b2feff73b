#!/bin/bash
# mongo-backup, step 1 (MongoDB image): a gzipped archive of the app database into /backup ($BACKUP_DIR).
set -euo pipefail
backup="${BACKUP_DIR:-/backup}"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$backup/$MONGO_DATABASE"
echo "mongo-backup: dumping $MONGO_DATABASE"
if ! mongodump --host "$MONGO_HOST" --port "$MONGO_PORT" --username root --password "$MONGO_ROOT_PASSWORD" \
    --authenticationDatabase admin --db "$MONGO_DATABASE" --gzip --archive="$backup/$MONGO_DATABASE/$stamp.archive.gz"; then
  echo "mongo-backup: FAILED to dump $MONGO_DATABASE"
  exit 1
fi
echo "mongo-backup: dump of $MONGO_DATABASE written at $stamp"
