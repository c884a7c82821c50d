import QtQuick
import Kiosk.Core
import Kiosk.Ui

// Browsing a section: Q&A by tag, gazette by year, service points by category,
// interpretations, "一件事" scenarios.
ListView {
    id: screen
    readonly property bool ready: browse.items.count > 0 && !browse.loading
    clip: true
    spacing: 12
    topMargin: 24
    bottomMargin: 24
    leftMargin: 24
    rightMargin: 24
    boundsBehavior: Flickable.StopAtBounds

    BrowseViewModel { id: browse; section: Navigator.params.section || "" }

    model: browse.items
    header: ListHeader {
        view: screen
        width: screen.width - 48
        spacing: 16
        bottomPadding: 16
        Text {
            horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
            width: parent.width
            text: L10n.text(Navigator.params.label || "")
            font.pixelSize: Theme.heroSize
            font.bold: true
            color: Theme.text
            wrapMode: Text.Wrap
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        FilterBar {
            name: browse.section
            values: browse.filters
            current: browse.filter
            onPicked: (v) => browse.filter = v
        }
        Text {
            horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
            width: parent.width
            text: L10n.fill("common.count", browse.items.count)
            font.pixelSize: Theme.labelSize
            color: Theme.primary
        }
    }
    delegate: ItemButton {
        width: screen.width - 48
        itemId: model.itemId
        kind: model.kind
        title: model.title
        subtitle: model.subtitle
        repealed: model.repealed
    }
}
