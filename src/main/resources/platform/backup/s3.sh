#!/bin/bash
# The AWS CLI pointed at Spaces, SSE-C arguments when the job encrypts at rest, and the newest dump of
# a database; sourced by the upload and fetch steps (after retention.sh), never run on its own.
s3() { aws --endpoint-url "$S3_ENDPOINT" "$@"; }
sse=()
if [ -n "${ENCRYPTION_KEY:-}" ]; then
  sse=(--sse-c AES256 --sse-c-key "$ENCRYPTION_KEY")
fi

# newest_dump NAME: the key of NAME's newest dump under s3://$BUCKET/$PREFIX$NAME/, or nothing when it has none.
newest_dump() {
  s3 s3api list-objects-v2 --bucket "$BUCKET" --prefix "$PREFIX$1/" --query 'Contents[].Key' --output text \
    | tr '\t' '\n' | grep -v '^None$' | newest_key || true
}
