# Holds a pod's app containers until a dependency answers (compose's depends_on), as an init container.
# Arguments: <what> <timeout seconds> <expected output, or - for the exit status alone> <check command> [args...]
what=$1
timeout=$2
expect=$3
shift 3
interval=${WAIT_INTERVAL:-2}
start=$(date +%s)
while :; do
  if output=$("$@" 2>&1); then
    case "$expect" in
      -) echo "wait-for: $what answers"; exit 0 ;;
    esac
    case "$output" in
      *"$expect"*) echo "wait-for: $what answers"; exit 0 ;;
    esac
  fi
  if [ $(( $(date +%s) - start )) -ge "$timeout" ]; then
    echo "wait-for: FAILED: $what did not answer within ${timeout}s; last answer: $output" >&2
    exit 1
  fi
  sleep "$interval"
done
