import QtQuick
import Kiosk.Ui

// A QR code with what scanning it does, for taking a page or an address to a phone.
Column {
    id: panel
    property string source: ""
    property string caption: ""
    property string detail: ""
    spacing: 8
    visible: source.length > 0
    Accessible.role: Accessible.Graphic
    Accessible.name: detail ? L10n.labelValue(caption, detail) : caption

    Rectangle {
        width: 280
        height: 280
        color: "white"
        border.color: Theme.border
        border.width: Theme.borderWidth
        Image {
            objectName: "qrImage"
            anchors.fill: parent
            anchors.margins: 6
            source: panel.source
            sourceSize: Qt.size(268, 268)
            smooth: false
            fillMode: Image.PreserveAspectFit
        }
    }
    Text {
        width: 280
        text: panel.caption
        font.pixelSize: Theme.bodySize
        font.bold: true
        color: Theme.text
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignHCenter
    }
    Text {
        width: 280
        visible: text.length > 0
        text: L10n.address(panel.detail)
        font.pixelSize: Theme.smallSize
        color: Theme.mutedText
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignHCenter
    }
}
