#!/bin/bash
# Keeps a pod's own copy of one file from a read-only source (an NFS export), failing closed.
# A copy goes to a temporary file beside the target, is checked, and only then renamed over the
# target: a rename within one directory is atomic, so a reader opens the old file or the new one,
# never a half-written one. Then the time of that copy is written to STAMP as "YYYY/MM/DD HH:MM:SS"
# (UTC), also by rename. Nothing else ever writes the target.
#
#   file-sync.sh once    copy now; exit 1 when the source is unreadable or its copy fails the check (init container)
#   file-sync.sh loop    copy every INTERVAL_SECONDS; a failed copy is logged and the previous one stays (sidecar)
#   file-sync.sh fresh   succeed while the last good copy is at most MAX_AGE_SECONDS old (readiness probe)
#   file-sync.sh alive   succeed while the loop still goes round (liveness probe)
#
# Environment: SOURCE, TARGET, STAMP (in TARGET's directory), INTERVAL_SECONDS, MAX_AGE_SECONDS,
# TIMEOUT_SECONDS (for each of: the readability test, the copy, the check), CHECK (sqlite: a readable
# SQLite database with tables, not in WAL mode, checked with python3's sqlite3; non-empty: any
# non-empty file), HEARTBEAT (a writable file the loop touches). Needs bash and GNU coreutils.
set -euo pipefail

: "${SOURCE:?}" "${TARGET:?}" "${STAMP:?}" "${INTERVAL_SECONDS:?}" "${MAX_AGE_SECONDS:?}" "${TIMEOUT_SECONDS:?}" "${CHECK:?}" "${HEARTBEAT:?}"

now_text() {
  date -u '+%Y/%m/%d %H:%M:%S'
}

info() {
  printf '%s file-sync INFO %s\n' "$(now_text)" "$*"
}

error() {
  printf '%s file-sync ERROR %s\n' "$(now_text)" "$*" >&2
}

# Prints why the file is not a usable copy and fails; prints nothing for a good one.
check_sqlite() {
  timeout "$TIMEOUT_SECONDS" python3 -c '
import pathlib, sqlite3, sys
try:
    db = sqlite3.connect(pathlib.Path(sys.argv[1]).resolve().as_uri() + "?mode=ro", uri=True)
    integrity = db.execute("PRAGMA quick_check").fetchone()[0]
    journal = db.execute("PRAGMA journal_mode").fetchone()[0]
    tables = db.execute("SELECT count(*) FROM sqlite_master WHERE type = ?", ("table",)).fetchone()[0]
    db.close()
except sqlite3.Error as error:
    sys.exit("not a readable SQLite database (%s)" % error)
if integrity != "ok":
    sys.exit("the SQLite integrity check failed (%s)" % integrity)
if journal == "wal":
    sys.exit("the database is in WAL mode: a copy of the file alone misses its -wal file")
if tables == 0:
    sys.exit("an SQLite database without tables")
' "$1"
}

check() {
  case "$CHECK" in
    sqlite) check_sqlite "$1" ;;
    non-empty) [ -s "$1" ] || { echo "an empty file"; return 1; } ;;
    *) echo "unknown CHECK $CHECK"; return 1 ;;
  esac
}

# Replaces $2 by $1 in one step; readers never see a partial file.
install_file() {
  chmod 0444 "$1" && mv -f -- "$1" "$2"
}

write_stamp() {
  local tmp
  tmp=$(mktemp "$STAMP.tmp.XXXXXX") && now_text > "$tmp" && install_file "$tmp" "$STAMP"
}

# One copy; on failure says why and leaves the target and stamp as they were.
sync_once() {
  local tmp problem
  # Leftovers of a copy interrupted by a restart: this process is the only writer.
  rm -f -- "$TARGET".tmp.* "$STAMP".tmp.*
  if ! timeout "$TIMEOUT_SECONDS" test -r "$SOURCE"; then
    error "source $SOURCE is not readable (missing, no read permission, or the NFS export unreachable)"
    return 1
  fi
  if ! tmp=$(mktemp "$TARGET.tmp.XXXXXX"); then
    error "cannot create a temporary file beside $TARGET"
    return 1
  fi
  if ! timeout "$TIMEOUT_SECONDS" cp -- "$SOURCE" "$tmp"; then
    rm -f -- "$tmp"
    error "copying $SOURCE failed or took more than ${TIMEOUT_SECONDS}s"
    return 1
  fi
  if ! problem=$(check "$tmp" 2>&1); then
    rm -f -- "$tmp"
    error "the copy of $SOURCE was rejected: ${problem:-the check timed out after ${TIMEOUT_SECONDS}s}"
    return 1
  fi
  if ! install_file "$tmp" "$TARGET"; then
    rm -f -- "$tmp"
    error "cannot replace $TARGET"
    return 1
  fi
  if ! write_stamp; then
    error "copied, but cannot write the sync time to $STAMP"
    return 1
  fi
  info "copied $SOURCE to $TARGET ($(stat -c %s "$TARGET") bytes), sync time $(cat "$STAMP")"
}

# Seconds since the last good copy, from STAMP; fails when there is none.
stamp_age() {
  local text synced
  text=$(cat "$STAMP" 2>/dev/null) || return 1
  [[ $text =~ ^[0-9]{4}/[0-9]{2}/[0-9]{2}\ [0-9]{2}:[0-9]{2}:[0-9]{2}$ ]] || return 1
  synced=$(date -u -d "${text//\//-}" +%s 2>/dev/null) || return 1
  echo $(( $(date -u +%s) - synced ))
}

fresh() {
  local age
  if ! age=$(stamp_age); then
    echo "no valid sync time in $STAMP"
    return 1
  fi
  if (( age > MAX_AGE_SECONDS )); then
    echo "the copy is ${age}s old, more than ${MAX_AGE_SECONDS}s: refreshes are failing, see this container's log"
    return 1
  fi
}

alive() {
  local beat
  beat=$(stat -c %Y "$HEARTBEAT" 2>/dev/null) || return 1
  # One round: the wait, then at most three timed steps.
  (( $(date +%s) - beat <= INTERVAL_SECONDS + 3 * TIMEOUT_SECONDS + 60 ))
}

loop() {
  info "refreshing $TARGET from $SOURCE every ${INTERVAL_SECONDS}s"
  # Stopping (SIGTERM) ends the loop cleanly. Each refresh runs in a subshell, so this shell only
  # touches, sleeps and waits: bash runs a trap that arrives while it expands a $(...) in the middle
  # of parsing it, and fails with "unexpected EOF while looking for matching `)'" (seen with 5.2).
  trap 'exit 0' TERM INT
  while true; do
    touch "$HEARTBEAT"
    sleep "$INTERVAL_SECONDS" &
    wait $!
    touch "$HEARTBEAT"
    (
      if ! sync_once; then
        error "refresh failed; still serving the copy of $(cat "$STAMP" 2>/dev/null || echo '(none)'); this pod leaves" \
          "the load balancer once that copy is more than ${MAX_AGE_SECONDS}s old"
      fi
    )
  done
}

case "${1:-}" in
  once)
    if ! sync_once; then
      error "no first copy: the app does not start; the kubelet retries this step with a growing back-off"
      exit 1
    fi
    ;;
  loop) loop ;;
  fresh) fresh ;;
  alive) alive ;;
  *)
    echo "usage: file-sync.sh once|loop|fresh|alive" >&2
    exit 2
    ;;
esac
