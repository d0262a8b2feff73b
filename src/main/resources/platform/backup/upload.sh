#!/bin/bash
# Backup, step 2 (AWS CLI image): upload what step 1 left in /backup ($BACKUP_DIR) to Spaces under $PREFIX,
# then delete what retention no longer keeps ($RETENTION: "days:N" or "gfs:DAILY:MONTHS").
# With $ENCRYPTION_KEY set, objects are encrypted at rest with it (SSE-C); restores need the key.
set -euo pipefail
source "${SCRIPTS_DIR:-/scripts}/retention.sh"
source "${SCRIPTS_DIR:-/scripts}/s3.sh"

for dir in "${BACKUP_DIR:-/backup}"/*/; do
  name=$(basename "$dir")
  if ! s3 s3 cp --recursive --only-show-errors "${sse[@]}" "$dir" "s3://$BUCKET/$PREFIX$name/"; then
    echo "backup: FAILED to upload $name to s3://$BUCKET/$PREFIX$name/"
    exit 1
  fi
  echo "backup: uploaded $name to s3://$BUCKET/$PREFIX$name/"
done

keys=$(s3 s3api list-objects-v2 --bucket "$BUCKET" --prefix "$PREFIX" --query 'Contents[].Key' --output text | tr '\t' '\n' | grep -v '^None$' || true)
case "$RETENTION" in
  days:*) expired=$(printf '%s\n' "$keys" | expired_keys "$(cutoff_stamp "${RETENTION#days:}")") ;;
  gfs:*) IFS=: read -r _ daily months <<< "$RETENTION"
         expired=$(printf '%s\n' "$keys" | gfs_expired_keys "$daily" "$months") ;;
  *) echo "backup: unknown retention $RETENTION"; exit 1 ;;
esac
for key in $expired; do
  s3 s3 rm --only-show-errors "s3://$BUCKET/$key"
  echo "backup: pruned $key"
done
echo "backup: done"
