#!/usr/bin/env bash
# Builds the fuzz targets with clang + libFuzzer + AddressSanitizer in build-fuzz/
# and runs each for KIOSK_FUZZ_SECONDS (default 30) seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${KIOSK_FUZZ_SECONDS:-30}"
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DKIOSK_FUZZ=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKIOSK_FUZZ_SECONDS="$seconds"
cmake --build build-fuzz -j2
cd build-fuzz
ctest --output-on-failure -j1
