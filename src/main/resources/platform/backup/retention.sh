#!/bin/bash
# Pure retention logic shared by the backup and restore-check jobs; sourced, never run on its own.
# Object keys end in a UTC timestamp: <prefix>/<name>/<YYYYmmddTHHMMSSZ>.<ext>. Timestamps in this
# form sort as text in time order, so every comparison below is a plain string comparison.

# stamp_of KEY: the timestamp in a key, or nothing when it has none.
stamp_of() {
  printf '%s\n' "$1" | grep -oE '[0-9]{8}T[0-9]{6}Z' | tail -n 1
}

# stamp_at EPOCH_SECONDS: that instant as a timestamp.
stamp_at() {
  date -u -d "@$1" +%Y%m%dT%H%M%SZ
}

# cutoff_stamp DAYS [NOW_EPOCH]: the timestamp DAYS days before now.
cutoff_stamp() {
  local now="${2:-$(date -u +%s)}"
  stamp_at $((now - $1 * 86400))
}

# expired_keys CUTOFF: reads keys on stdin, prints those older than CUTOFF (age-based retention).
expired_keys() {
  local cutoff="$1" key stamp
  while IFS= read -r key; do
    stamp=$(stamp_of "$key")
    if [ -n "$stamp" ] && [[ "$stamp" < "$cutoff" ]]; then
      printf '%s\n' "$key"
    fi
  done
}

# gfs_expired_keys DAILY MONTHS: reads keys on stdin and, for each name (the key's directory, e.g.
# mongo-backups/alfred), keeps the newest DAILY plus the newest of each of the MONTHS most recent
# calendar months; prints every other key.
gfs_expired_keys() {
  local daily="$1" months="$2"
  while IFS= read -r key; do
    stamp=$(stamp_of "$key")
    [ -n "$stamp" ] && printf '%s %s\n' "$stamp" "$key"
  done | sort -r | awk -v daily="$daily" -v months="$months" '
    {
      name = $2; sub(/\/[^\/]*$/, "", name)
      month = substr($1, 1, 6)
      keep = (++seen[name] <= daily)
      if (!((name, month) in newest) && kept_months[name] < months) {
        newest[name, month] = 1; kept_months[name]++; keep = 1
      }
      if (!keep) print $2
    }'
}

# newest_key: reads keys on stdin, prints the one with the latest timestamp.
newest_key() {
  local key stamp
  while IFS= read -r key; do
    stamp=$(stamp_of "$key")
    [ -n "$stamp" ] && printf '%s %s\n' "$stamp" "$key"
  done | sort -r | head -n 1 | cut -d' ' -f2-
}

# is_fresh STAMP MAX_AGE_HOURS [NOW_EPOCH]: true when STAMP is at most MAX_AGE_HOURS old.
is_fresh() {
  local now="${3:-$(date -u +%s)}"
  local oldest
  oldest=$(stamp_at $((now - $2 * 3600)))
  ! [[ "$1" < "$oldest" ]]
}

# pitr_expired_keys CUTOFF BASE_PREFIX WAL_PREFIX: reads the keys under a server's base backup and WAL
# prefixes on stdin; prints those no kept restore point needs. A base backup is complete when its
# <BASE_PREFIX><stamp>/complete-<first WAL segment> object exists. Kept: every complete base backup from
# CUTOFF on, and the newest one before CUTOFF (the one a recovery to the window's first moment starts
# from); every object of a newer base backup, complete or not; the WAL from the first segment of the
# oldest kept base backup on (compared without the timeline, as pg_archivecleanup does); every timeline
# history file. Without a complete base backup nothing is printed: WAL is never pruned on its own.
pitr_expired_keys() {
  local cutoff="$1" base="$2" wal="$3"
  awk -v cutoff="$cutoff" -v base="$base" -v wal="$wal" '
    function hex24(s) { return length(s) == 24 && s !~ /[^0-9A-F]/ }
    function stamp_of(key,   rest) { rest = substr(key, length(base) + 1); return substr(rest, 1, index(rest, "/") - 1) }
    { keys[NR] = $0 }
    index($0, base) == 1 && index($0, "/complete-") > 0 {
      start = substr($0, index($0, "/complete-") + 10)
      if (hex24(start)) { complete[stamp_of($0)] = start }
    }
    END {
      n = 0
      for (s in complete) { n++; stamps[n] = s }
      if (n == 0) exit
      for (i = 2; i <= n; i++) { s = stamps[i]; for (j = i - 1; j >= 1 && stamps[j] < s; j--) stamps[j + 1] = stamps[j]; stamps[j + 1] = s }
      oldest = stamps[1]
      for (i = 1; i <= n; i++) { oldest = stamps[i]; if (stamps[i] < cutoff) break }
      keep_from = substr(complete[oldest], 9, 16)
      for (k = 1; k <= NR; k++) {
        key = keys[k]
        if (index(key, base) == 1) {
          if (stamp_of(key) < oldest) print key
        } else if (index(key, wal) == 1) {
          name = substr(key, length(wal) + 1); sub(/\.gz$/, "", name)
          segment = substr(name, 1, 24)
          if (name ~ /\.history$/ || !hex24(segment)) continue
          if (name != segment && name !~ /^[0-9A-F]+\.[0-9A-F]+\.backup$/) continue
          if (substr(segment, 9, 16) < keep_from) print key
        }
      }
    }'
}
