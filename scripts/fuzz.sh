#!/usr/bin/env bash
# Fuzzes the parsers and readers with cargo-fuzz (libFuzzer), one target or all of them.
#
# Usage: bash scripts/fuzz.sh TARGET SECONDS   one target (e.g. target_path 600)
#        bash scripts/fuzz.sh all SECONDS      every target in turn, SECONDS each
#        bash scripts/fuzz.sh list             the targets
#
# Targets are whatever `cargo fuzz list` finds in fuzz/Cargo.toml (add one there, with its file in
# fuzz/fuzz_targets/, and optionally its seeds in fuzz/seed_corpus.py). Each corpus
# (fuzz/corpus/TARGET, git-ignored) is seeded from the fixtures and ../shared/vectors first.
# Per target it prints libFuzzer's final line, `TARGET: Done N runs in S second(s)`, or the crash;
# the exit status is 1 if any target crashed, leaked, timed out or did not run.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
# Stable Rust: libFuzzer's -Z flags need RUSTC_BOOTSTRAP; no sanitizer (mapping-core forbids unsafe).
export RUSTC_BOOTSTRAP=1

targets() { (cd fuzz && cargo fuzz list); }

# The longest input worth trying: documents get room, one-line inputs do not.
max_len() {
  case "$1" in
    schema_json|graph_user|directory_readers) echo 65536 ;;
    target_path|phone) echo 4096 ;;
    *) echo 12000 ;;
  esac
}

usage() { sed -n '4,6p' "$0" | sed 's/^# //' >&2; exit 2; }

run_one() {
  local target="$1" seconds="$2"
  local corpus="fuzz/corpus/$target" log="${TMPDIR:-/tmp}/scim-map-fuzz-$target.log"
  python3 fuzz/seed_corpus.py "$target" "$corpus"
  local status=0
  cargo fuzz run --sanitizer none "$target" "$corpus" -- \
    -max_total_time="$seconds" -max_len="$(max_len "$target")" -timeout=5 -rss_limit_mb=2048 \
    >"$log" 2>&1 || status=$?
  local done_line
  done_line="$(grep -E '^Done [0-9]+ runs' "$log" | tail -1 || true)"
  if [[ $status -eq 0 && -n "$done_line" ]]; then
    echo "$target: $done_line"
  else
    echo "$target: FAILED (exit $status) — log: $log"
    grep -E '^(==[0-9]+==|SUMMARY|thread .* panicked|artifact_prefix|Test unit written)' "$log" | head -8 || tail -20 "$log"
    return 1
  fi
}

[[ $# -ge 1 ]] || usage
case "$1" in
  list) targets; exit 0 ;;
  -h|--help) usage ;;
esac
[[ $# -eq 2 && "$2" =~ ^[0-9]+$ ]] || usage
mapfile -t known < <(targets)
selected=()
for target in "${known[@]}"; do
  [[ "$1" == all || "$1" == "$target" ]] && selected+=("$target")
done
if [[ ${#selected[@]} -eq 0 ]]; then
  echo "unknown target $1; targets: ${known[*]}" >&2
  exit 2
fi
(cd fuzz && cargo fuzz build --sanitizer none >/dev/null 2>&1) || (cd fuzz && cargo fuzz build --sanitizer none)
failed=0
for target in "${selected[@]}"; do
  run_one "$target" "$2" || failed=1
done
exit "$failed"
