#!/usr/bin/env bash
# Lighthouse (npm, mobile settings: a mid-range phone on a slow 4G link) on the
# public page, in Debian's Chromium. Prints the four category scores and
# keeps the full reports in end2end/perf/out/.
#   bash end2end/perf/lighthouse.sh [path ...]     (default: / )
set -euo pipefail
cd "$(dirname "$0")"
source ./serve.sh
[ -x node_modules/.bin/lighthouse ] || npm ci --no-audit --no-fund --loglevel=error
start_server
mkdir -p out
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
for path in "${@:-/}"; do
  name=$(echo "$path" | tr '/' '_')
  node_modules/.bin/lighthouse "http://127.0.0.1:$PORT$path" --quiet --form-factor=mobile \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu" \
    --output=json --output=html --output-path="out/lighthouse$name"
  node -e '
    const r = require(process.argv[1]);
    const s = Object.values(r.categories).map((c) => `${c.title}: ${Math.round(c.score * 100)}`);
    const m = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"]
      .map((k) => `${r.audits[k].title}: ${r.audits[k].displayValue}`);
    console.log(`${process.argv[2]}\n  ${s.join(", ")}\n  ${m.join(", ")}`);
  ' "$PWD/out/lighthouse$name.report.json" "$path"
done
