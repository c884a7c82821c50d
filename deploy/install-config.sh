#!/usr/bin/env bash
# Installs the kiosk's settings file, or keeps the one already there, and makes it
# readable by root and the kiosk only: it holds the staff PIN hash (staff/pin_hash),
# which anyone who can read it may attack offline. Also fixes the mode of a file
# installed by an earlier install.sh (0644, world-readable).
#   deploy/install-config.sh [--root DIR] [--group GROUP] [--sync-url URL]
# --root: install under DIR instead of / (tests); --group: the kiosk's group (kiosk).
set -euo pipefail
cd "$(dirname "$0")/.."
root=""
group="kiosk"
sync_url=""
while [ $# -gt 0 ]; do
    case "$1" in
        --root) root="$2"; shift 2 ;;
        --group) group="$2"; shift 2 ;;
        --sync-url) sync_url="$2"; shift 2 ;;
        *) echo "usage: $0 [--root DIR] [--group GROUP] [--sync-url URL]" >&2; exit 2 ;;
    esac
done
conf="$root/etc/disclosure-kiosk/kiosk.conf"
install -d -m 0755 "$root/etc/disclosure-kiosk"
if [ ! -f "$conf" ]; then
    # Created with its final owner and mode: never readable by others, not even briefly.
    install -m 0640 -o root -g "$group" config/kiosk.conf "$conf"
fi
# An existing file first, before anything is written to it.
chown root:"$group" "$conf"
chmod 0640 "$conf"
if [ -n "$sync_url" ]; then
    # GNU sed -i keeps the file's owner and mode; checked again below all the same.
    sed -i "s|^url =.*|url = $sync_url|" "$conf"
    chown root:"$group" "$conf"
    chmod 0640 "$conf"
fi
