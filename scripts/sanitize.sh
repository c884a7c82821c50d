#!/usr/bin/env bash
# Builds everything with AddressSanitizer + UndefinedBehaviorSanitizer in build-asan/
# (Debug, so Qt's own assertions in the templates we instantiate are on too) and runs
# the whole test suite there. Not part of CI: about 30 minutes of building and 15 of
# testing on two cores. Run it after changes to threading, lifetimes or parsers.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    "-DCMAKE_CXX_FLAGS=-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer" \
    "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address,undefined" \
    "-DCMAKE_SHARED_LINKER_FLAGS=-fsanitize=address,undefined"
cmake --build build-asan -j2
# Leaks: Qt and fontconfig keep caches until exit, which LeakSanitizer reports.
# alloc_dealloc_mismatch: Debian's libgooglepinyin frees new[] arrays with delete
# (SpellingTrie::build_ym_info), outside our code.
export ASAN_OPTIONS=detect_leaks=0:alloc_dealloc_mismatch=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export QTEST_FUNCTION_TIMEOUT=3600000 # the 200-kill crash loop runs slowly under ASan
cd build-asan
ctest --output-on-failure -j2 --timeout 4000
