import QtQuick
import QtQuick.Layouts
import Kiosk.Core
import Kiosk.Ui

DetailPage {
    id: page
    kind: "point"

    SectionTitle { text: page.item.title || "" }
    RowLayout {
        width: parent.width
        spacing: 24
        Card {
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            FieldRow { label: L10n.text("points.category"); value: page.item.category || "" }
            FieldRow { label: L10n.text("points.district"); value: page.item.district || "" }
            FieldRow { label: L10n.text("points.address"); value: page.item.address || "" }
            FieldRow { label: L10n.text("points.hours"); value: page.item.hours || "" }
            FieldRow { label: L10n.text("points.phone"); value: page.item.phone || "" }
        }
        QrPanel {
            Layout.alignment: Qt.AlignTop
            source: page.item.navigationQr || ""
            caption: L10n.text("points.scan_to_navigate")
        }
    }
    Card { visible: (page.item.bodyHtml || "").length > 0; RichBody { html: page.item.bodyHtml || "" } }
    LinkedItems { title: L10n.text("points.guides"); items: page.item.guides || [] }
}
