#!/bin/bash
# Restore into the live database, step 1 (AWS CLI image): download what to restore into /restore
# ($RESTORE_DIR): with DUMP=newest the newest dump of each of $NAMES; otherwise the one dump DUMP
# names, <database>/<file> under $PREFIX (the database is its folder). Writes /restore/plan, one line
# "<database> <key> <bytes>" per dump, for step 2. Fails when a dump is missing or DUMP is malformed.
set -euo pipefail
source "${SCRIPTS_DIR:-/scripts}/retention.sh"
source "${SCRIPTS_DIR:-/scripts}/s3.sh"
restore="${RESTORE_DIR:-/restore}"
dump="${DUMP:-newest}"
if [ "${FORCE:-no}" != yes ] && [ "${FORCE:-no}" != no ]; then
  echo "restore: FAILED: FORCE must be yes or no, got '$FORCE'"
  exit 1
fi

keys=()
if [ "$dump" = newest ]; then
  for name in $NAMES; do
    newest=$(newest_dump "$name")
    if [ -z "$newest" ]; then
      echo "restore: FAILED: no dump of $name under s3://$BUCKET/$PREFIX$name/"
      exit 1
    fi
    keys+=("$name $newest")
  done
else
  name="${dump%%/*}"
  if ! [[ "$dump" =~ ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$ ]] || [[ "$dump" == *..* ]]; then
    echo "restore: FAILED: DUMP must be 'newest' or <database>/<file> (a key under s3://$BUCKET/$PREFIX), got '$dump'"
    exit 1
  fi
  if ! [[ " $NAMES " == *" $name "* ]]; then
    echo "restore: FAILED: DUMP names database '$name', which this server does not have (it has: $NAMES)"
    exit 1
  fi
  keys+=("$name $PREFIX$dump")
fi

: > "$restore/plan"
for entry in "${keys[@]}"; do
  read -r name key <<< "$entry"
  file="$restore/$name.$EXTENSION"
  if ! s3 s3 cp --only-show-errors "${sse[@]}" "s3://$BUCKET/$key" "$file"; then
    echo "restore: FAILED to fetch s3://$BUCKET/$key"
    exit 1
  fi
  size=$(wc -c < "$file" | tr -d ' ')
  echo "$name $key $size" >> "$restore/plan"
  echo "restore: fetched $key ($size bytes) for $name"
done
