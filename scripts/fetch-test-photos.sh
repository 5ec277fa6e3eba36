#!/usr/bin/env bash
# Extracts the real photos the tests use from Debian packages (scikit-image's sample data and
# facedetect's examples) into tests/photos/, and libjpeg-turbo's jpegtran into tests/photos/bin/ (the tests
# make progressive JPEGs and scan bombs with it), without installing the packages themselves.
# The photos are not committed: they come with their packages' licences (see tests/photos.md).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
dest="$repo/tests/photos"
wanted=(astronaut.png chelsea.png coffee.png grace_hopper_512x512.jpg)

missing=0
for f in "${wanted[@]}" bin/jpegtran; do [ -f "$dest/$f" ] || missing=1; done
[ "$missing" = 0 ] && exit 0

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$dest"
(cd "$work" && apt-get download python3-skimage facedetect libjpeg-turbo-progs >/dev/null 2>&1 ||
  { apt-get update >/dev/null && apt-get download python3-skimage facedetect libjpeg-turbo-progs >/dev/null; })
for deb in "$work"/*.deb; do dpkg-deb -x "$deb" "$work/root"; done
for f in "${wanted[@]}"; do
  found=$(find "$work/root" -name "$f" -print -quit)
  [ -n "$found" ] || { echo "fetch-test-photos: $f not found in the packages" >&2; exit 1; }
  cp "$found" "$dest/$f"
done
mkdir -p "$dest/bin"
cp "$work/root/usr/bin/jpegtran" "$dest/bin/jpegtran"
echo "fetch-test-photos: ${#wanted[@]} photos and jpegtran in $dest"
