import QtQuick
import QtQuick.Layouts
import Kiosk.Core
import Kiosk.Ui

// A service guide with every field: who, can I, what to bring (checklist), how
// (flow chart), when and where, cost, legal basis, linked policies and Q&A, and the
// QR code for handling it online.
DetailPage {
    id: page
    kind: "guide"

    Text {
        horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
        objectName: "guideTitle"
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

    RowLayout {
        width: parent.width
        spacing: 24
        Card {
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            title: L10n.text("guide.overview")
            FieldRow { label: L10n.text("guide.type"); value: page.item.type || "" }
            FieldRow { label: L10n.text("guide.agency"); value: page.item.agency || "" }
            FieldRow { label: L10n.text("guide.audience"); value: page.item.audience || "" }
            FieldRow { label: L10n.text("guide.channels"); value: page.item.channels || "" }
            FieldRow { label: L10n.text("guide.visits"); value: page.item.visitsText || "" }
            FieldRow { label: L10n.text("guide.legal_limit"); value: page.item.legalLimit || "" }
            FieldRow { label: L10n.text("guide.promised_limit"); value: page.item.promisedLimit || "" }
            FieldRow { label: L10n.text("guide.fee"); value: page.item.fee || "" }
            FieldRow { label: L10n.text("guide.no_application"); value: page.item.noApplicationText || "" }
        }
        QrPanel {
            objectName: "onlineQrPanel"
            Layout.alignment: Qt.AlignTop
            source: page.item.onlineQr || ""
            caption: L10n.text("guide.scan_to_apply")
            detail: page.item.onlineUrl || ""
        }
    }

    Card {
        title: L10n.text("guide.eligibility")
        RichBody { html: page.item.eligibilityHtml || "" }
        FieldRow { label: L10n.text("guide.quantity_limit"); value: page.item.quantityLimit || "" }
    }

    Card {
        objectName: "materialsCard"
        title: L10n.titleCount(L10n.text("guide.materials"), (page.item.materials || []).length)
        MaterialChecklist { materials: page.item.materials || [] }
    }

    Card {
        objectName: "stepsCard"
        title: L10n.text("guide.steps")
        StepFlow { steps: page.item.steps || [] }
    }

    Card {
        title: L10n.text("guide.where_when")
        FieldRow { label: L10n.text("guide.place"); value: page.item.place || "" }
        FieldRow { label: L10n.text("guide.hours"); value: page.item.hours || "" }
        FieldRow { label: L10n.text("guide.consult_phone"); value: page.item.consultPhone || "" }
        FieldRow { label: L10n.text("guide.complaint_phone"); value: page.item.complaintPhone || "" }
    }

    Card {
        title: L10n.text("guide.fee")
        FieldRow { label: L10n.text("guide.fee"); value: page.item.fee || "" }
        FieldRow { label: L10n.text("guide.fee_basis"); value: page.item.feeBasis || "" }
    }

    Card {
        title: L10n.text("guide.basis")
        Repeater {
            model: page.item.basis || []
            Loader {
                width: parent.width
                sourceComponent: modelData.policyId.length > 0 ? policyBasis : textBasis
                property var basis: modelData
            }
        }
        Component {
            id: policyBasis
            ItemButton {
                itemId: basis.policyId
                kind: "policy"
                title: basis.title
                subtitle: basis.clause
            }
        }
        Component {
            id: textBasis
            BodyText { text: L10n.fields([basis.text, basis.clause]) }
        }
    }

    Card {
        title: L10n.text("guide.codes")
        FieldRow { label: L10n.text("guide.basic_code"); value: page.item.basicCode || "" }
        FieldRow { label: L10n.text("guide.impl_code"); value: page.item.implCode || "" }
        FieldRow { label: L10n.text("guide.validity"); value: L10n.pair(page.item.effective || "", page.item.updated || "") }
    }

    Card {
        visible: (page.item.bodyHtml || "").length > 0
        title: L10n.text("guide.notes")
        RichBody { html: page.item.bodyHtml || "" }
    }

    LinkedItems { title: L10n.text("home.scenarios"); items: page.item.scenarios || [] }
    LinkedItems { title: L10n.text("guide.related_policies"); items: page.item.policies || [] }
    LinkedItems { objectName: "guideQa"; title: L10n.text("guide.related_qa"); items: page.item.qa || [] }
    LinkedItems { title: L10n.text("guide.points"); items: page.item.points || [] }
    LinkedItems { title: L10n.text("guide.related"); items: page.item.related || [] }
}
