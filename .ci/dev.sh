#!/usr/bin/env bash
# Sets up a machine that has only the Rust toolchain, then builds, runs or tests.
#   bash .ci/dev.sh setup   install the tools (idempotent)
#   bash .ci/dev.sh demo    set up, build in release, run with the demo on :3000
#   bash .ci/dev.sh test    set up and run every test, end2end included
#   bash .ci/dev.sh size    print the browser bundle's size (raw and brotli)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
LEPTOS_VERSION=0.3.10
export PATH="$HOME/.cargo/bin:$ROOT/end2end/node_modules/.bin:$PATH"

log() { printf '\n==> %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

setup() {
  log "wasm target"
  rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

  log "cargo-leptos $LEPTOS_VERSION (no_downloads: it uses the tools on PATH)"
  if [ "$(cargo leptos --version 2>/dev/null | awk '{print $2}')" != "$LEPTOS_VERSION" ]; then
    cargo install "cargo-leptos@$LEPTOS_VERSION" --locked --features no_downloads
  fi

  log "wasm-bindgen-cli matching Cargo.lock"
  local wbg
  wbg=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/"/, "", $3); print $3; exit}' Cargo.lock)
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wbg" ]; then
    # Not --locked: the CLI's own lock file names a crate version the registry lacks.
    cargo install wasm-bindgen-cli --version "$wbg"
  fi

  log "Chromium (Debian) for the end2end tests"
  if ! command -v chromium >/dev/null; then
    as_root apt-get update -q
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q chromium fonts-noto-core
  fi

  log "npm packages: wasm-opt (binaryen), Playwright, axe-core"
  (cd end2end && npm ci --no-audit --no-fund --loglevel=error)
}

build_release() {
  log "release build (server for speed, browser bundle for size)"
  cargo leptos build --release
}

start_postgres() {
  if command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1 -p 5432; then
    log "starting PostgreSQL"
    as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start || true
  fi
}

bundle_size() {
  local wasm=target/site/pkg/thidua.wasm js=target/site/pkg/thidua.js
  node -e '
    const fs = require("fs"), zlib = require("zlib");
    for (const f of process.argv.slice(1)) {
      const b = fs.readFileSync(f);
      const br = zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });
      console.log(`${f}: ${(b.length / 1024).toFixed(0)} KiB raw, ${(br.length / 1024).toFixed(0)} KiB brotli`);
    }' "$wasm" "$js"
}

run_tests() {
  start_postgres
  log "unit, property and store tests (SQLite and PostgreSQL)"
  cargo test --release -p domain -p store -p app -p thidua
  build_release
  bundle_size
  log "end2end tests in headless Chromium"
  bash end2end/run.sh
}

case "${1:-}" in
  setup) setup ;;
  demo)
    setup
    build_release
    log "Thi đua ATGT with the demo: http://127.0.0.1:3000"
    exec target/release/thidua serve
    ;;
  test) setup; run_tests ;;
  size) bundle_size ;;
  *) echo "usage: bash .ci/dev.sh setup|demo|test|size" >&2; exit 2 ;;
esac
