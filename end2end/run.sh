#!/usr/bin/env bash
# Runs the end2end tests against the release build, on a fresh PostgreSQL
# database loaded with the demo, so the tests can check pages against SQL.
# The server runs under a small supervisor so that a test can stop it and
# start it again (E2E_CTL: `touch $E2E_CTL/paused` and kill the pid in
# `$E2E_CTL/pid` to stop; remove `paused` to start it again).
set -euo pipefail
cd "$(dirname "$0")"
PORT=${E2E_PORT:-3311}
DB=e2e_$$
export PG_URL="postgres://postgres@127.0.0.1:5432/$DB"
export E2E_CTL=$(mktemp -d)
node db.mjs drop "$DB"; node db.mjs create "$DB"
LOG=$(mktemp)
cleanup() {
  touch "$E2E_CTL/quit"
  [ -s "$E2E_CTL/pid" ] && kill "$(cat "$E2E_CTL/pid")" 2>/dev/null || true
  [ -n "${SUPERVISOR:-}" ] && wait "$SUPERVISOR" 2>/dev/null || true
  node db.mjs drop "$DB" || true
}
trap cleanup EXIT
# Every test signs in from 127.0.0.1: the per-address sign-in limit would
# count them all together (server tests cover the throttling itself).
(
  cd ..
  while [ ! -e "$E2E_CTL/quit" ]; do
    DATABASE_URL="$PG_URL" THIDUA_ADDR="127.0.0.1:$PORT" LEPTOS_SITE_ROOT=target/site THIDUA_LOGIN_PER_ADDRESS=1000 \
      target/release/thidua serve >>"$LOG" 2>&1 &
    echo $! >"$E2E_CTL/pid"
    wait $! || true
    while [ -e "$E2E_CTL/paused" ] && [ ! -e "$E2E_CTL/quit" ]; do sleep 0.2; done
  done
) &
SUPERVISOR=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  kill -0 "$SUPERVISOR" 2>/dev/null || { cat "$LOG"; exit 1; }
  sleep 0.5
done
BASE_URL="http://127.0.0.1:$PORT" npx playwright test "$@" || { echo "--- server log"; tail -50 "$LOG"; exit 1; }
