#!/bin/bash
# Restore check, step 1 (AWS CLI image): download the newest dump of each of $NAMES into
# /restore/<name>.<ext> ($RESTORE_DIR). Fails when a dump is missing or older than $MAX_AGE_HOURS.
set -euo pipefail
source "${SCRIPTS_DIR:-/scripts}/retention.sh"
source "${SCRIPTS_DIR:-/scripts}/s3.sh"
for name in $NAMES; do
  newest=$(newest_dump "$name")
  if [ -z "$newest" ]; then
    echo "restore-check: FAILED: no dump of $name under s3://$BUCKET/$PREFIX$name/"
    exit 1
  fi
  stamp=$(stamp_of "$newest")
  if ! is_fresh "$stamp" "$MAX_AGE_HOURS"; then
    echo "restore-check: FAILED: newest dump of $name is from $stamp, older than $MAX_AGE_HOURS hours"
    exit 1
  fi
  s3 s3 cp --only-show-errors "${sse[@]}" "s3://$BUCKET/$newest" "${RESTORE_DIR:-/restore}/$name.$EXTENSION"
  echo "restore-check: fetched $newest"
done
