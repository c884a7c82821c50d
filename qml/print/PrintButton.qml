import QtQuick
import Kiosk.Core
import Kiosk.Print
import Kiosk.Ui

// "打印" on a detail screen: opens the print preview of this item. Shown only for
// the kinds that print (guide, policy, interpretation, Q&A).
KButton {
    id: button
    property string kind: ""
    property string itemId: ""
    objectName: "printButton"
    visible: itemId.length > 0 && Printing.printable(kind)
    enabled: Printing.state !== Printing.Printing && Printing.state !== Printing.Preparing
    text: L10n.text("common.print")
    description: L10n.text("print.preview_title")
    onClicked: Printing.preview(kind, itemId)
}
