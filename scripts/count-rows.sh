#!/usr/bin/env bash
# Rows per table (PostgreSQL) or documents per collection (MongoDB) of a database, one "<name> <count>"
# line each, sorted, through whatever client command reaches it: run it against the old system and
# the new, then compare the two outputs with scripts/compare-counts.sh (README: Moving in).
#   scripts/count-rows.sh postgres -- <psql command ...>                 (the counting SQL goes to its stdin)
#   scripts/count-rows.sh mongo <database> [<database> ...] -- <mongosh command ...>   (appended as --eval)
# The counting code is the one the restore jobs log with (src/main/resources/platform/backup/).
set -euo pipefail
resources="$(cd "$(dirname "$0")/.." && pwd)/src/main/resources/platform/backup"
usage() {
  sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}
kind="${1:-}"
[ $# -gt 0 ] && shift
case "$kind" in
  postgres)
    [ "${1:-}" = -- ] || usage
    shift
    [ $# -gt 0 ] || usage
    "$@" < "$resources/pg-counts.sql" | sed '/^$/d' | LC_ALL=C sort
    ;;
  mongo)
    databases=()
    while [ $# -gt 0 ] && [ "$1" != -- ]; do
      databases+=("\"$1\"")
      shift
    done
    [ "${1:-}" = -- ] && [ "${#databases[@]}" -gt 0 ] || usage
    shift
    [ $# -gt 0 ] || usage
    list=$(IFS=,; echo "${databases[*]}")
    "$@" --quiet --eval "const databases = [$list]; $(cat "$resources/mongo-counts.js")" | sed '/^$/d' | LC_ALL=C sort
    ;;
  *) usage ;;
esac
