#!/usr/bin/env bash
# Fuzzes parse + check + evaluate with cargo-fuzz (libFuzzer) for SECONDS (default 600).
# The corpus is seeded from the shared expression vectors beside the repository.
# Usage: bash scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
corpus=fuzz/corpus/parse_check_eval
mkdir -p "$corpus"
python3 - "$corpus" <<'PY'
import json, sys, pathlib
out = pathlib.Path(sys.argv[1])
cases = json.load(open("../shared/vectors/expressions.json"))["cases"]
for case in cases:
    data = case["expr"].encode()
    if "source" in case:
        data += b"\0" + json.dumps(case["source"]).encode()
    (out / case["id"]).write_bytes(data)
PY
# Stable Rust: libFuzzer's -Z flags need RUSTC_BOOTSTRAP; no sanitizer (the crate has no unsafe code).
RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none parse_check_eval "$corpus" -- \
  -max_total_time="$seconds" -max_len=12000 -timeout=5 -rss_limit_mb=2048 2>&1 | tee /tmp/fuzz.log | grep -E '^(#[0-9]+ +(DONE|pulse)|Done|==|SUMMARY|INFO: -max_total_time)' || true
grep -E 'Done [0-9]+ runs' /tmp/fuzz.log
