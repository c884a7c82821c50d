import QtQuick
import Kiosk.Ui

// A titled block of linked items ("看、问、办"): hidden when there are none.
Card {
    id: block
    property var items: []
    visible: items && items.length > 0
    Repeater {
        model: block.items
        ItemButton {
            width: parent.width
            itemId: modelData.itemId
            kind: modelData.kind
            title: modelData.title
            subtitle: modelData.subtitle
            repealed: modelData.repealed
        }
    }
}
