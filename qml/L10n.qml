pragma Singleton
import QtQuick
import Kiosk.Core

// Screen texts for bindings. Reading Texts.strings inside the function makes every
// binding that calls text() re-evaluate when the language or catalog changes.
QtObject {
    function text(key) {
        const table = Texts.strings
        const value = table[key]
        return value !== undefined ? value : key
    }
}
