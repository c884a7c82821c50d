import QtQuick
import Kiosk.Ui

Text {
    font.pixelSize: Theme.titleSize
    font.bold: true
    color: Theme.primary
    wrapMode: Text.Wrap
    // Set, not implicit: a set alignment mirrors with the layout (Uyghur), so also a
    // zh-Hans fallback text starts on the reading side.
    horizontalAlignment: Text.AlignLeft
    width: parent ? parent.width : implicitWidth
    lineHeight: Theme.lineHeight
    Accessible.role: Accessible.Heading
    Accessible.name: text
}
