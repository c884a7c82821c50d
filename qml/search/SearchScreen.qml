import QtQuick
import QtQuick.Layouts
import Kiosk.Core
import Kiosk.Ui

// Search: a query line, catalog words for typed pinyin, results grouped by kind
// while typing, a helpful empty state, and the on-screen keyboard (拼音/手写/ABC/123).
Item {
    id: screen
    readonly property bool ready: search.hotSearches.length > 0 && !search.loading
    // A landscape screen puts the keyboard beside the results, not under them: at
    // large text a keyboard across the bottom left the results a strip.
    readonly property bool wide: width > height * 1.2

    SearchViewModel { id: search }
    // New results start at their count and first group, not where the last ones were
    // scrolled to (the header grows once a search has run, which left it half hidden).
    Connections {
        target: search
        function onResultsChanged() { if (!search.extended) Qt.callLater(results.positionViewAtBeginning) }
    }
    Component.onCompleted: queryBar.forceActiveFocus()

    function openHit(hit) {
        search.opened(hit.itemId)
        Navigator.openItem(hit.kind, hit.itemId)
    }

    Rectangle {
        id: queryBar
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: 24
        height: Math.max(Theme.target, queryText.implicitHeight + 24)
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.primary
        border.width: 3
        Accessible.role: Accessible.EditableText
        Accessible.name: L10n.labelValue(L10n.text("search.title"), search.query)
        // The text field of the on-screen keyboard (see KioskKeyboard).
        focus: true
        activeFocusOnTab: true
        function commitText(text) { search.append(text) }
        function eraseText() { search.backspace() }
        function clearText() { search.clear() }
        TapHandler { onTapped: queryBar.forceActiveFocus() }
        Text {
            horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
            id: queryText
            objectName: "searchQuery"
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            anchors.margins: 16
            text: search.query.length > 0 ? L10n.typing(search.query) : L10n.text("search.placeholder")
            color: search.query.length > 0 ? Theme.text : Theme.mutedText
            font.pixelSize: Theme.titleSize
            elide: Text.ElideLeft
            property bool mayTruncate: true // a long query shows its end, where typing goes on
        }
    }

    Flow {
        id: candidates
        anchors.left: parent.left
        anchors.right: screen.wide ? keyboard.left : parent.right
        anchors.top: queryBar.bottom
        anchors.margins: 24
        anchors.topMargin: 12
        spacing: 10
        visible: search.candidates.length > 0
        height: visible ? implicitHeight : 0
        Text {
            horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
            text: L10n.text("search.candidates")
            font.pixelSize: Theme.bodySize
            color: Theme.mutedText
            height: Theme.target
            verticalAlignment: Text.AlignVCenter
        }
        Repeater {
            model: search.candidates
            KButton {
                objectName: "candidate_" + modelData
                text: modelData
                primary: index === 0
                onClicked: search.pickCandidate(modelData)
            }
        }
    }

    ListView {
        id: results
        objectName: "searchResults"
        anchors.left: parent.left
        anchors.top: candidates.bottom
        anchors.right: screen.wide ? keyboard.left : parent.right
        anchors.bottom: screen.wide ? parent.bottom : keyboard.top
        anchors.margins: 24
        clip: true
        spacing: 12
        boundsBehavior: Flickable.StopAtBounds
        model: search.groups
        header: ListHeader {
            view: results
            width: results.width
            spacing: 12
            bottomPadding: 12
            BodyText {
                visible: !search.searched
                text: L10n.text("search.keyboard_hint")
                color: Theme.mutedText
            }
            Text {
                horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
                objectName: "searchCount"
                visible: search.searched && search.total > 0
                text: L10n.fill(search.more ? "search.count_more" : "search.count", search.total)
                font.pixelSize: Theme.labelSize
                font.bold: true
                color: Theme.primary
            }
            BodyText {
                visible: search.relaxed && search.total > 0
                text: L10n.text("search.relaxed")
                color: Theme.warning
            }
            Column {
                objectName: "searchEmpty"
                visible: search.searched && search.total === 0 && !search.loading
                width: parent.width
                spacing: 12
                BodyText { text: L10n.fill("search.no_results", search.query); font.bold: true }
                BodyText {
                    visible: search.triedTerms.length > 1
                    text: L10n.fill("search.tried", L10n.list(search.triedTerms))
                    color: Theme.mutedText
                }
                BodyText { text: L10n.text("search.try_these") }
            }
            Column {
                visible: !search.searched || search.total === 0
                width: parent.width
                spacing: 10
                SectionTitle { visible: !search.searched; text: L10n.text("search.hot") }
                Flow {
                    width: parent.width
                    spacing: 10
                    Repeater {
                        model: search.hotSearches
                        KButton {
                            objectName: "hot_" + modelData
                            text: modelData
                            onClicked: search.query = modelData
                        }
                    }
                }
                BodyText {
                    visible: search.suggestedStages.length > 0
                    text: L10n.text("search.browse_stages")
                }
                Flow {
                    width: parent.width
                    spacing: 10
                    Repeater {
                        model: search.suggestedStages
                        KButton {
                            text: modelData.title
                            onClicked: Navigator.open("stage", { id: modelData.itemId })
                        }
                    }
                }
            }
        }
        footer: Item {
            width: results.width
            height: moreButton.visible ? moreButton.height + 24 : 0
            KButton {
                id: moreButton
                objectName: "searchMore"
                anchors.horizontalCenter: parent.horizontalCenter
                y: 12
                visible: search.more
                text: L10n.text("search.show_more")
                onClicked: search.showMore()
            }
        }
        delegate: Column {
            width: results.width
            spacing: 10
            SectionTitle { text: L10n.titleCount(L10n.text(modelData.labelKey), modelData.items.length) }
            Repeater {
                model: modelData.items
                SearchHitRow {
                    width: results.width
                    hit: modelData
                    onActivated: screen.openHit(modelData)
                }
            }
        }
    }

    KioskKeyboard {
        id: keyboard
        objectName: "keyboard"
        anchors.left: screen.wide ? undefined : parent.left
        width: Math.round(parent.width * 0.48) // beside the results; stretched across otherwise
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: 24
    }
}
