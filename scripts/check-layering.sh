#!/usr/bin/env bash
# The dependency rule, checked rather than hoped for (the idea of Chromium's checkdeps,
# at this project's size): qml → kiosk → content | sync | device | config, and inside
# kiosk/ each feature folder may use only the folders listed for it below. Every
# #include "x.h" of a source file is resolved to the folder that owns x.h; an include
# that crosses a forbidden direction is reported with file, line and rule. Qt Quick and
# QML headers may appear only in kiosk/ (qml/ holds QML, not C++).
# Exit status: 0 when the tree keeps the rule, 1 with the violations listed.
set -euo pipefail
cd "$(dirname "$0")/.."

# folder: the folders it may include from (besides itself). kiosk/app may use anything.
read -r -d '' RULES <<'EOF' || true
config:
content:
device:
sync: content config
kiosk/common:
kiosk/session: kiosk/common
kiosk/speech:
kiosk/a11y: kiosk/common kiosk/session kiosk/speech
kiosk/catalog: kiosk/common kiosk/session
kiosk/l10n: kiosk/common kiosk/session kiosk/catalog
kiosk/usage: kiosk/common
kiosk/browse: kiosk/common kiosk/catalog kiosk/l10n
kiosk/search: kiosk/common kiosk/catalog kiosk/l10n kiosk/browse kiosk/usage
kiosk/identity: kiosk/common kiosk/session
kiosk/scan: kiosk/common kiosk/catalog kiosk/session kiosk/l10n kiosk/browse
kiosk/staff: kiosk/common kiosk/catalog kiosk/session kiosk/speech
kiosk/print: kiosk/common kiosk/session kiosk/catalog kiosk/l10n kiosk/browse
kiosk/ime: kiosk/common kiosk/catalog kiosk/l10n kiosk/browse
kiosk/app: *
EOF
# Every kiosk/ feature may also use the libraries below kiosk/.
LOWER="content sync device config"

# The folder that owns a path: a top folder, or kiosk/<feature>.
owner_of() {
    local path=$1
    case "$path" in
        kiosk/*/*) echo "$path" | cut -d/ -f1-2 ;;
        *) echo "${path%%/*}" ;;
    esac
}

declare -A OWNER ALLOWED
while IFS= read -r header; do
    name=${header##*/}
    [ -n "${OWNER[$name]:-}" ] || OWNER[$name]=$(owner_of "$header")
done < <(find config content sync device kiosk -name '*.h' | sort)
while IFS= read -r line; do
    [ -n "$line" ] || continue
    read -r folder allowed <<< "${line/:/ }" # trimmed, and "*" is not expanded
    case "$folder" in kiosk/*) [ "$allowed" = "*" ] || allowed="$allowed $LOWER" ;; esac
    ALLOWED[$folder]=$allowed
done <<< "$RULES"

violations=0
report() {
    echo "$1"
    violations=$((violations + 1))
}

while IFS= read -r file; do
    me=$(owner_of "$file")
    if [ -z "${ALLOWED[$me]+set}" ]; then
        report "$file: folder $me has no rule in scripts/check-layering.sh"
        continue
    fi
    allowed=" ${ALLOWED[$me]} "
    while IFS=: read -r lineno include; do
        name=$(sed -E 's/.*#include "([^"]+)".*/\1/' <<< "$include")
        target=${OWNER[${name##*/}]:-}
        [ -n "$target" ] && [ "$target" != "$me" ] || continue
        [ "$allowed" = " * " ] && continue # kiosk/app: composition uses everything
        [[ "$allowed" == *" $target "* ]] ||
            report "$file:$lineno: includes $name from $target, which $me may not use"
    done < <(grep -n '^#include "' "$file" || true)
    case "$me" in
        kiosk/*) ;;
        *) grep -nE '^#include <(QtQuick|QtQml|QQml|QQuick|QJSEngine|QJSValue)' "$file" |
               while IFS= read -r hit; do echo "$file:${hit%%:*}: Qt Quick/QML below kiosk/"; done |
               grep . && violations=$((violations + 1)) || true ;;
    esac
done < <(find config content sync device kiosk \( -name '*.h' -o -name '*.cpp' \) | sort)

# The QML side of the same map: QML binds finished strings (scripts/check-qml-texts.sh).
bash scripts/check-qml-texts.sh || violations=$((violations + 1))

if [ "$violations" -gt 0 ]; then
    echo "check-layering: $violations break(s) of the dependency rule or of QML binding finished strings (docs/ARCHITECTURE.md)" >&2
    exit 1
fi
echo "check-layering: every include keeps the dependency rule"
