#!/usr/bin/env bash
# Builds the playground (release, wasm-opt -Oz) and serves it on http://127.0.0.1:8080/ ,
# rebuilding when a source file changes (reload the page yourself: Trunk's autoreload client is
# an inline script, which the page's Content-Security-Policy refuses).
# Extra arguments go to `trunk serve`, e.g. `bash scripts/serve.sh --port 9000`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
# Address 127.0.0.1 and port 8080 come from Trunk.toml ([serve]).
# erase_components: the same smaller build as scripts/test.sh.
RUSTFLAGS="--cfg erase_components" exec trunk serve --release --offline=true "$@"
