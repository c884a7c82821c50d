import QtQuick
import Kiosk.Core
import Kiosk.Ui

// What a scanned code could not do, in plain words, over the current screen.
// Closes itself after a while (Kiosk.Core decides), on the button or on navigation.
Rectangle {
    id: notice
    objectName: "scanNotice"
    readonly property string message: Scanning.noticeKey.length > 0
                                      ? L10n.fill(Scanning.noticeKey, Scanning.noticeArgument) : ""
    visible: message.length > 0
    width: parent ? parent.width * 0.86 : 800
    height: box.implicitHeight + 48
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.warning
    border.width: 4
    Accessible.role: Accessible.AlertMessage
    Accessible.name: message

    Row {
        id: box
        anchors.centerIn: parent
        width: parent.width - 48
        spacing: 24
        Text {
            horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
            objectName: "scanNoticeText"
            width: parent.width - closeButton.width - parent.spacing
            anchors.verticalCenter: parent.verticalCenter
            text: notice.message
            font.pixelSize: Theme.labelSize
            color: Theme.text
            wrapMode: Text.Wrap
        }
        KButton {
            id: closeButton
            objectName: "scanNoticeClose"
            anchors.verticalCenter: parent.verticalCenter
            text: L10n.text("scan.close")
            onClicked: Scanning.dismissNotice()
        }
    }
}
