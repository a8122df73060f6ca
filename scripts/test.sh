#!/usr/bin/env bash
# Runs every check and test of the workspace, each as a stage, and ends with one line
# `N passed, M failed` (test counts where a stage's runner reports them, else the stage as one).
# Exits non-zero if anything failed. Stages keep running after a failure so one run shows all.
#
#   bash scripts/test.sh
#
# Needs the shared test vectors at ../shared (beside the repository, as in CI).
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

T0=$SECONDS
source scripts/setup.sh || { echo "0 passed, 1 failed"; exit 1; }
echo "setup: $((SECONDS - T0)) s"

PASSED=0
FAILED=0
SUMMARY=()
LOG_DIR="$(mktemp -d)"
STAGE_LOG=""

# stage NAME COMMAND...: runs the command, shows its output, counts it.
stage() {
  local name="$1"
  shift
  local start=$SECONDS rc p f
  STAGE_LOG="$LOG_DIR/$(echo "$name" | tr -c 'a-zA-Z0-9' '_').log"
  echo
  echo "=== $name: $*"
  "$@" 2>&1 | tee "$STAGE_LOG"
  rc=${PIPESTATUS[0]}
  read -r p f < <(counts "$STAGE_LOG")
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    f=1 # failed without a test failing (a build error, a crash): count the stage itself
  fi
  if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
    p=1 # a check with no test counts: the stage itself passed
  fi
  PASSED=$((PASSED + p))
  FAILED=$((FAILED + f))
  local verdict=ok
  [ "$rc" -ne 0 ] && verdict=FAILED
  SUMMARY+=("$(printf '%-7s %-52s %4d passed %3d failed %5d s' "$verdict" "$name" "$p" "$f" $((SECONDS - start)))")
}

# counts LOG: "PASSED FAILED" summed from cargo test / wasm-bindgen-test-runner
# (`test result: ok. 8 passed; 0 failed; ...`) and plain `N passed, M failed` lines.
counts() {
  python3 - "$1" <<'PY'
import re, sys
p = f = 0
for line in open(sys.argv[1], errors="replace"):
    m = re.search(r"test result: \w+\. (\d+) passed; (\d+) failed", line)
    if not m:
        m = re.fullmatch(r"\s*(?:\w+:\s*)?(\d+) passed, (\d+) failed(?:, \d+ skipped)?\s*", line)
    if m:
        p += int(m.group(1)); f += int(m.group(2))
print(p, f)
PY
}

# serve_dist COMMAND...: serves dist/ on a free loopback port, runs COMMAND with the URL as its
# last argument, stops the server.
serve_dist() {
  local port pid rc
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  python3 -m http.server "$port" --bind 127.0.0.1 --directory dist >"$LOG_DIR/http.log" 2>&1 &
  pid=$!
  for _ in $(seq 100); do
    python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null && break
    sleep 0.1
  done
  "$@" "http://127.0.0.1:$port/"
  rc=$?
  kill "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  return "$rc"
}

# bench: the performance figures; a failure to measure is reported, never counted.
bench() {
  serve_dist node e2e/bench.mjs || echo "bench: could not measure (see above)"
  return 0
}

# directory_bench: the Directory view's figures; a failure to measure is reported, never counted.
directory_bench() {
  serve_dist node e2e/directory-bench.mjs || echo "directory bench: could not measure (see above)"
  return 0
}

# load_bench: the load figures; a failure to measure is reported, never counted.
load_bench() {
  node e2e/load-bench.mjs dist / 5 || echo "load bench: could not measure (see above)"
  return 0
}

stage "cargo fmt --check" cargo fmt --all -- --check
stage "clippy (native: core, CLI, model)" cargo clippy --workspace --exclude app --all-targets -- -D warnings
stage "clippy (wasm32: app, directory worker)" cargo clippy -p app -p directory-worker --target wasm32-unknown-unknown --all-targets -- -D warnings
stage "cargo test (native: core, CLI, model)" cargo test --workspace --exclude app
stage "wasm test: mapping-core (Node)" \
  cargo test -p mapping-core --target wasm32-unknown-unknown --test wasm_depth --test schema_round_trip \
  --test wasm_regex
stage "wasm test: app (Node + headless Chromium)" cargo test -p app --target wasm32-unknown-unknown
stage "build scim-map" cargo build -p mapping-cli
stage "scim-map vectors ../shared/vectors/*.json" \
  target/debug/scim-map vectors ../shared/vectors/expressions.json ../shared/vectors/payloads.json
# A million generated users piped through the release `scim-map check`: fails if its peak
# memory passes the bound (memory must not grow with the number of users); prints users/s.
stage "scim-map check streams 100k and 1M users in bounded memory (release)" bash scripts/stream-check.sh
# `erase_components` makes Leptos type-erase components and reactive closures: a smaller wasm
# (about 6% less gzip here). Only Trunk's wasm-release build uses it, so the debug builds of
# clippy and the tests keep their cache.
stage "trunk build --release" env RUSTFLAGS="--cfg erase_components" trunk build --release --offline=true
# Service worker precache list and version, then .gz and .br beside every file.
stage "postbuild (sw.js precache list, .gz/.br)" python3 scripts/postbuild.py dist
# Fails above the budget in scripts/size-budget.txt (the one size assertion; README).
stage "size: before interactive ≤ budget (gzip; brotli shown)" python3 scripts/size_report.py dist
stage "e2e (Playwright, Chromium, dist/)" serve_dist node e2e/playground.test.mjs
stage "e2e learn and connect (Playwright, Chromium, dist/)" serve_dist node e2e/learn.test.mjs
# The Directory view: 100k generated users in the worker, filters, export, cancel, bad files.
stage "e2e directory view (Playwright, Chromium, dist/)" serve_dist node e2e/directory.test.mjs
# The same app built for a sub-path (as GitHub Pages serves it): same cargo cache, so only
# wasm-bindgen and wasm-opt run again.
SUBPATH_DIST="$ROOT/target/dist-subpath"
stage "trunk build --public-url /some/path/" env RUSTFLAGS="--cfg erase_components" \
  trunk build --release --offline=true --public-url /some/path/ --dist "$SUBPATH_DIST"
stage "postbuild (sub-path build)" python3 scripts/postbuild.py "$SUBPATH_DIST"
stage "e2e hosting (sub-path, shell, offline, update notice)" node e2e/hosting.test.mjs "$SUBPATH_DIST" /some/path/
# Figures only: always passes, prints keystroke → paint p50/p95 and the 5 MB paste timings.
stage "bench (keystroke → paint, 5 MB paste; figures only)" bench
# Figures only: 100k users → summary in the Directory view, longest main-thread task meanwhile.
stage "directory bench (100k users → summary, long tasks; figures only)" directory_bench
# Figures only: first paint and interactive, cold over 10 Mbit/s + 40 ms and warm offline.
stage "load bench (cold throttled, warm offline; figures only)" load_bench

rm -rf "$LOG_DIR"
echo
echo "=== summary ($((SECONDS - T0)) s)"
printf '%s\n' "${SUMMARY[@]}"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
