#!/bin/bash
# The AWS CLI pointed at Spaces, and SSE-C arguments when the job encrypts at rest; sourced by the
# upload and fetch steps, never run on its own.
s3() { aws --endpoint-url "$S3_ENDPOINT" "$@"; }
sse=()
if [ -n "${ENCRYPTION_KEY:-}" ]; then
  sse=(--sse-c AES256 --sse-c-key "$ENCRYPTION_KEY")
fi
