#!/usr/bin/env bash
# Builds the release binaries and runs the side-by-side comparison (see BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product partnerkit-bench
swift build -c release --product partnerkit
python3 Scripts/side_by_side.py "$@"
