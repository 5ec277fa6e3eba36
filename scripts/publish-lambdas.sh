#!/usr/bin/env bash
# Publishes the three Lambda functions for the managed dotnet10 runtime behind the AWS Lambda Web
# Adapter, for both Lambda architectures, into artifacts/lambda/<rid>/<Name>/ (rid linux-arm64 for
# arm64, the stack's default, and linux-x64 for x86_64; `cdk deploy` zips the one it uses, see
# docs/deploy.md), then checks that each folder holds what Lambda needs and prints its size.
#
#   scripts/publish-lambdas.sh [Name ...]     (default: all three)
#   LAMBDA_RIDS=linux-arm64 scripts/publish-lambdas.sh      (one architecture only)
#   LAMBDA_PUBLISH_ROOT=/tmp/x scripts/publish-lambdas.sh   (another output root; the tests use this)
#
# Checks, per function: the executable named like the function (the handler) with its run bit, every
# file readable by all, the native libraries of the packages it uses for that rid (libSkiaSharp.so and
# libonnxruntime.so: AnalyzeFunction; the other two use neither), and for AnalyzeFunction the detector
# and emotion models. Fails (exit 1) on the first missing piece, or when a folder is over Lambda's
# 250 MB unzipped limit (262,144,000 bytes). Needs: .NET 10 SDK; `zip` for the zipped size (reported
# as not measured when absent).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
out_root=${LAMBDA_PUBLISH_ROOT:-"$repo/artifacts/lambda"}
unzipped_limit=$((250 * 1024 * 1024))
functions=("$@")
[ ${#functions[@]} -gt 0 ] || functions=(UploadFunction AnalyzeFunction RecommendFunction)
read -r -a rids <<< "${LAMBDA_RIDS:-linux-arm64 linux-x64}"

fail() { echo "publish-lambdas: $*" >&2; exit 1; }
mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }

require_file() { # folder, relative path
  [ -f "$1/$2" ] || fail "$(basename "$1"): $2 is missing"
}

check() { # name, folder, rid
  local name=$1 dir=$2 rid=$3
  require_file "$dir" "$name"
  # Lambda runs the code as another user than the one who zipped it: everything must be readable by all,
  # and the handler executable by all (the Web Adapter starts it).
  [ -n "$(find "$dir/$name" -perm -0555)" ] || fail "$name: $name is not readable and executable by everyone"
  local unreadable
  unreadable=$(find "$dir" \( \( -type d ! -perm -0555 \) -o \( ! -type d ! -perm -0444 \) \) -print -quit)
  [ -z "$unreadable" ] || fail "$name: ${unreadable#"$dir"/} is not readable by everyone"
  # Published for one rid, the natives land beside the assemblies (not under runtimes/<rid>/native/).
  # A function needs a native library when its package is in its deps.json; the analyzer needs both,
  # built for the rid's instruction set (a linux-x64 library cannot load on Graviton, and back).
  local package library machine expected
  # ELF e_machine (2 bytes at offset 18): 183 is AArch64, 62 is x86-64.
  expected=$([ "$rid" = linux-arm64 ] && echo 183 || echo 62)
  for package in SkiaSharp:libSkiaSharp.so Microsoft.ML.OnnxRuntime:libonnxruntime.so; do
    library=${package#*:}
    if [ "$name" = AnalyzeFunction ] || grep -q "\"${package%%:*}/" "$dir/$name.deps.json"; then
      require_file "$dir" "$library"
      machine=$(od -An -tu2 -j18 -N2 "$dir/$library" | tr -d ' ')
      [ "$machine" = "$expected" ] || fail "$name ($rid): $library is built for ELF machine $machine, not $expected"
    fi
  done
  if [ "$name" = AnalyzeFunction ]; then
    compgen -G "$dir/models/blazeface/*.onnx" >/dev/null || fail "$name: no models/blazeface/*.onnx"
    compgen -G "$dir/models/emotion/*.onnx" >/dev/null || fail "$name: no models/emotion/*.onnx"
  fi
}

report() { # name, folder, rid
  local name=$1 dir=$2 rid=$3 bytes zipped
  bytes=$(du -sb "$dir" | cut -f1)
  [ "$bytes" -le "$unzipped_limit" ] || fail "$name: $(mib "$bytes") unzipped is over Lambda's 250 MB limit"
  if command -v zip >/dev/null; then
    local archive
    archive=$(mktemp -u --suffix .zip)
    # -X: no extra file attributes; -y: store symbolic links as links.
    (cd "$dir" && zip -qrXy "$archive" .)
    zipped=$(mib "$(stat -c %s "$archive")")
    rm -f "$archive"
  else
    zipped="(install zip to measure)"
  fi
  printf '%-12s %-18s %6s files  unzipped %12s (%s B)  zipped %12s\n' "$rid" "$name" "$(find "$dir" -type f | wc -l)" "$(mib "$bytes")" "$bytes" "$zipped"
}

for rid in "${rids[@]}"; do
  case "$rid" in linux-arm64 | linux-x64) ;; *) fail "rid $rid: Lambda runs linux-arm64 or linux-x64" ;; esac
  for name in "${functions[@]}"; do
    project="$repo/src/$name/$name.csproj"
    [ -f "$project" ] || fail "no project $project"
    dir="$out_root/$rid/$name"
    # A clean folder, so files of an earlier publish (or a removed dependency) do not ride along.
    rm -rf "$dir"
    # Debug symbols go inside each assembly, compressed: stack traces keep line numbers in fewer bytes.
    dotnet publish "$project" -c Release -r "$rid" --self-contained false -p:DebugType=embedded -o "$dir" --nologo -v quiet
    check "$name" "$dir" "$rid"
  done
done

echo
for rid in "${rids[@]}"; do
  for name in "${functions[@]}"; do
    report "$name" "$out_root/$rid/$name" "$rid"
  done
done
