#!/usr/bin/env bash
# Installs a built kiosk on a Debian 12 machine as an appliance. Run as root from the
# repository after scripts/test.sh (or a build) has produced build/kiosk/kiosk.
#   deploy/install.sh [--trust-root root.json] [--sync-url URL]
# --trust-root pins the catalog publisher's root metadata (the root.json of the
#   signed repository, handed over by the publisher on a separate channel, never
#   taken from the sync server itself) as the keys this kiosk trusts. Without it
#   the kiosk accepts no catalog update until a technician provisions one.
# --sync-url writes sync/url into the settings file.
set -euo pipefail
cd "$(dirname "$0")/.."
trust_root=""
sync_url=""
while [ $# -gt 0 ]; do
    case "$1" in
        --trust-root) trust_root="$2"; shift 2 ;;
        --sync-url) sync_url="$2"; shift 2 ;;
        *) echo "usage: $0 [--trust-root root.json] [--sync-url URL]" >&2; exit 2 ;;
    esac
done
if [ -n "$trust_root" ] && [ ! -r "$trust_root" ]; then
    echo "cannot read the trust root $trust_root" >&2; exit 2
fi
apt-get install -y -qq --no-install-recommends cage fonts-noto-cjk \
    qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts \
    qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtqml-workerscript \
    qt6-wayland libyaml-cpp0.7 libcmark-gfm0.29.0.gfm.6 libcmark-gfm-extensions0.29.0.gfm.6 \
    libzxing2 cups-daemon cups-client libcups2 libevdev2 \
    libportaudio2 libespeak-ng1 espeak-ng-data libasound2 libasound2-plugins
id kiosk >/dev/null 2>&1 || useradd --system --create-home --shell /usr/sbin/nologin kiosk
install -D -m 0755 build/kiosk/kiosk /usr/lib/disclosure-kiosk/kiosk
# The synthesiser runs in a process of its own; the kiosk looks for it beside itself.
install -D -m 0755 build/device/speech/kiosk-speech-engine /usr/lib/disclosure-kiosk/kiosk-speech-engine
install -D -m 0755 build/kiosk/speech/kiosk-speak /usr/sbin/kiosk-speak
install -D -m 0755 build/device/kiosk-devices /usr/sbin/kiosk-devices
install -D -m 0644 build/demo-catalog.db /usr/lib/disclosure-kiosk/demo-catalog.db
# Settings: kept if present, always root:kiosk 0640 (they hold the staff PIN hash).
deploy/install-config.sh --group kiosk ${sync_url:+--sync-url "$sync_url"}
install -d -o kiosk -g kiosk /var/lib/disclosure-kiosk/sync
install -D -m 0755 build/sync/catalog-sync /usr/lib/disclosure-kiosk/catalog-sync
if [ -n "$trust_root" ]; then
    # Verified (self-signed by its root keys) before it is pinned; refuses a lower version.
    runuser -u kiosk -- /usr/lib/disclosure-kiosk/catalog-sync /var/lib/disclosure-kiosk/sync \
        --install-root "$(realpath "$trust_root")"
    echo "trusted catalog keys installed from $trust_root"
elif [ ! -f /var/lib/disclosure-kiosk/sync/trust/root.json ]; then
    echo "warning: no trusted catalog keys yet; run again with --trust-root root.json" >&2
fi
# Catalog USB sticks: mounted read-only, nosuid, nodev, noexec under /media/kiosk-usb.
install -D -m 0644 deploy/99-disclosure-kiosk-usb.rules /etc/udev/rules.d/99-disclosure-kiosk-usb.rules
install -D -m 0644 deploy/disclosure-kiosk-usb@.service /etc/systemd/system/disclosure-kiosk-usb@.service
udevadm control --reload || true
install -D -m 0644 deploy/disclosure-kiosk.service /etc/systemd/system/disclosure-kiosk.service
# Scanners and the ID card reader: stable names and access for the kiosk user only.
install -D -m 0644 deploy/90-disclosure-kiosk.rules /etc/udev/rules.d/90-disclosure-kiosk.rules
udevadm control --reload-rules && udevadm trigger --subsystem-match=tty --subsystem-match=input || true
systemctl daemon-reload
systemctl enable disclosure-kiosk.service
echo "installed; start with: systemctl start disclosure-kiosk"
