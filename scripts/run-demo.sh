#!/usr/bin/env bash
# Builds the kiosk and starts it on the bundled demo catalog. Installs what it needs
# first. Extra arguments go to the kiosk (e.g. --orientation landscape).
# Without a display the kiosk says so, renders offscreen and writes screenshots.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j2 --target kiosk idcard-simulator qr-scanner-simulator

# The demo's devices are simulators on pseudo-terminals (device/simulator): an ID card
# reader (no card on it yet) and a USB-CDC QR scanner. Drive them while the kiosk runs:
#   echo "place resident" > build/demo-devices/idcard.in     (then: remove, unplug, …)
#   echo "item:g-birth-cert" > build/demo-devices/scanner.in (any line = one scan)
dev=build/demo-devices
mkdir -p "$dev"
rm -f "$dev"/*.in "$dev"/*.out
mkfifo "$dev/idcard.in" "$dev/scanner.in"
exec 3<>"$dev/idcard.in" 4<>"$dev/scanner.in" # kept open: the simulators never see EOF
build/device/simulator/idcard-simulator --no-card <&3 >"$dev/idcard.out" &
idcard_pid=$!
build/device/simulator/qr-scanner-simulator <&4 >"$dev/scanner.out" &
scanner_pid=$!
trap 'kill "$idcard_pid" "$scanner_pid" 2>/dev/null || true' EXIT
pty_of() { for _ in $(seq 50); do [ -s "$1" ] && break; sleep 0.1; done; sed -n '1s/.* -> //p' "$1"; }
idcard_pty=$(pty_of "$dev/idcard.out")
scanner_pty=$(pty_of "$dev/scanner.out")
# The demo's staff PIN (a real kiosk's is set by staff: deploy/README.md). Only its
# hash goes into the settings file, as on a real kiosk.
demo_pin=2026123456
pin_line=$(printf '%s\n' "$demo_pin" | build/kiosk/kiosk --hash-pin 2>/dev/null | grep '^pin_hash = ')
sed -e "s|^id_card_reader = .*|id_card_reader = $idcard_pty|" \
    -e "s|^qr_scanner = .*|qr_scanner = $scanner_pty|" \
    -e "s|^keyboard_scanner = .*|keyboard_scanner = none|" \
    -e "s|^page_base_url =.*|page_base_url = https://zwgk.example.gov.cn/kiosk|" \
    -e "s|^allowed_hosts =.*|allowed_hosts = www.example.gov.cn|" \
    -e "s|^pin_hash =.*|${pin_line//|/\\|}|" \
    config/kiosk.conf > "$dev/kiosk.conf"
echo "demo devices: ID card reader $idcard_pty, QR scanner $scanner_pty (see $dev/)"
echo "demo staff PIN: $demo_pin (hold the top-right corner for 3 seconds)"
build/kiosk/kiosk --config "$dev/kiosk.conf" "$@"
