#!/bin/bash
# pg-backup, step 1 (PostgreSQL image): dump every database (custom format) and the cluster's
# roles into /backup ($BACKUP_DIR), where the upload step picks them up. Any failure fails the job.
set -euo pipefail
backup="${BACKUP_DIR:-/backup}"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
for db in $DATABASES; do
  mkdir -p "$backup/$db"
  echo "pg-backup: dumping $db"
  if ! pg_dump -Fc -h "$PGHOST" -U "$PGUSER" -d "$db" -f "$backup/$db/$stamp.pgdump"; then
    echo "pg-backup: FAILED to dump $db"
    exit 1
  fi
done
mkdir -p "$backup/_globals"
pg_dumpall --globals-only -h "$PGHOST" -U "$PGUSER" -f "$backup/_globals/$stamp.sql"
echo "pg-backup: dumps of $DATABASES written at $stamp"
