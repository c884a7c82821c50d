import QtQuick
import QtQuick.Layouts
import Kiosk.Core
import Kiosk.Ui

// A policy document ("政策+解读"): metadata, the text with its headings, lists and
// tables, its interpretation beside it (landscape) or after it (portrait), and the
// guides and Q&A linked to it.
DetailPage {
    id: page
    kind: "policy"
    readonly property bool wide: width > 1400

    Text {
        horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
        objectName: "policyTitle"
        width: parent.width
        text: page.item.title || ""
        font.pixelSize: Theme.heroSize
        font.bold: true
        color: Theme.text
        wrapMode: Text.Wrap
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }

    PrintButton { kind: page.kind; itemId: page.item.id || "" }

    // In portrait the interpretation comes after the whole text: a way there at once.
    KButton {
        objectName: "jumpToInterpretation"
        visible: !page.wide && (page.item.interpretations || []).length > 0
        text: L10n.text("policy.jump_to_interpretation")
        onClicked: {
            const top = interpretations.mapToItem(page.contentItem, 0, 0).y - 24
            page.contentY = Math.max(0, Math.min(top, page.contentHeight - page.height))
        }
    }

    Rectangle {
        objectName: "repealedBanner"
        visible: page.item.valid === false
        width: parent.width
        height: bannerText.implicitHeight + 24
        color: "transparent"
        border.color: Theme.warning
        border.width: 3
        radius: Theme.radius
        BodyText {
            id: bannerText
            anchors.centerIn: parent
            width: parent.width - 24
            color: Theme.warning
            font.bold: true
            text: L10n.fields([L10n.fill("policy.not_valid_notice", page.item.validityText || ""),
                               page.item.replacedBy && page.item.replacedBy.title
                               ? L10n.labelValue(L10n.text("policy.replaced_by"), L10n.quoted(page.item.replacedBy.title)) : ""])
        }
    }

    Card {
        title: L10n.text("policy.metadata")
        FieldRow { label: L10n.text("policy.index_no"); value: page.item.indexNo || "" }
        FieldRow { label: L10n.text("policy.agency"); value: page.item.agency || "" }
        FieldRow { label: L10n.text("policy.doc_no"); value: page.item.docNo || "" }
        FieldRow { label: L10n.text("policy.written"); value: page.item.written || "" }
        FieldRow { label: L10n.text("policy.published"); value: page.item.published || "" }
        FieldRow { label: L10n.text("policy.topics"); value: page.item.topics || "" }
        FieldRow { label: L10n.text("policy.validity"); value: page.item.validityText || "" }
        FieldRow { label: L10n.text("policy.keywords"); value: page.item.keywords || "" }
    }

    GridLayout {
        width: parent.width
        columns: page.wide ? 2 : 1
        columnSpacing: 24
        rowSpacing: 20
        Card {
            objectName: "policyBody"
            Layout.fillWidth: true
            Layout.preferredWidth: page.wide ? parent.width * 0.6 : parent.width
            Layout.alignment: Qt.AlignTop
            title: L10n.text("policy.body")
            RichBody { objectName: "policyBodyText"; html: page.item.bodyHtml || "" }
        }
        Column {
            id: interpretations
            objectName: "interpretations"
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            spacing: 20
            Repeater {
                model: page.item.interpretations || []
                Card {
                    width: parent.width
                    title: L10n.labelValue(L10n.text("policy.interpretation"), modelData.title)
                    BodyText { text: L10n.fields([modelData.form, modelData.agency, modelData.published]); color: Theme.mutedText }
                    RichBody { html: modelData.bodyHtml }
                }
            }
        }
    }

    Card {
        visible: (page.item.attachments || []).length > 0
        title: L10n.text("policy.attachments")
        Repeater {
            model: page.item.attachments || []
            BodyText { text: L10n.bullet(modelData.title) }
        }
    }

    LinkedItems { objectName: "policyGuides"; title: L10n.text("policy.related_guides"); items: page.item.guides || [] }
    LinkedItems { objectName: "policyQa"; title: L10n.text("policy.related_qa"); items: page.item.qa || [] }
    LinkedItems { title: L10n.text("policy.replaces"); items: page.item.replaces || [] }
    LinkedItems { title: L10n.text("policy.gazette"); items: page.item.gazetteIssues || [] }
    LinkedItems { title: L10n.text("policy.related"); items: page.item.related || [] }
}
