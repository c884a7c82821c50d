import QtQuick
import Kiosk.Core
import Kiosk.Ui

// The policy library: filters by issuing agency, topic, year and validity.
ListView {
    id: screen
    readonly property bool ready: library.agencies.length > 0 && !library.loading
    clip: true
    spacing: 12
    topMargin: 24
    bottomMargin: 24
    leftMargin: 24
    rightMargin: 24
    boundsBehavior: Flickable.StopAtBounds

    PolicyLibraryViewModel { id: library }

    model: library.results
    header: ListHeader {
        view: screen
        width: screen.width - 48
        spacing: 16
        bottomPadding: 16
        Text {
            horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
            width: parent.width
            text: L10n.text("home.policies")
            font.pixelSize: Theme.heroSize
            font.bold: true
            color: Theme.text
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        FilterBar {
            name: "validity"
            label: L10n.text("policy.filter_validity")
            values: library.validities
            current: library.validity
            onPicked: (v) => library.validity = v
        }
        FilterBar {
            name: "year"
            label: L10n.text("policy.filter_year")
            values: library.years
            current: library.year
            onPicked: (v) => library.year = v
        }
        FilterBar {
            name: "topic"
            label: L10n.text("policy.filter_topic")
            values: library.topics
            current: library.topic
            onPicked: (v) => library.topic = v
        }
        FilterBar {
            name: "agency"
            label: L10n.text("policy.filter_agency")
            values: library.agencies
            current: library.agency
            onPicked: (v) => library.agency = v
        }
        Text {
            horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
            objectName: "policyCount"
            width: parent.width
            text: L10n.fill("common.count", library.results.count)
            font.pixelSize: Theme.labelSize
            font.bold: true
            color: Theme.primary
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        BodyText {
            visible: library.results.count === 0 && !library.loading
            text: L10n.text("policy.none_match")
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
