import QtQuick
import Kiosk.Core
import Kiosk.Ui

// A feature announced on the home screen that is not open yet.
Item {
    readonly property bool ready: true
    Column {
        anchors.centerIn: parent
        width: parent.width - 96
        spacing: 32
        SectionTitle {
            text: L10n.text(Navigator.params.label || "")
            horizontalAlignment: Text.AlignHCenter
        }
        BodyText {
            text: L10n.text("home.coming_detail")
            horizontalAlignment: Text.AlignHCenter
        }
        KButton {
            anchors.horizontalCenter: parent.horizontalCenter
            primary: true
            text: L10n.text("bar.home")
            onClicked: Navigator.home()
        }
    }
}
