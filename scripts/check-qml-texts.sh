#!/usr/bin/env bash
# QML binds finished strings: every text a resident sees or hears is composed in C++
# (kiosk/l10n TextFormat, through Texts / L10n), with the punctuation of the language
# from ui/strings.yaml. This fails, listing the lines, on any QML line that glues text
# together: `"…" +`, `+ "…"`, `.join(` or `.arg(`. objectName lines are exempt (test
# handles, never shown or spoken).
# Exit status: 0 when no QML line composes text, 1 with the lines listed.
set -euo pipefail
cd "$(dirname "$0")/.."

# A quoted string next to +, a screen text (L10n.text(…), Texts.…(…)) next to +, .join(, .arg(.
pattern='"[^"]*" *\+|\+ *"[^"]*"|(L10n|Texts)\.[A-Za-z]+\([^()]*\) *\+|\+ *(L10n|Texts)\.|\.join\(|\.arg\('
hits=$(grep -rnE "$pattern" qml --include='*.qml' |
       grep -vE '^[^:]+:[0-9]+: *objectName:' || true)
if [ -n "$hits" ]; then
    echo "$hits"
    echo "check-qml-texts: $(wc -l <<< "$hits") QML line(s) compose text; use a Texts/L10n formatter (docs/ARCHITECTURE.md)" >&2
    exit 1
fi
echo "check-qml-texts: QML binds finished strings only"
