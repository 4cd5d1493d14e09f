#!/usr/bin/env bash
# Lighthouse (desktop preset) on the web app's main screens, signed in as a demo user, against a
# running server: `npm start` in one terminal, then `tests/bench/web/lighthouse.sh [base-url]`.
# Lighthouse is fetched by npx on first use (pinned: v12 runs on Node 20; v13 needs Node 22) and
# drives Debian's chromium with the flags this machine needs (no network beyond localhost).
set -euo pipefail
base=${1:-http://localhost:3000}
user=${STAGECRAFT_BENCH_USER:-rep1}
password=${STAGECRAFT_DEMO_PASSWORD:-demo}
out=$(mktemp -d)
session=$(curl -s -i "$base/api/auth/login" -H 'content-type: application/json' -d "{\"username\":\"$user\",\"password\":\"$password\"}" |
  sed -n 's/^[Ss]et-[Cc]ookie: stagecraft_session=\([^;]*\).*/\1/p')
[ -n "$session" ] || { echo "could not sign in as $user at $base" >&2; exit 1; }
printf '{"Cookie":"stagecraft_session=%s"}' "$session" > "$out/headers.json"
flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
printf '%-28s %12s %14s %15s %5s\n' page performance accessibility best-practices seo
for page in login records/opportunity boards/opportunityBoard dashboards; do
  headers=()
  [ "$page" = login ] || headers=(--extra-headers="$out/headers.json")
  report="$out/$(echo "$page" | tr / _).json"
  CHROME_PATH=${STAGECRAFT_CHROMIUM_PATH:-/usr/bin/chromium} npx -y lighthouse@12.8.2 "$base/$page" "${headers[@]}" --preset=desktop \
    --chrome-flags="$flags" --only-categories=performance,accessibility,best-practices,seo --output=json --output-path="$report" --quiet
  node -e '
    const r = require(process.argv[1]);
    const s = (id) => String(Math.round(r.categories[id].score * 100));
    console.log(process.argv[2].padEnd(28), s("performance").padStart(12), s("accessibility").padStart(14), s("best-practices").padStart(15), s("seo").padStart(5));
  ' "$report" "/$page"
done
rm -rf "$out"
