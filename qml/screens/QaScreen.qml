import QtQuick
import Kiosk.Core
import Kiosk.Ui

DetailPage {
    id: page
    kind: "qa"

    SectionTitle { objectName: "qaQuestion"; text: page.item.question || "" }
    Card {
        title: Texts.text("qa.answer")
        RichBody { html: page.item.answerHtml || "" }
        BodyText {
            visible: (page.item.tags || []).length > 0
            text: Texts.text("qa.tags") + "：" + (page.item.tags || []).join("、")
            color: Theme.mutedText
        }
        BodyText { text: Texts.text("qa.updated") + "：" + (page.item.updated || ""); color: Theme.mutedText }
    }
    LinkedItems {
        title: Texts.text("qa.source") + (page.item.clause ? "（" + page.item.clause + "）" : "")
        items: page.item.source && page.item.source.itemId ? [page.item.source] : []
    }
    LinkedItems { title: Texts.text("qa.guides"); items: page.item.guides || [] }
    LinkedItems { title: Texts.text("qa.related"); items: page.item.related || [] }
}
