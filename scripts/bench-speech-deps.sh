#!/usr/bin/env bash
# The peers run_bench_speech compares the kiosk's voice with: speech-dispatcher (spd-say)
# with its espeak-ng module. Only the benchmark needs them; the kiosk never uses them.
set -euo pipefail
missing=()
for p in speech-dispatcher speech-dispatcher-espeak-ng pulseaudio-utils; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
