#!/usr/bin/env bash
# Builds the kiosk and starts it on the bundled demo catalog. Installs what it needs
# first. Extra arguments go to the kiosk (e.g. --orientation landscape).
# Without a display the kiosk says so, renders offscreen and writes screenshots.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j2 --target kiosk
exec build/kiosk/kiosk --config config/kiosk.conf "$@"
