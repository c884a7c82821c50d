import QtQuick
import Kiosk.Core
import Kiosk.Ui

// The on-screen keyboard of the search screen: letters for pinyin and initials,
// digits, space, delete and clear. Large keys, single taps only.
Column {
    id: keyboard
    signal typed(string text)
    signal erased()
    signal cleared()
    spacing: 8
    width: parent ? parent.width : 1000

    readonly property var rows: ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"]
    readonly property real keyWidth: Math.min(110, (width - 9 * spacing) / 10)

    Repeater {
        model: keyboard.rows
        Row {
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: keyboard.spacing
            Repeater {
                model: modelData.split("")
                KButton {
                    objectName: "key_" + modelData
                    width: keyboard.keyWidth
                    implicitHeight: Theme.target
                    text: modelData
                    fontSize: Theme.labelSize
                    onClicked: keyboard.typed(modelData)
                }
            }
        }
    }
    Row {
        anchors.horizontalCenter: parent.horizontalCenter
        spacing: keyboard.spacing
        KButton {
            objectName: "key_clear"
            width: keyboard.keyWidth * 2
            text: L10n.text("search.clear")
            fontSize: Theme.bodySize
            onClicked: keyboard.cleared()
        }
        KButton {
            objectName: "key_space"
            width: keyboard.keyWidth * 4
            text: L10n.text("search.space")
            fontSize: Theme.bodySize
            onClicked: keyboard.typed(" ")
        }
        KButton {
            objectName: "key_backspace"
            width: keyboard.keyWidth * 2
            text: "⌫ " + L10n.text("search.backspace")
            Accessible.name: L10n.text("search.backspace")
            fontSize: Theme.bodySize
            onClicked: keyboard.erased()
        }
    }
}
