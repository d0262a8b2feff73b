#!/bin/bash
# pg-basebackup, step 1 (PostgreSQL image): a base backup of the whole server with the WAL it needs to be
# consistent (pg_basebackup -Ft -z -X stream, over the owner's replication connection) into
# /backup/<timestamp>/ ($BACKUP_DIR), and the name of its first WAL segment (from its backup_label) in
# start-wal, for step 2. Any failure fails the job.
set -euo pipefail
backup="${BACKUP_DIR:-/backup}"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
dir="$backup/$stamp"
echo "pg-basebackup: taking a base backup of $PGHOST"
if ! pg_basebackup -h "$PGHOST" -U "$PGUSER" -w -D "$dir" -Ft -z -X stream -c fast; then
  echo "pg-basebackup: FAILED to take a base backup of $PGHOST"
  exit 1
fi
start=$(tar -xzOf "$dir/base.tar.gz" backup_label | sed -n 's/^START WAL LOCATION: .* (file \([0-9A-F]*\))$/\1/p')
if [ "${#start}" -ne 24 ]; then
  echo "pg-basebackup: FAILED: the base backup's backup_label names no first WAL segment"
  exit 1
fi
echo "$start" > "$dir/start-wal"
echo "pg-basebackup: base backup $stamp taken ($(du -sk "$dir" | cut -f1) KiB), first WAL segment $start"
