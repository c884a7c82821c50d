pragma Singleton
import QtQuick
import Kiosk.Core

// Screen texts for bindings, and the formatters of kiosk/l10n/textformat.h: QML binds
// the finished strings these return and composes no text itself
// (scripts/check-qml-texts.sh). Reading Texts.strings / Texts.revision inside each
// function makes every binding that calls it re-evaluate when the language or catalog
// changes. A control's Accessible.name uses the same call as its visible text.
QtObject {
    function text(key) {
        const table = Texts.strings
        const value = table[key]
        return value !== undefined ? value : key
    }
    // The text for key with %1, %2 … filled in.
    function fill(key, a, b, c) {
        const r = Texts.revision
        const args = []
        if (a !== undefined) args.push(a)
        if (b !== undefined) args.push(b)
        if (c !== undefined) args.push(c)
        return Texts.fill(key, args)
    }
    function labelValue(label, value) { const r = Texts.revision; return Texts.labelValue(label, value) }
    function titleCount(title, count) { const r = Texts.revision; return Texts.titleCount(title, count) }
    function titleNote(title, note) { const r = Texts.revision; return Texts.titleNote(title, note || "") }
    function list(items) { const r = Texts.revision; return Texts.list(items || []) }
    function phrases(parts) { const r = Texts.revision; return Texts.phrases(parts) }
    function fields(parts) { const r = Texts.revision; return Texts.fields(parts) }
    function details(parts) { const r = Texts.revision; return Texts.details(parts) }
    function lines(parts) { const r = Texts.revision; return Texts.lines(parts) }
    function tag(t, text) { const r = Texts.revision; return Texts.tag(t, text || "") }
    function quoted(t) { const r = Texts.revision; return Texts.quoted(t) }
    function bullet(t) { const r = Texts.revision; return Texts.bullet(t) }
    function numbered(n, t) { const r = Texts.revision; return Texts.numbered(n, t) }
    function pair(a, b) { const r = Texts.revision; return Texts.pair(a, b) }
    function stepped(label, step) { const r = Texts.revision; return Texts.stepped(label, step) }
    function iconLabel(icon, label) { const r = Texts.revision; return Texts.iconLabel(icon, label) }
    function toggled(label, on) { const r = Texts.revision; return Texts.toggled(label, on) }
    function typing(typed) { const r = Texts.revision; return Texts.typing(typed) }
    function address(url) { return Texts.address(url || "") }
}
