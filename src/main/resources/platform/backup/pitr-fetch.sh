#!/bin/bash
# pg-pitr-check, step 2 (AWS CLI image): the newest complete base backup (failing when there is none or it
# is older than $MAX_AGE_HOURS) into /restore/base, then, once the mark's segment is in the bucket (at
# most $WAIT_SECONDS), the WAL from the base backup's first segment through the mark's, with the
# timeline history files, into /restore/wal ($RESTORE_DIR).
set -euo pipefail
source "${SCRIPTS_DIR:-/scripts}/retention.sh"
source "${SCRIPTS_DIR:-/scripts}/s3.sh"
restore="${RESTORE_DIR:-/restore}"
source "$restore/mark"
list() { s3 s3api list-objects-v2 --bucket "$BUCKET" --prefix "$1" --query 'Contents[].Key' --output text | tr '\t' '\n' | grep -v '^None$' || true; }

marker=$(list "$BASE_PREFIX" | grep '/complete-' | newest_key || true)
if [ -z "$marker" ]; then
  echo "restore-check: FAILED: no complete base backup under s3://$BUCKET/$BASE_PREFIX"
  exit 1
fi
stamp=$(stamp_of "$marker")
start="${marker##*/complete-}"
if ! is_fresh "$stamp" "$MAX_AGE_HOURS"; then
  echo "restore-check: FAILED: the newest base backup is from $stamp, older than $MAX_AGE_HOURS hours"
  exit 1
fi
waited=0
until s3 s3api head-object --bucket "$BUCKET" --key "$WAL_PREFIX$MARK_SEGMENT.gz" > /dev/null 2>&1; do
  if [ "$waited" -ge "$WAIT_SECONDS" ]; then
    echo "restore-check: FAILED: WAL segment $MARK_SEGMENT was not in s3://$BUCKET/$WAL_PREFIX within $WAIT_SECONDS s; is the server's wal-archive sidecar shipping?"
    exit 1
  fi
  sleep 5
  waited=$((waited + 5))
done
mkdir -p "$restore/base" "$restore/wal"
if ! s3 s3 cp --recursive --only-show-errors "s3://$BUCKET/$BASE_PREFIX$stamp/" "$restore/base/" --exclude 'complete-*'; then
  echo "restore-check: FAILED to fetch base backup $stamp"
  exit 1
fi
# Segments are named <timeline><log><segment>: every log from the base backup's to the mark's, any timeline.
include=(--exclude '*' --include '*.history.gz')
for ((log = 16#${start:8:8}; log <= 16#${MARK_SEGMENT:8:8}; log++)); do
  include+=(--include "????????$(printf '%08X' "$log")*")
done
if ! s3 s3 cp --recursive --only-show-errors "s3://$BUCKET/$WAL_PREFIX" "$restore/wal/" "${include[@]}"; then
  echo "restore-check: FAILED to fetch WAL from s3://$BUCKET/$WAL_PREFIX"
  exit 1
fi
echo "restore-check: fetched base backup $stamp (first WAL segment $start) and $(ls "$restore/wal" | wc -l | tr -d ' ') WAL files through $MARK_SEGMENT"
