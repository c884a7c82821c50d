import QtQuick
import Kiosk.Core
import Kiosk.Ui

// A scanned application/receipt tracking code: what the kiosk knows about it.
// Applications are not kept on this kiosk yet, so the screen says exactly that:
// the code is genuine in form, dated, and where to ask about its progress.
Flickable {
    readonly property bool ready: true
    contentHeight: column.implicitHeight + 48
    clip: true
    boundsBehavior: Flickable.StopAtBounds
    Column {
        id: column
        x: 48
        y: 32
        width: parent.width - 96
        spacing: 28
        SectionTitle {
            text: L10n.text("tracking.title")
        }
        Card {
            width: parent.width
            FieldRow {
                objectName: "trackingCode"
                label: L10n.text("tracking.code")
                value: Navigator.params.code || ""
            }
            FieldRow {
                label: L10n.text("tracking.date")
                value: Navigator.params.date || ""
            }
        }
        BodyText {
            objectName: "trackingStatus"
            width: parent.width
            text: L10n.text("tracking.status_unknown")
        }
        KButton {
            primary: true
            text: L10n.text("bar.home")
            onClicked: Navigator.home()
        }
    }
}
