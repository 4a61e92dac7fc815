#!/usr/bin/env bash
# The load scenario: 500 units submitting while 1,000 viewers watch the public
# page and the meeting-room dashboard live, for a few minutes, against the
# release server on a fresh SQLite database. Prints errors, latency
# percentiles and the server's memory; keeps goose's reports in
# end2end/load/out/.
#
#   bash end2end/load/run.sh                 # 2.5 minutes of full load
#   RUN_TIME=30 bash end2end/load/run.sh     # a shorter run
#
# Settings: RUN_TIME (seconds of full load after every user has started, 150),
# UNITS (500; the viewers are twice as many: 1,000), INCREASE_RATE (users
# started per second, 50), WRITER_PAUSE_MIN/MAX (seconds between a unit's
# saves, 2 and 6), PORT (3500), THIDUA_BIN (the server binary,
# target/release/thidua, built with `cargo build --release -p thidua` when
# missing), CARGO_TARGET_DIR for this folder's own crate (/tmp/load-target).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
RUN_TIME=${RUN_TIME:-150}
UNITS=${UNITS:-500}
INCREASE_RATE=${INCREASE_RATE:-50}
PORT=${PORT:-3500}
THIDUA_BIN=${THIDUA_BIN:-$ROOT/target/release/thidua}
LOAD_TARGET=${CARGO_TARGET_DIR:-/tmp/load-target}
OUT=$HERE/out
# Goose's weights are 5 (units) : 7 (public page) : 3 (screens): with three
# users per unit, one in three writes and two in three watch.
USERS=$((UNITS * 3))
# Both ends hold ~1,500 connections, each of them a file descriptor.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

if [ ! -x "$THIDUA_BIN" ]; then
  echo "== building the server: cargo build --release -p thidua"
  (cd "$ROOT" && cargo build --release -p thidua)
fi
echo "== building the seed program and the goose driver (end2end/load, its own workspace)"
CARGO_TARGET_DIR=$LOAD_TARGET cargo build --release --quiet --manifest-path "$HERE/Cargo.toml"

WORK=$(mktemp -d)
SERVER=""
SAMPLER=""
cleanup() {
  [ -n "$SAMPLER" ] && kill "$SAMPLER" 2>/dev/null || true
  if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
mkdir -p "$OUT" "$WORK/site" "$WORK/files"

echo "== seeding a fresh SQLite database: the demo + $UNITS units"
"$LOAD_TARGET/release/seed" "sqlite://$WORK/load.db?mode=rwc" "$WORK/manifest" "$UNITS"

# The site root only serves CSS and scripts, which the load does not fetch;
# the pages render without the wasm bundle.
SITE=$ROOT/target/site
[ -d "$SITE" ] || SITE=$WORK/site
# All the load comes from 127.0.0.1, as it would from a reverse proxy: the
# per-address sign-in limit is raised as the README says for that case; the
# per-account limit (5 a minute) stays.
env DATABASE_URL="sqlite://$WORK/load.db?mode=rwc" THIDUA_ADDR="127.0.0.1:$PORT" \
  LEPTOS_OUTPUT_NAME=thidua LEPTOS_SITE_ROOT="$SITE" LEPTOS_SITE_ADDR="127.0.0.1:$PORT" \
  THIDUA_FILES_DIR="$WORK/files" THIDUA_DEMO=false THIDUA_LOGIN_PER_ADDRESS=1000000 \
  RUST_LOG=warn "$THIDUA_BIN" serve >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null || { cat "$WORK/server.log"; exit 1; }
# A first look at each page, as after any restart.
curl -fsS -o /dev/null "http://127.0.0.1:$PORT/"

kib() { awk -v k="$1" '/^'"$1"':/ {print $2}' "/proc/$SERVER/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; }
IDLE_RSS=$(kib VmRSS)
CPU0=$(cpu_ticks)
# The server's resident memory every half second, with the machine's load.
(
  while kill -0 "$SERVER" 2>/dev/null; do
    echo "$(date +%s.%N) $(awk '/^VmRSS:/ {print $2}' "/proc/$SERVER/status") $(cut -d' ' -f1 /proc/loadavg)"
    sleep 0.5
  done
) >"$WORK/mem.txt" 2>/dev/null &
SAMPLER=$!

STAMP=$(date -u +%Y%m%d-%H%M%S)
echo "== load: $UNITS units writing, $((UNITS * 7 / 5)) viewers of / and $((UNITS * 3 / 5)) screens;" \
  "$USERS users started at $INCREASE_RATE/s, then ${RUN_TIME}s; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
T0=$(date +%s.%N)
STARTUP=$(( (USERS + INCREASE_RATE - 1) / INCREASE_RATE ))
set +e
LOAD_MANIFEST="$WORK/manifest" LOAD_HOLD_UNTIL=$((STARTUP + RUN_TIME)) \
  "$LOAD_TARGET/release/drive" --host "http://127.0.0.1:$PORT" --users "$USERS" \
  --increase-rate "$INCREASE_RATE" --run-time "${RUN_TIME}s" \
  --report-file "$OUT/report-$STAMP.html" --report-file "$OUT/report-$STAMP.md" \
  --no-print-metrics >"$OUT/goose-$STAMP.log" 2>&1
DRIVE=$?
set -e
kill "$SAMPLER" 2>/dev/null || true; SAMPLER=""
CPU1=$(cpu_ticks)
HWM=$(kib VmHWM)
PEAK=$(awk '$2 > m {m = $2} END {print m}' "$WORK/mem.txt")
LOADMAX=$(awk '$3 > m {m = $3} END {print m}' "$WORK/mem.txt")
ALIVE=yes; kill -0 "$SERVER" 2>/dev/null || ALIVE=no
cp "$WORK/server.log" "$OUT/server-$STAMP.log"
# seconds since the load began, RSS in KiB, 1-min load average
awk -v t0="$T0" '{printf "%.1f %s %s\n", $1 - t0, $2, $3}' "$WORK/mem.txt" >"$OUT/memory-$STAMP.txt"
PEAK_AT=$(awk '$2 > m {m = $2; t = $1} END {print t}' "$OUT/memory-$STAMP.txt")
LAST_RSS=$(tail -1 "$OUT/memory-$STAMP.txt" | cut -d' ' -f2)

echo
echo "== goose's tables ($OUT/report-$STAMP.md)"
cat "$OUT/report-$STAMP.md" 2>/dev/null || tail -50 "$OUT/goose-$STAMP.log"
echo
echo "== summary"
echo "driver exit code: $DRIVE; server still running: $ALIVE"
grep -h "live streams held" "$OUT/goose-$STAMP.log" || true
echo "server memory: idle ${IDLE_RSS} KiB; peak RSS sampled ${PEAK} KiB at ${PEAK_AT} s into the load; VmHWM ${HWM} KiB ($((HWM / 1024)) MiB); at the end ${LAST_RSS} KiB (memory-$STAMP.txt)"
echo "server CPU: $(( (CPU1 - CPU0) / $(getconf CLK_TCK) )) s over the run; highest 1-min load average during it: $LOADMAX"
echo "server log lines at WARN or ERROR: $(grep -cE 'WARN|ERROR' "$WORK/server.log" || true)"
