#!/usr/bin/env bash
# Reruns the vision benchmark in Release and replaces the table between the markers in README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/fetch-test-photos.sh
dotnet build -c Release benchmarks/Moodtunes.Benchmarks -v quiet -nologo >/dev/null
table=$(dotnet benchmarks/Moodtunes.Benchmarks/bin/Release/net10.0/Moodtunes.Benchmarks.dll)
printf '%s\n' "$table"
python3 - "$table" <<'PY'
import re, sys
table = sys.argv[1].strip()
text = open("README.md", encoding="utf-8").read()
new = re.sub(r"(<!-- bench:vision:start -->\n).*?(\n<!-- bench:vision:end -->)",
             lambda m: m.group(1) + table + m.group(2), text, flags=re.S)
open("README.md", "w", encoding="utf-8").write(new)
PY
