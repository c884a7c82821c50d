import QtQuick
import Kiosk.Core
import Kiosk.Ui

DetailPage {
    id: page
    kind: "qa"

    SectionTitle { objectName: "qaQuestion"; text: page.item.question || "" }

    PrintButton { kind: page.kind; itemId: page.item.id || "" }
    Card {
        title: L10n.text("qa.answer")
        RichBody { html: page.item.answerHtml || "" }
        BodyText {
            visible: (page.item.tags || []).length > 0
            text: L10n.labelValue(L10n.text("qa.tags"), L10n.list(page.item.tags))
            color: Theme.mutedText
        }
        BodyText { text: L10n.labelValue(L10n.text("qa.updated"), page.item.updated || ""); color: Theme.mutedText }
    }
    LinkedItems {
        title: L10n.titleNote(L10n.text("qa.source"), page.item.clause)
        items: page.item.source && page.item.source.itemId ? [page.item.source] : []
    }
    LinkedItems { title: L10n.text("qa.guides"); items: page.item.guides || [] }
    LinkedItems { title: L10n.text("qa.related"); items: page.item.related || [] }
}
