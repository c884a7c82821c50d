import QtQuick
import Kiosk.Core
import Kiosk.Ui

DetailPage {
    id: page
    kind: "gazette"

    SectionTitle { text: page.item.title || "" }
    BodyText { text: L10n.fields([page.item.numberText, page.item.published]); color: Theme.mutedText }
    LinkedItems { objectName: "gazetteDocuments"; title: L10n.text("gazette.documents"); items: page.item.documents || [] }
    // The issue's text carries its own headings (目录, 市政府文件 …): no title over it.
    Card { objectName: "gazetteBody"; RichBody { html: page.item.bodyHtml || "" } }
}
