#!/bin/bash
# The wal-archive sidecar (AWS CLI image): ships what archive_command leaves in the spool ($SPOOL, on the
# database's data volume) to s3://$BUCKET/$PREFIX<file>, in WAL order, removing each file only once it
# is uploaded; a pass every $INTERVAL seconds, for ever. A failed upload is logged and retried on the
# next pass with the file kept (PostgreSQL has long recycled its own copy). --once: one pass, exiting
# non-zero when a file could not be shipped (tests, or shipping by hand).
set -uo pipefail
source "${SCRIPTS_DIR:-/pitr-scripts}/s3.sh"
mkdir -p "$SPOOL"

ship() {
  local file
  # Whole files only: archive_command writes .<name>.partial and renames it when flushed.
  for file in $(ls "$SPOOL" | grep -v '^\.' | sort); do
    if s3 s3 cp --only-show-errors "$SPOOL/$file" "s3://$BUCKET/$PREFIX$file"; then
      rm -f "$SPOOL/$file"
      echo "wal-archive: shipped $file"
    else
      echo "wal-archive: FAILED to ship $file to s3://$BUCKET/$PREFIX; it stays in the spool, retrying in ${INTERVAL}s"
      return 1
    fi
  done
}

if [ "${1:-}" = --once ]; then
  ship
  exit $?
fi
echo "wal-archive: shipping $SPOOL to s3://$BUCKET/$PREFIX every ${INTERVAL}s"
while true; do
  ship || true
  touch "${HEARTBEAT:-/tmp/wal-archive.alive}"
  sleep "$INTERVAL"
done
