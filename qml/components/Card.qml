import QtQuick
import Kiosk.Ui

// A framed block of content with a heading.
Rectangle {
    id: card
    property string title: ""
    default property alias content: inner.data
    width: parent ? parent.width : 400
    // implicit, so Layouts size the card to its content as well
    implicitHeight: column.implicitHeight + 2 * Theme.gap
    implicitWidth: 400
    color: Theme.surface
    radius: Theme.radius
    border.color: Theme.border
    border.width: Theme.borderWidth

    Column {
        id: column
        x: Theme.gap
        y: Theme.gap
        width: card.width - 2 * Theme.gap
        spacing: Theme.gap
        Text {
            visible: card.title.length > 0
            text: card.title
            width: parent.width
            horizontalAlignment: Text.AlignLeft // mirrors with the layout (BodyText)
            font.pixelSize: Theme.labelSize
            font.bold: true
            color: Theme.primary
            wrapMode: Text.Wrap
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Column {
            id: inner
            width: parent.width
            spacing: Theme.gap / 2
        }
    }
}
