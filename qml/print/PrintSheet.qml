import QtQuick
import Kiosk.Core
import Kiosk.Print
import Kiosk.Ui

// The print flow over the current screen: the pages exactly as they will print
// (painted by the same renderer as the PDF), then 正在打印… / 已完成 / 出现问题.
// Modal while shown; every state has its words on screen for the resident.
Rectangle {
    id: sheet
    objectName: "printSheet"
    visible: Printing.state !== Printing.Idle
    color: Qt.rgba(0, 0, 0, 0.6)
    Accessible.role: Accessible.Dialog
    Accessible.name: L10n.text("print.preview_title")

    // Touches must not reach the screen below.
    MouseArea { anchors.fill: parent }

    Rectangle {
        id: panel
        anchors.centerIn: parent
        width: parent.width * 0.9
        height: parent.height * 0.86
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border
        border.width: Theme.borderWidth

        Column {
            id: header
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.margins: 32
            spacing: 12
            Text {
                horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
                width: parent.width
                text: L10n.labelValue(L10n.text("print.preview_title"), Printing.previewTitle)
                font.pixelSize: Theme.titleSize
                font.bold: true
                color: Theme.text
                wrapMode: Text.Wrap
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Text {
                horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
                objectName: "printMessage"
                width: parent.width
                text: Printing.message
                font.pixelSize: Theme.labelSize
                font.bold: Printing.state === Printing.Problem || Printing.state === Printing.Done
                color: Printing.state === Printing.Problem ? Theme.warning
                       : Printing.state === Printing.Done ? Theme.success : Theme.text
                wrapMode: Text.Wrap
                Accessible.role: Printing.state === Printing.Problem ? Accessible.AlertMessage
                                                              : Accessible.StaticText
                Accessible.name: text
            }
            QrPanel {
                objectName: "printInsteadQr"
                visible: Printing.state === Printing.Preview && !Printing.canConfirm
                         && Printing.previewQr.length > 0
                source: visible ? Printing.previewQr : ""
                caption: L10n.text("common.scan_to_phone")
            }
            Text {
                horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
                width: parent.width
                text: sheet.visible ? L10n.fill("print.session_pages", Printing.pagesPrinted, Printing.sessionPageLimit) : ""
                font.pixelSize: Theme.smallSize
                color: Theme.mutedText
                wrapMode: Text.Wrap
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
        }

        ListView {
            id: pages
            objectName: "printPreviewPages"
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: header.bottom
            anchors.bottom: buttons.top
            anchors.margins: 32
            clip: true
            orientation: ListView.Horizontal
            spacing: 24
            model: Printing.state === Printing.Preview || Printing.state === Printing.Printing
                   || Printing.state === Printing.Done ? Printing.previewPages : 0
            Accessible.role: Accessible.List
            Accessible.name: sheet.visible ? L10n.fill("print.pages", Printing.previewPages) : ""
            delegate: Rectangle {
                id: pageFrame
                required property int index
                height: ListView.view ? ListView.view.height : 0
                width: height * 210 / 297
                color: "white"
                border.color: Theme.border
                border.width: 2
                Accessible.role: Accessible.Graphic
                Accessible.name: L10n.fill("print.page_image", pageFrame.index + 1)
                Image {
                    anchors.fill: parent
                    anchors.margins: 2
                    asynchronous: true
                    cache: false
                    fillMode: Image.PreserveAspectFit
                    sourceSize: Qt.size(Math.min(1600, Math.round(pageFrame.width)), 0)
                    source: Printing.previewSource + pageFrame.index
                }
            }
        }

        Row {
            id: buttons
            anchors.bottom: parent.bottom
            anchors.horizontalCenter: parent.horizontalCenter
            anchors.bottomMargin: 32
            spacing: 32
            KButton {
                objectName: "printConfirmButton"
                // Not offered at all when over a page limit: the QR code is the way then.
                visible: Printing.state === Printing.Preview && Printing.canConfirm
                primary: true
                text: sheet.visible ? L10n.titleNote(L10n.text("print.confirm"), L10n.fill("print.pages", Printing.previewPages)) : ""
                onClicked: Printing.confirm()
            }
            KButton {
                objectName: "printCloseButton"
                visible: Printing.state !== Printing.Printing
                text: Printing.state === Printing.Preview || Printing.state === Printing.Preparing
                      ? L10n.text("print.cancel") : L10n.text("common.close")
                onClicked: Printing.close()
            }
        }
    }
}
