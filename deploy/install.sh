#!/usr/bin/env bash
# Installs a built kiosk on a Debian 12 machine as an appliance. Run as root from the
# repository after scripts/test.sh (or a build) has produced build/kiosk/kiosk.
set -euo pipefail
cd "$(dirname "$0")/.."
apt-get install -y -qq --no-install-recommends cage fonts-noto-cjk \
    qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts \
    qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtqml-workerscript \
    qt6-wayland libyaml-cpp0.7 libcmark-gfm0.29.0.gfm.6 libcmark-gfm-extensions0.29.0.gfm.6 \
    libzxing2 cups-daemon cups-client libcups2 libevdev2
id kiosk >/dev/null 2>&1 || useradd --system --create-home --shell /usr/sbin/nologin kiosk
install -D -m 0755 build/kiosk/kiosk /usr/lib/disclosure-kiosk/kiosk
install -D -m 0755 build/device/kiosk-devices /usr/sbin/kiosk-devices
install -D -m 0644 build/demo-catalog.db /usr/lib/disclosure-kiosk/demo-catalog.db
[ -f /etc/disclosure-kiosk/kiosk.conf ] || \
    install -D -m 0644 config/kiosk.conf /etc/disclosure-kiosk/kiosk.conf
install -d -o kiosk -g kiosk /var/lib/disclosure-kiosk/sync
install -D -m 0644 deploy/disclosure-kiosk.service /etc/systemd/system/disclosure-kiosk.service
# Scanners and the ID card reader: stable names and access for the kiosk user only.
install -D -m 0644 deploy/90-disclosure-kiosk.rules /etc/udev/rules.d/90-disclosure-kiosk.rules
udevadm control --reload-rules && udevadm trigger --subsystem-match=tty --subsystem-match=input || true
systemctl daemon-reload
systemctl enable disclosure-kiosk.service
echo "installed; start with: systemctl start disclosure-kiosk"
