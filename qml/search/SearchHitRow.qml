import QtQuick
import QtQuick.Layouts
import Kiosk.Core
import Kiosk.Ui

// One search result: highlighted title, the words around the match, where in a long
// document it is, and 已废止 on repealed documents.
Rectangle {
    id: row
    property var hit
    signal activated()
    objectName: "hit_" + hit.itemId
    width: parent ? parent.width : 600
    height: Math.max(Theme.target, column.implicitHeight + 24)
    radius: Theme.radius
    color: tap.pressed ? Theme.chip : Theme.surface
    border.color: Theme.border
    border.width: Theme.borderWidth
    Accessible.role: Accessible.Button
    Accessible.name: L10n.phrases([hit.title, hit.repealed ? L10n.text("policy.repealed") : ""])
    Accessible.onPressAction: row.activated()

    Column {
        id: column
        x: 14
        y: 12
        width: row.width - 28
        spacing: 4
        RowLayout {
            width: parent.width
            Text {
                horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
                Layout.fillWidth: true
                text: row.hit.titleHtml
                textFormat: Text.StyledText
                font.pixelSize: Theme.labelSize
                color: row.hit.repealed ? Theme.mutedText : Theme.text
                wrapMode: Text.Wrap
            }
            Text {
                horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
                visible: row.hit.repealed
                text: L10n.text("policy.repealed")
                color: Theme.warning
                font.pixelSize: Theme.smallSize
                font.bold: true
            }
        }
        Text {
            horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
            width: parent.width
            visible: row.hit.sectionHeading.length > 0
            text: L10n.fill("search.section", row.hit.sectionHeading)
            font.pixelSize: Theme.smallSize
            color: Theme.primary
            wrapMode: Text.Wrap
        }
        Text {
            horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
            width: parent.width
            visible: text.length > 0
            text: row.hit.snippetHtml
            textFormat: Text.StyledText
            font.pixelSize: Theme.smallSize
            color: Theme.mutedText
            wrapMode: Text.Wrap
            maximumLineCount: 3
            elide: Text.ElideRight
            property bool mayTruncate: true // a snippet: the item holds the whole text
        }
    }
    TapHandler { id: tap; onTapped: row.activated() }
}
