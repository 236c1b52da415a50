#!/usr/bin/env bash
# Builds the release binaries and runs the side-by-side comparison with networkx and igraph
# (whichever python3 can import; nothing is installed). See BENCHMARKS.md and
# Scripts/side_by_side.py for what is timed. Arguments go to side_by_side.py
# (--nodes N, --timeout S, --format text|json).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product partnerkit-bench
swift build -c release --product partnerkit
exec nice -n 19 python3 Scripts/side_by_side.py "$@"
