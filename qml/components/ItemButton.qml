import QtQuick
import QtQuick.Layouts
import Kiosk.Core
import Kiosk.Ui

// A tappable row for one catalog item: title, subtitle, and a 已废止 label on
// repealed documents (never colour alone).
Rectangle {
    id: row
    property string itemId: ""
    property string kind: ""
    property string title: ""
    property string subtitle: ""
    property bool repealed: false
    signal activated()

    objectName: "item_" + itemId
    width: parent ? parent.width : 400
    height: Math.max(Theme.target, content.implicitHeight + 28)
    radius: Theme.radius
    color: tap.pressed ? Theme.chip : Theme.surface
    border.color: Theme.border
    border.width: Theme.borderWidth
    Accessible.role: Accessible.Button
    Accessible.name: L10n.phrases([title, repealed ? L10n.text("policy.repealed") : ""])
    Accessible.description: subtitle
    Accessible.onPressAction: activate()

    function activate() {
        if (row.kind.length > 0)
            Navigator.openItem(row.kind, row.itemId)
        row.activated()
    }

    RowLayout {
        id: content
        anchors.fill: parent
        anchors.margins: 14
        spacing: Theme.gap
        Column {
            Layout.fillWidth: true
            spacing: 4
            Text {
                horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
                width: parent.width
                text: row.title
                font.pixelSize: Theme.labelSize
                color: row.repealed ? Theme.mutedText : Theme.text
                font.strikeout: false
                wrapMode: Text.Wrap
                lineHeight: 1.3
            }
            Text {
                horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
                width: parent.width
                visible: text.length > 0
                text: row.subtitle
                font.pixelSize: Theme.smallSize
                color: Theme.mutedText
                wrapMode: Text.Wrap
            }
        }
        Rectangle {
            visible: row.repealed
            radius: 6
            color: "transparent"
            border.color: Theme.warning
            border.width: 2
            implicitWidth: badge.implicitWidth + 20
            implicitHeight: badge.implicitHeight + 10
            Text {
                id: badge
                anchors.centerIn: parent
                text: L10n.text("policy.repealed")
                color: Theme.warning
                font.pixelSize: Theme.smallSize
                font.bold: true
            }
        }
        Text {
            objectName: "rowChevron"
            horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
            text: "›"
            // Points the way the screen reads: to the left in Uyghur.
            rotation: Texts.rightToLeft ? 180 : 0
            font.pixelSize: Theme.titleSize
            color: Theme.mutedText
        }
    }
    TapHandler {
        id: tap
        onTapped: row.activate()
    }
}
