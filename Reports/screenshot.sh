#!/usr/bin/env bash
# Renders an HTML report to PNG at desktop and phone widths with headless Chromium, so a person
# can look at it as a user would. Not part of `swift test`.
#   Reports/screenshot.sh [report.html] [out-folder]
# Defaults: Reports/sample-report.html → Reports/screenshots/{desktop,phone}.png
set -euo pipefail
cd "$(dirname "$0")/.."
report="${1:-Reports/sample-report.html}"
out="${2:-Reports/screenshots}"

if ! command -v chromium >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium fonts-noto-cjk
fi
[ -f "$report" ] || { echo "error: no report at $report" >&2; exit 2; }
mkdir -p "$out"
url="file://$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"

# The window height is the page height: long enough for the whole sample report at each width.
shoot() {
    local name="$1" size="$2"
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
        --window-size="$size" --screenshot="$out/$name.png" "$url" 2>/dev/null
    echo "$out/$name.png ($size)"
}
shoot desktop 1280,4200
shoot phone 390,9000
