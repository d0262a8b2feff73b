#!/bin/bash
# mongo-backup, step 1 (MongoDB image): a gzipped archive of each database, with the users and roles
# defined in it, into /backup/<db>/ ($BACKUP_DIR). Any failure fails the job.
set -euo pipefail
backup="${BACKUP_DIR:-/backup}"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
for db in $MONGO_DATABASES; do
  mkdir -p "$backup/$db"
  echo "mongo-backup: dumping $db"
  if ! mongodump --host "$MONGO_HOST" --port "$MONGO_PORT" --username root --password "$MONGO_ROOT_PASSWORD" \
      --authenticationDatabase admin --db "$db" --dumpDbUsersAndRoles --gzip --archive="$backup/$db/$stamp.archive.gz"; then
    echo "mongo-backup: FAILED to dump $db"
    exit 1
  fi
done
echo "mongo-backup: dumps of $MONGO_DATABASES written at $stamp"
