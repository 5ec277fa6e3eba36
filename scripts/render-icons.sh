#!/usr/bin/env bash
# Renders static-site/icons/icon.svg to the PNG sizes the web app manifest lists, with Debian's headless
# chromium (the browser the tests use), so the icons are drawn here from our own SVG, never downloaded.
# Rerun after changing the SVG: scripts/render-icons.sh
set -euo pipefail
cd "$(dirname "$0")/.."
icons=static-site/icons
work=$(mktemp -d /tmp/journal-icons-XXXXXX)
trap 'rm -rf "$work"' EXIT
for size in 192 512; do
  printf '<html><body style="margin:0"><img src="file://%s/%s/icon.svg" width="%s" height="%s"></body></html>' \
    "$PWD" "$icons" "$size" "$size" > "$work/icon.html"
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size="$size,$size" --screenshot="$work/icon-$size.png" "file://$work/icon.html" >/dev/null 2>&1
  cp "$work/icon-$size.png" "$icons/icon-$size.png"
done
echo "render-icons: $(ls "$icons"/*.png | tr '\n' ' ')"
