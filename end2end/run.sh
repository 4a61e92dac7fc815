#!/usr/bin/env bash
# Runs the end2end tests against the release build, on a fresh PostgreSQL
# database loaded with the demo, so the tests can check pages against SQL.
set -euo pipefail
cd "$(dirname "$0")"
PORT=${E2E_PORT:-3311}
DB=e2e_$$
export PG_URL="postgres://postgres@127.0.0.1:5432/$DB"
node db.mjs drop "$DB"; node db.mjs create "$DB"
LOG=$(mktemp)
cleanup() {
  [ -n "${SERVER:-}" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null || true
  node db.mjs drop "$DB" || true
}
trap cleanup EXIT
# Every test signs in from 127.0.0.1: the per-address sign-in limit would
# count them all together (server tests cover the throttling itself).
(cd .. && DATABASE_URL="$PG_URL" THIDUA_ADDR="127.0.0.1:$PORT" LEPTOS_SITE_ROOT=target/site THIDUA_LOGIN_PER_ADDRESS=1000 \
  exec target/release/thidua serve) >"$LOG" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$LOG"; exit 1; }
  sleep 0.5
done
BASE_URL="http://127.0.0.1:$PORT" npx playwright test "$@" || { echo "--- server log"; tail -50 "$LOG"; exit 1; }
