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

# gfs_expired_keys DAILY MONTHS: reads keys on stdin; for each name (the key's folder) keeps its
# newest DAILY, plus its newest of each of its MONTHS most recent calendar months; prints every
# other key. Per name, so one database's dumps never push out another's.
gfs_expired_keys() {
  local daily="$1" months="$2"
  while IFS= read -r key; do
    stamp=$(stamp_of "$key")
    [ -n "$stamp" ] && printf '%s %s\n' "$stamp" "$key"
  done | sort -r | awk -v daily="$daily" -v months="$months" '
    {
      name = $2; sub(/[^\/]*$/, "", name)
      month = name " " substr($1, 1, 6)
      keep = (++seen[name] <= daily)
      if (!(month in newest) && kept_months[name] < months) {
        newest[month] = 1; kept_months[name]++; keep = 1
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
