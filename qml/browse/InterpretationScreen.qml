import QtQuick
import Kiosk.Core
import Kiosk.Ui

DetailPage {
    id: page
    kind: "interpretation"

    SectionTitle { text: page.item.title || "" }
    PrintButton { kind: page.kind; itemId: page.item.id || "" }
    BodyText { text: L10n.fields([page.item.form, page.item.agency, page.item.published]); color: Theme.mutedText }
    LinkedItems {
        title: L10n.text("interpretation.document")
        items: page.item.policy ? [page.item.policy] : []
    }
    Card { RichBody { html: page.item.bodyHtml || "" } }
}
