#!/usr/bin/env bash
# Reruns every benchmark in one go and rewrites their tables in README.md:
#   - the vision pipeline, the original team's stack (Python + OpenCV, Debian packages) on the same photos,
#     and the AWS cost estimate                          -> between <!-- bench:vision:start/end -->
#   - the local service end to end and under load        -> between <!-- bench:load:start/end -->
#   - the wait in the page, in Chromium (needs /usr/bin/chromium) -> between <!-- bench:page:start/end -->
#   - issue 24's attacks (flood, unsigned forms, a 20,000-analysis summary) -> between <!-- bench:hostile:start/end -->
# Takes about five minutes on a 2-core machine; run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! /usr/bin/python3 -c "import cv2" 2>/dev/null || [ ! -d /usr/share/opencv4/haarcascades ]; then
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-opencv opencv-data >/dev/null
fi
scripts/fetch-test-photos.sh
for project in src/Moodtunes.Cli benchmarks/Moodtunes.Benchmarks benchmarks/Moodtunes.LoadTest; do
  dotnet build -c Release "$project" -v quiet -nologo >/dev/null
done

vision=$(dotnet benchmarks/Moodtunes.Benchmarks/bin/Release/net10.0/Moodtunes.Benchmarks.dll)
printf '%s\n\n' "$vision"
load=$(dotnet benchmarks/Moodtunes.LoadTest/bin/Release/net10.0/Moodtunes.LoadTest.dll 200 30)
printf '%s\n' "$load"
page=$(dotnet benchmarks/Moodtunes.LoadTest/bin/Release/net10.0/Moodtunes.LoadTest.dll page 20)
printf '%s\n' "$page"
hostile=$(dotnet benchmarks/Moodtunes.LoadTest/bin/Release/net10.0/Moodtunes.LoadTest.dll hostile)
printf '%s\n' "$hostile"

python3 - "$vision" "$load" "$page" "$hostile" <<'PY'
import re, sys
text = open("README.md", encoding="utf-8").read()
for name, table in (("vision", sys.argv[1]), ("load", sys.argv[2]), ("page", sys.argv[3]), ("hostile", sys.argv[4])):
    text = re.sub(rf"(<!-- bench:{name}:start -->\n).*?(\n<!-- bench:{name}:end -->)",
                  lambda m: m.group(1) + table.strip() + m.group(2), text, flags=re.S)
open("README.md", "w", encoding="utf-8").write(text)
PY
