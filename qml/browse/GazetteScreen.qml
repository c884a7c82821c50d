import QtQuick
import Kiosk.Core
import Kiosk.Ui

DetailPage {
    id: page
    kind: "gazette"

    SectionTitle { text: page.item.title || "" }
    BodyText { text: L10n.fields([page.item.numberText, page.item.published]); color: Theme.mutedText }
    LinkedItems { objectName: "gazetteDocuments"; title: L10n.text("gazette.documents"); items: page.item.documents || [] }
    Card { title: L10n.text("gazette.contents"); RichBody { html: page.item.bodyHtml || "" } }
}
