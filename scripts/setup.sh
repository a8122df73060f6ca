#!/usr/bin/env bash
# Installs what building and testing the playground needs, only what is missing, and puts the
# pinned tools first on PATH. Fast (a few version checks) when everything is present.
#
#   source scripts/setup.sh   # from another script: also exports PATH to the caller
#   bash scripts/setup.sh     # just install
#
# Pins (see shared/reference/stack.md): trunk 0.21.14 (0.22 needs a newer rustc),
# wasm-bindgen-cli 0.2.130 (must equal the `wasm-bindgen` crate), binaryen 132 from npm for
# wasm-opt (Debian's 108 breaks the app at load time), playwright-core 1.65.1 driving Debian's
# Chromium.

SETUP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# wasm-opt 132 must shadow /usr/bin/wasm-opt (108); cargo-installed tools next.
export PATH="$SETUP_ROOT/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"

setup_main() (
  set -euo pipefail
  cd "$SETUP_ROOT"
  say() { echo "setup: $*" >&2; }

  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi

  if [ "$(trunk --version 2>/dev/null)" != "trunk 0.21.14" ]; then
    say "installing trunk 0.21.14 (about 15 minutes on 2 cores)"
    cargo install trunk --version 0.21.14 --locked
  fi

  # wasm-bindgen-cli must be exactly the version of the wasm-bindgen crate in Cargo.lock.
  local_wbg="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
  local_wbg="${local_wbg:-0.2.130}"
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $local_wbg" ]; then
    # No --locked: its lockfile names a webpki-roots version the registry no longer serves.
    say "installing wasm-bindgen-cli $local_wbg (about 3.5 minutes)"
    cargo install wasm-bindgen-cli --version "$local_wbg"
  fi

  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing Debian's chromium and chromium-driver"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
  fi

  # Brotli for the precompressed .br files (scripts/postbuild.py): the Python module or the CLI.
  if ! python3 -c 'import brotli' 2>/dev/null && ! command -v brotli >/dev/null; then
    say "installing Debian's brotli"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y brotli
  fi

  # GNU time: the streaming check reads the peak memory of `scim-map check` with it.
  if [ ! -x /usr/bin/time ]; then
    say "installing Debian's time"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y time
  fi

  if ! command -v node >/dev/null; then
    say "error: Node.js (>= 20) is needed for the e2e tests and wasm-opt 132"
    exit 1
  fi
  # npm ci when node_modules is missing or was installed from another package-lock.json.
  if ! cmp -s e2e/package-lock.json e2e/node_modules/.installed-package-lock.json; then
    say "npm ci in e2e/ (playwright-core, binaryen)"
    (cd e2e && npm ci --no-audit --no-fund)
    cp e2e/package-lock.json e2e/node_modules/.installed-package-lock.json
  fi

  # Trunk runs cargo with --offline: have every crate in the local registry first.
  cargo fetch --quiet
)

if ! setup_main; then
  echo "setup: failed" >&2
  # `return` when sourced, `exit` when run.
  return 1 2>/dev/null || exit 1
fi
