#!/usr/bin/env bash
# Installs every build, run and test dependency of the kiosk from Debian 12 packages.
# Idempotent: packages already present are skipped by apt-get; safe to run repeatedly.
# Usage: install-deps.sh [EXTRA_PACKAGE…]
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build pkg-config git
  # fuzzing: clang with libFuzzer and the sanitizer runtimes
  clang-14 libclang-rt-14-dev
  # Qt 6.4: core, Quick, Controls, test harness, QML tooling
  qt6-base-dev qt6-declarative-dev qt6-declarative-dev-tools
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtquick-shapes
  qml6-module-qtqml-workerscript qml6-module-qttest qml6-module-qtqml-models
  qt6-qpa-plugins libgl-dev
  # catalog: SQLite, YAML front matter, Markdown (GFM tables)
  libsqlite3-dev sqlite3 libyaml-cpp-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
  # search: traditional→simplified folding, hanzi→pinyin dictionary
  libopencc-dev rime-data-pinyin-simp
  # on-screen keyboard: pinyin decoder + dictionary, handwriting recogniser + model
  libgooglepinyin0-dev libzinnia-dev tegaki-zinnia-simplified-chinese
  # catalog sync: signatures, HTTP client, and a real web server for the tests
  libsodium-dev libcurl4-openssl-dev nginx-light
  # QR codes
  libzxing-dev
  # A4 printing: libcups, and for the tests a real cupsd with a cups-pdf queue and
  # poppler to read the PDFs back
  libcups2-dev cups-daemon cups-client cups-filters printer-driver-cups-pdf poppler-utils
  # the USB tests make a real ext4 stick image (mkfs.ext4 -d) to mount on a loop device
  e2fsprogs
  # keyboard-wedge QR scanners (evdev with an exclusive grab)
  libevdev-dev
  # camera QR scanning (optional at build time)
  qt6-multimedia-dev
  # speech: PortAudio output (ALSA), espeak-ng synthesis, libsndfile for recorded
  # prompts, Boost.Lockfree's SPSC queue between synthesis and the audio callback,
  # sox to measure the WAV files the tests record through ALSA's file plugin
  portaudio19-dev libasound2-dev libespeak-ng-dev espeak-ng espeak-ng-data
  libsndfile1-dev libboost-dev sox
  # the speech tests' sound path: ALSA's file plugin in front of a private PulseAudio
  # null sink (real-time pacing; ALSA's own null device takes samples instantly)
  pulseaudio pulseaudio-utils libasound2-plugins
  # fonts and a display for headless machines
  fonts-noto-cjk xvfb xauth
)

# Further packages a caller needs besides these (a benchmark's peers) come as arguments.
PACKAGES+=("$@")
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
echo "install-deps: all ${#PACKAGES[@]} packages present"
