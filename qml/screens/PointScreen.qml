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
            FieldRow { label: Texts.text("points.category"); value: page.item.category || "" }
            FieldRow { label: Texts.text("points.district"); value: page.item.district || "" }
            FieldRow { label: Texts.text("points.address"); value: page.item.address || "" }
            FieldRow { label: Texts.text("points.hours"); value: page.item.hours || "" }
            FieldRow { label: Texts.text("points.phone"); value: page.item.phone || "" }
        }
        QrPanel {
            Layout.alignment: Qt.AlignTop
            source: page.item.navigationQr || ""
            caption: Texts.text("points.scan_to_navigate")
        }
    }
    Card { visible: (page.item.bodyHtml || "").length > 0; RichBody { html: page.item.bodyHtml || "" } }
    LinkedItems { title: Texts.text("points.guides"); items: page.item.guides || [] }
}
