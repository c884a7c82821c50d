import QtQuick
import Kiosk.Core
import Kiosk.Ui

// Before an idle reset: a full-screen warning; one tap anywhere continues.
Rectangle {
    id: overlay
    visible: Session.warning
    color: Qt.rgba(0, 0, 0, 0.75)
    Accessible.role: Accessible.AlertMessage
    Accessible.name: message.text

    TapHandler { onTapped: Session.continueSession() }

    Rectangle {
        anchors.centerIn: parent
        width: parent.width * 0.8
        height: box.implicitHeight + 80
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.warning
        border.width: 4
        Column {
            id: box
            anchors.centerIn: parent
            width: parent.width - 80
            spacing: 30
            Text {
                id: message
                width: parent.width
                text: overlay.visible ? L10n.fill("session.idle_warning", Session.secondsLeft) : ""
                font.pixelSize: Theme.titleSize
                color: Theme.text
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
            }
            KButton {
                objectName: "continueButton"
                anchors.horizontalCenter: parent.horizontalCenter
                primary: true
                text: L10n.text("session.continue")
                onClicked: Session.continueSession()
            }
        }
    }
}
