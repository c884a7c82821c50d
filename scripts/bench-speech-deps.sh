#!/usr/bin/env bash
# The peers run_bench_speech compares the kiosk's voice with: speech-dispatcher (spd-say)
# with its espeak-ng module. Only the benchmark needs them; the kiosk never uses them.
set -euo pipefail
exec bash "$(dirname "$0")/install-deps.sh" speech-dispatcher speech-dispatcher-espeak-ng
