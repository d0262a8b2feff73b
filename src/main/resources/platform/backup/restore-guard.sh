#!/bin/bash
# What restoring into a live database does the same for every datastore; sourced by <kind>-restore.sh,
# never run on its own. The caller defines counts DATABASE: one "<name> <count>" line per table or
# collection of the live DATABASE.

# check_parameters: FORCE is yes or no, and step 1 left a plan (/restore/plan: "<database> <key> <bytes>").
check_parameters() {
  if [ "${FORCE:-no}" != yes ] && [ "${FORCE:-no}" != no ]; then
    echo "restore: FAILED: FORCE must be yes or no, got '$FORCE'"
    exit 1
  fi
  if ! [ -s "${RESTORE_DIR:-/restore}/plan" ]; then
    echo "restore: FAILED: nothing to restore (no plan from the fetch step)"
    exit 1
  fi
}

# refuse_data WHAT: logs every planned database that holds WHAT (rows, documents); unless FORCE=yes,
# refuses them all before anything is restored.
refuse_data() {
  local what="$1" refused="" db key size before holding
  while read -r db key size; do
    if ! before=$(counts "$db"); then
      echo "restore: FAILED: cannot read database $db"
      exit 1
    fi
    holding=$(printf '%s\n' "$before" | awk 'NF >= 2 && $NF > 0')
    if [ -n "$holding" ]; then
      echo "restore: database $db holds $what:"
      printf '%s\n' "$holding" | sed 's/^/restore:   /'
      [ "${FORCE:-no}" = yes ] || refused="$refused $db"
    fi
  done < "${RESTORE_DIR:-/restore}/plan"
  if [ -n "$refused" ]; then
    echo "restore: REFUSED: not replacing the data of$refused; to replace it, run the job again with FORCE=yes (README)"
    exit 1
  fi
}

# log_restored DB KEY UNITS WHAT: what DB holds now, after KEY was restored into it.
log_restored() {
  local after
  if ! after=$(counts "$1"); then
    echo "restore: FAILED: cannot count the restored $1"
    exit 1
  fi
  echo "restore: restored $2 into $1: $(printf '%s\n' "$after" | grep -c . || true) $3, $(printf '%s\n' "$after" | awk '{n += $NF} END {print n + 0}') $4:"
  printf '%s\n' "$after" | sed 's/^/restore:   /'
}
