#!/usr/bin/env bash
# Requests per second of the public page `/` as a phone asks for it
# (Accept-Encoding: br), with wrk (Debian's package), 2 threads, 64
# connections, 20 seconds, after a warm-up; then the same bytes from a
# static file server (nginx, Debian's package) in the same run, and the ratio.
#   bash end2end/perf/throughput.sh
set -euo pipefail
cd "$(dirname "$0")"
source ./serve.sh
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  as_root apt-get update -q && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q wrk nginx-light
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
DURATION=${DURATION:-20s}
THREADS=${THREADS:-2}
CONNS=${CONNS:-64}
start_server
H=(-H "Accept-Encoding: br" -H "Accept: text/html")
wrk -t2 -c16 -d3s "${H[@]}" "http://127.0.0.1:$PORT/" >/dev/null
echo "== thidua: GET / (brotli, from the page cache)"
wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency "${H[@]}" "http://127.0.0.1:$PORT/" | tee "$WORK/app.txt"

# nginx serves the very bytes the app sent, as a static file.
mkdir -p "$WORK/www"
curl -fsS "${H[@]}" -o "$WORK/www/index.html" "http://127.0.0.1:$PORT/"
# nginx's workers run as another user: they must be able to read the file.
chmod 755 "$WORK" "$WORK/www" && chmod 644 "$WORK/www/index.html"
NPORT=$((PORT + 1))
cat >"$WORK/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$NPORT;
    root $WORK/www;
    location / { default_type text/html; add_header Content-Encoding br; }
  }
}
CONF
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK"
trap '"$NGINX" -c "$WORK/nginx.conf" -p "$WORK" -s stop 2>/dev/null; kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
sleep 0.5
wrk -t2 -c16 -d3s "${H[@]}" "http://127.0.0.1:$NPORT/" >/dev/null
echo "== nginx: the same bytes as a static file"
wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency "${H[@]}" "http://127.0.0.1:$NPORT/" | tee "$WORK/nginx.txt"
if grep -q "Non-2xx" "$WORK/app.txt" "$WORK/nginx.txt"; then echo "error responses: the comparison is void"; exit 1; fi
app=$(awk '/Requests\/sec/ {print $2}' "$WORK/app.txt")
ngx=$(awk '/Requests\/sec/ {print $2}' "$WORK/nginx.txt")
echo "== ratio thidua / nginx: $(awk -v a="$app" -v n="$ngx" 'BEGIN { printf "%.2f", a / n }') ($app / $ngx requests per second)"
