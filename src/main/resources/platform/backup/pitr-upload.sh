#!/bin/bash
# pg-basebackup, step 2 (AWS CLI image): upload the base backup step 1 left in /backup/<timestamp>/
# ($BACKUP_DIR) to $BASE_PREFIX<timestamp>/, and last the empty object complete-<first WAL segment>: a
# base backup without it is incomplete, never restored nor counted as kept. Then delete what no kept
# restore point needs (retention.sh pitr_expired_keys: the base backups of the last $KEEP_DAYS days and
# the newest one before them, and WAL from the oldest of those on). Any failure fails the job; a
# failure before the pruning deletes nothing.
set -euo pipefail
source "${SCRIPTS_DIR:-/scripts}/retention.sh"
source "${SCRIPTS_DIR:-/scripts}/s3.sh"
backup="${BACKUP_DIR:-/backup}"
# Every key under a prefix; fails when the bucket cannot be listed (an empty prefix is no failure).
list() {
  local out
  out=$(s3 s3api list-objects-v2 --bucket "$BUCKET" --prefix "$1" --query 'Contents[].Key' --output text) || return 1
  printf '%s\n' "$out" | tr '\t' '\n' | grep -v -e '^None$' -e '^$' || true
}

for dir in "$backup"/*/; do
  stamp=$(basename "$dir")
  start=$(cat "$dir/start-wal")
  for file in "$dir"*; do
    name=$(basename "$file")
    [ "$name" = start-wal ] && continue
    if ! s3 s3 cp --only-show-errors "$file" "s3://$BUCKET/$BASE_PREFIX$stamp/$name"; then
      echo "pg-basebackup: FAILED to upload $name of base backup $stamp to s3://$BUCKET/$BASE_PREFIX$stamp/"
      exit 1
    fi
  done
  if ! s3 s3api put-object --bucket "$BUCKET" --key "$BASE_PREFIX$stamp/complete-$start" > /dev/null; then
    echo "pg-basebackup: FAILED to mark base backup $stamp complete"
    exit 1
  fi
  echo "pg-basebackup: uploaded base backup $stamp to s3://$BUCKET/$BASE_PREFIX$stamp/ (first WAL segment $start)"
done

if ! keys=$(list "$BASE_PREFIX" && list "$WAL_PREFIX"); then
  echo "pg-basebackup: FAILED to list s3://$BUCKET/$BASE_PREFIX and $WAL_PREFIX; nothing pruned"
  exit 1
fi
expired=$(printf '%s\n' "$keys" | pitr_expired_keys "$(cutoff_stamp "$KEEP_DAYS")" "$BASE_PREFIX" "$WAL_PREFIX")
for key in $expired; do
  s3 s3 rm --only-show-errors "s3://$BUCKET/$key"
  echo "pg-basebackup: pruned $key"
done
echo "pg-basebackup: done"
