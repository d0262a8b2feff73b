#!/usr/bin/env bash
# Compares two outputs of scripts/count-rows.sh, the old system's and the new one's: prints every table
# or collection with both counts, and exits 1 when any count differs or a name is on one side only.
#   scripts/compare-counts.sh old.txt new.txt
set -euo pipefail
if [ $# -ne 2 ] || ! [ -f "$1" ] || ! [ -f "$2" ]; then
  echo "usage: scripts/compare-counts.sh <old counts> <new counts>" >&2
  exit 2
fi
# A line is "<name> <count>"; the name may hold spaces, the count is the last field.
LC_ALL=C awk '
  NF == 0 { next }
  { count = $NF; name = $0; sub(/[ \t]+[^ \t]+$/, "", name); names[name] = 1
    if (FILENAME == ARGV[1]) old[name] = count; else now[name] = count }
  END {
    printf "%-48s %14s %14s\n", "table or collection", "old", "new"
    n = 0; for (name in names) sorted[++n] = name
    for (i = 2; i <= n; i++) { s = sorted[i]; for (j = i - 1; j >= 1 && sorted[j] > s; j--) sorted[j + 1] = sorted[j]; sorted[j + 1] = s }
    for (i = 1; i <= n; i++) {
      name = sorted[i]
      a = (name in old) ? old[name] : "missing"; b = (name in now) ? now[name] : "missing"
      differs = (a != b); bad = bad || differs
      printf "%-48s %14s %14s  %s\n", name, a, b, differs ? "DIFFERENT" : "same"
    }
    if (bad) { print "compare-counts: the two sides DIFFER"; exit 1 }
    print "compare-counts: " n " tables or collections, the same on both sides"
  }' "$1" "$2"
