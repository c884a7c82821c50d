#!/usr/bin/env bash
# Builds everything and runs the whole test suite. Installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j2
# The dependency rule (docs/ARCHITECTURE.md), checked on every run.
bash scripts/check-layering.sh
cd build
ctest --output-on-failure -j1
# Short fuzzing run of every parser of outside data (longer runs: scripts/fuzz.sh).
cd ..
KIOSK_FUZZ_SECONDS="${KIOSK_FUZZ_SECONDS:-30}" bash scripts/fuzz.sh
