import QtQuick
import Kiosk.Ui

// The candidate bar of the on-screen keyboard: what is being typed (pinyin), one page
// of candidates as large buttons (the first one is the likeliest), and page buttons.
Item {
    id: bar
    property string composing: ""      // pinyin being typed, shown before the candidates
    property var candidates: []        // one page
    property var catalogFlags: []      // per candidate: a word of the catalog (marked)
    property bool hasPrevious: false
    property bool hasNext: false
    // How many candidates of the page the bar has room for: a word that does not fit is
    // not shown cut in half, it leads the next page instead.
    property int shown: 0
    signal chosen(int index)
    signal previous()
    signal next()

    implicitHeight: Theme.target
    Accessible.role: Accessible.List
    Accessible.name: L10n.text("ime.candidate_hint")

    function recount() {
        let n = 0
        for (let i = 0; i < words.count; ++i) {
            const word = words.itemAt(i)
            if (!word || !word.fits)
                break
            ++n
        }
        shown = n
    }

    Text {
        horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
        id: composingText
        objectName: "imeComposing"
        anchors.left: parent.left
        anchors.verticalCenter: parent.verticalCenter
        width: bar.composing.length > 0 ? Math.min(measure.advanceWidth + 4, bar.width * 0.3) : 0
        text: bar.composing
        font.pixelSize: Theme.labelSize
        color: Theme.primary
        elide: Text.ElideLeft
        Accessible.role: Accessible.StaticText
        Accessible.name: L10n.fill("ime.composing", bar.composing)
    }

    TextMetrics {
        id: measure
        font: composingText.font
        text: bar.composing
    }

    Row {
        id: candidateRow
        anchors.left: composingText.right
        anchors.leftMargin: composingText.width > 0 ? 16 : 0
        anchors.right: pager.left
        anchors.rightMargin: 8
        height: parent.height
        spacing: 8
        clip: true
        Repeater {
            id: words
            model: bar.candidates
            onItemRemoved: bar.recount()
            KButton {
                objectName: "imeCandidate_" + modelData
                height: bar.height
                // The first word always shows (a page never comes up empty).
                readonly property bool fits: index === 0 || x + width <= candidateRow.width
                readonly property bool catalogWord: bar.catalogFlags[index] === true
                onFitsChanged: bar.recount()
                Component.onCompleted: bar.recount()
                opacity: fits ? 1 : 0
                enabled: fits
                Accessible.ignored: !fits
                text: modelData
                primary: index === 0
                fontSize: Theme.labelSize
                focusPolicy: Qt.TabFocus // a touch leaves the focus in the text field
                description: L10n.text(catalogWord ? "ime.catalog_word_hint" : "ime.candidate_hint")
                onClicked: bar.chosen(index)

                // A catalog word (a service or document name) is underlined.
                Rectangle {
                    objectName: "imeCatalogMark"
                    visible: parent.catalogWord
                    anchors.bottom: parent.bottom
                    anchors.bottomMargin: 6
                    anchors.horizontalCenter: parent.horizontalCenter
                    width: parent.width * 0.6
                    height: 4
                    radius: 2
                    color: parent.primary ? Theme.textOnPrimary : Theme.primary
                }
            }
        }
    }

    Row {
        id: pager
        visible: bar.hasPrevious || bar.hasNext
        anchors.right: parent.right
        height: parent.height
        spacing: 8
        KButton {
            objectName: "imePrevious"
            height: bar.height
            text: "◀"
            enabled: bar.hasPrevious
            focusPolicy: Qt.TabFocus
            Accessible.name: L10n.text("ime.previous_page")
            onClicked: bar.previous()
        }
        KButton {
            objectName: "imeNext"
            height: bar.height
            text: "▶"
            enabled: bar.hasNext
            focusPolicy: Qt.TabFocus
            Accessible.name: L10n.text("ime.next_page")
            onClicked: bar.next()
        }
    }
}
