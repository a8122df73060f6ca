#!/usr/bin/env bash
# Times `scim-map check` (release, genesys-default preset) against `jq -c '.value[]'` over the
# same synthetic Graph export, side by side in one run, and prints users/s, MB/s and peak memory
# for both, with the CPU time each used (user + system: on a loaded machine the fairer
# comparison). No assertions: figures only.
#
#   scripts/bench-check.sh              # 100,000 users
#   USERS=1000000 scripts/bench-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."

USERS=${USERS:-100000}
SEED=${SEED:-1}
JQ=${JQ:-/usr/bin/jq}
BIN=target/release/scim-map
FILE=${TMPDIR:-/tmp}/scim-map-bench-$USERS-$SEED.json

cargo build --release -p mapping-cli >&2
[ -s "$FILE" ] || "$BIN" sample-directory --users "$USERS" --seed "$SEED" > "$FILE"
BYTES=$(stat -c %s "$FILE")

# Runs a command with stdout to /dev/null; prints "seconds peak-kB cpu-seconds".
measure() {
    local log
    log=$(mktemp)
    /usr/bin/time -f "%e %M %U %S" -o "$log" "$@" > /dev/null 2>/dev/null || true
    tail -n 1 "$log" | awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }'
    rm -f "$log"
}

report() {
    local name=$1 seconds=$2 kb=$3 cpu=$4
    awk -v n="$name" -v s="$seconds" -v kb="$kb" -v c="$cpu" -v u="$USERS" -v b="$BYTES" 'BEGIN {
        if (s <= 0) s = 0.01;
        printf "%-34s %8.2f s  %10.0f users/s  %7.1f MB/s  peak %6.1f MB  CPU %6.2f s\n", n, s, u / s, b / s / 1e6, kb / 1024, c }'
}

echo "$(date -u +%Y-%m-%d) $USERS users, $(awk -v b="$BYTES" 'BEGIN { printf "%.1f", b / 1e6 }') MB, $(nproc) cores"
read -r jq_s jq_kb jq_cpu < <(measure "$JQ" -c '.value[]' "$FILE")
read -r check_s check_kb check_cpu < <(measure "$BIN" check --users "$FILE" --mappings genesys-default --region US)
report "jq -c '.value[]'" "$jq_s" "$jq_kb" "$jq_cpu"
report "scim-map check (genesys-default)" "$check_s" "$check_kb" "$check_cpu"
awk -v a="$jq_s" -v b="$check_s" -v ac="$jq_cpu" -v bc="$check_cpu" 'BEGIN {
    if (b <= 0) b = 0.01; if (bc <= 0) bc = 0.01;
    printf "scim-map check is %.2fx the speed of jq (wall time); it uses %.2fx jq'"'"'s CPU time\n", a / b, bc / ac }'
