# Sourced by the measurement scripts: starts the release server on a fresh
# SQLite file with the demo campaign, on $PORT, and stops it on exit.
# Needs `cargo leptos build --release` first.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PORT=${PORT:-3400}
WORK=$(mktemp -d)
start_server() {
  (cd "$ROOT" && exec env DATABASE_URL="sqlite://$WORK/perf.db?mode=rwc" THIDUA_FILES_DIR="$WORK/files" \
    THIDUA_ADDR="127.0.0.1:$PORT" LEPTOS_SITE_ROOT=target/site RUST_LOG=warn \
    target/release/thidua serve >"$WORK/server.log" 2>&1) &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  cat "$WORK/server.log"
  return 1
}
