#!/usr/bin/env bash
# Runs every test of the repository. On a fresh machine it first installs what the tests need
# (idempotent): Debian's chromium and fonts for the browser tests, the npm S3/DynamoDB emulators, cdk-nag, and the
# real test photos from Debian packages. Ends with one line: "tests: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Korean and emoji fonts, so the page's screenshots show what a phone shows.
if [ ! -x /usr/bin/chromium ] || [ ! -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-nanum fonts-noto-color-emoji >/dev/null
fi
npm ci --prefix tests/tools --no-audit --no-fund --loglevel=error
npm ci --prefix tests/tools/cdk-nag --no-audit --no-fund --loglevel=error
scripts/fetch-test-photos.sh

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Serverless.sln "$@" 2>&1 | tee "$log" || status=$?

# dotnet test prints one "Failed: x, Passed: y" line per test project; add them up.
awk '/(Passed|Failed)!  - Failed:/ {
       for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1) }
     }
     END { gsub(",", "", p); printf "tests: %d passed, %d failed\n", p, f }' "$log"
exit "$status"
