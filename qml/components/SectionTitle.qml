import QtQuick
import Kiosk.Ui

Text {
    font.pixelSize: Theme.titleSize
    font.bold: true
    color: Theme.primary
    wrapMode: Text.Wrap
    width: parent ? parent.width : implicitWidth
    lineHeight: Theme.lineHeight
    Accessible.role: Accessible.Heading
    Accessible.name: text
}
