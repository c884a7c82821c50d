import QtQuick
import Kiosk.Ui

Text {
    font.pixelSize: Theme.bodySize
    color: Theme.text
    wrapMode: Text.Wrap
    lineHeight: Theme.lineHeight
    width: parent ? parent.width : implicitWidth
    Accessible.role: Accessible.StaticText
    Accessible.name: text
}
