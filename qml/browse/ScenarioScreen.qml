import QtQuick
import Kiosk.Core
import Kiosk.Ui

// "一件事": one scenario bundling several guides, in the order they are done.
DetailPage {
    id: page
    kind: "scenario"

    SectionTitle { text: page.item.title || "" }
    BodyText { text: page.item.summary || ""; visible: text.length > 0 }
    LinkedItems { title: L10n.text("scenario.guides"); items: page.item.guides || [] }
    Card { visible: (page.item.bodyHtml || "").length > 0; RichBody { html: page.item.bodyHtml || "" } }
}
