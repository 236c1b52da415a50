#!/usr/bin/env bash
# Renders the sample workspace's quarterly review to HTML and screenshots it with headless
# Chromium, to look at the report the way a manager will (on screen, and as a PDF for print).
#
#   Scripts/screenshot_review.sh [WORKSPACE] [OUT_DIR]
#
# Needs Chromium (Debian: `apt-get install -y chromium`); the script installs it when missing
# and it can. Writes OUT_DIR/review.html, review.png (full page) and review.pdf.
set -euo pipefail
cd "$(dirname "$0")/.."
workspace="${1:-Data/sample}"
out="${2:-.build/review-screenshot}"
mkdir -p "$out"
if ! command -v chromium >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1; then
        apt-get install -y chromium >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y chromium >/dev/null; }
    else
        echo "chromium is not installed" >&2
        exit 1
    fi
fi
swift build --product partnerkit >/dev/null
.build/debug/partnerkit review --workspace "$workspace" --as-of "${AS_OF:-2026-11-29}" --html "$out/review.html" --force > /dev/null
html="$(cd "$out" && pwd)/review.html"
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-dev-shm-usage)
chromium "${flags[@]}" --window-size=1200,3600 --screenshot="$out/review.png" "file://$html" 2>/dev/null
chromium "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/review.pdf" "file://$html" 2>/dev/null
echo "wrote $out/review.html, $out/review.png, $out/review.pdf"
