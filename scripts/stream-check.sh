#!/usr/bin/env bash
# Streams a generated directory of a million users (about 600 MB of Graph JSON, never written to
# disk) through the release `scim-map check`, and fails if its peak memory (resident set) passes
# the bound: memory must not grow with the number of users. Prints users/s and the peak for
# 100,000 and for 1,000,000 users, so the README's figures can be read off a run.
#
#   scripts/stream-check.sh                 # 100k and 1M users
#   USERS="20000" scripts/stream-check.sh   # other sizes
set -euo pipefail
cd "$(dirname "$0")/.."

USERS=${USERS:-"100000 1000000"}
# The check holds a bounded number of users in flight (the queues between its threads), the
# compiled mapping set and the summary's tallies; 256 MB leaves room for the allocator.
BOUND_MB=${BOUND_MB:-256}
BIN=target/release/scim-map

cargo build --release -p mapping-cli >&2

peaks=()
for n in $USERS; do
    log=$(mktemp)
    start=$(date +%s%N)
    "$BIN" sample-directory --users "$n" --seed 11 |
        /usr/bin/time -f "%M" -o "$log" "$BIN" check --users - --mappings genesys-default \
            --region US --csv > /dev/null || true
    end=$(date +%s%N)
    kb=$(tail -n 1 "$log")
    rm -f "$log"
    case "$kb" in
        ''|*[!0-9]*) echo "FAIL: scim-map check did not finish over $n users ($kb)"; exit 1 ;;
    esac
    awk -v n="$n" -v kb="$kb" -v s="$(( (end - start) / 1000000 ))e-3" 'BEGIN {
        printf "%9d users streamed: %6.1f s, %8.0f users/s, peak memory %6.1f MB\n", n, s, n / s, kb / 1024 }'
    peaks+=("$kb")
done

status=0
for kb in "${peaks[@]}"; do
    if [ "$kb" -gt $((BOUND_MB * 1024)) ]; then
        echo "FAIL: peak memory $((kb / 1024)) MB is over the ${BOUND_MB} MB bound"
        status=1
    fi
done
[ "$status" -eq 0 ] && echo "peak memory within ${BOUND_MB} MB for every size"
exit "$status"
