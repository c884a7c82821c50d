import QtQuick
import Kiosk.Ui

Text {
    font.pixelSize: Theme.bodySize
    color: Theme.text
    wrapMode: Text.Wrap
    // Set, not implicit: a set alignment mirrors with the layout (Uyghur), so also a
    // zh-Hans fallback text starts on the reading side.
    horizontalAlignment: Text.AlignLeft
    lineHeight: Theme.lineHeight
    width: parent ? parent.width : implicitWidth
    Accessible.role: Accessible.StaticText
    Accessible.name: text
}
