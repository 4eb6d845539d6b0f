#!/usr/bin/env bash
# Lighthouse (mobile, the default) scores of the home page and a meeting page.
#
#   make run                        # in another terminal: the demo site on :8000
#   bash benchmarks/lighthouse.sh [BASE_URL]
#
# Uses Debian's Chromium (CHROME_PATH) and lighthouse@12 from npm (13 needs a
# newer Node); Lighthouse never downloads a browser here.
set -euo pipefail
base=${1:-http://127.0.0.1:8000}
tools=$(mktemp -d)
trap 'rm -rf "$tools"' EXIT
(cd "$tools" && CHROMEDRIVER_SKIP_DOWNLOAD=true PUPPETEER_SKIP_DOWNLOAD=true \
  npm install --no-audit --no-fund --silent lighthouse@12)
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
flags="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
for path in /en/ /en/meetings/2026/chairman-meets-ambassador-of-japan/; do
  "$tools/node_modules/.bin/lighthouse" "$base$path" --quiet --output=json \
    --output-path="$tools/report.json" --chrome-flags="$flags" \
    --only-categories=performance,accessibility,best-practices,seo
  python3 - "$path" "$tools/report.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[2]))
scores = ", ".join(f"{key} {round(value['score'] * 100)}" for key, value in report["categories"].items())
print(f"{sys.argv[1]}: {scores}")
PY
done
