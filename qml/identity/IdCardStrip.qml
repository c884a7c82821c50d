import QtQuick
import Kiosk.Core
import Kiosk.Ui

// 已读取居民身份证 (or the card's kind): the card this session holds, masked, with a button to wipe it now.
// Hidden without a card; what the reader's state means is said where the card is
// needed (IdCardReading.readerNoticeKey, e.g. on the application entry).
Rectangle {
    id: strip
    objectName: "idCardStrip"
    readonly property bool showCard: IdCardReading.hasCard
    visible: showCard
    implicitHeight: visible ? row.implicitHeight + 24 : 0
    color: Theme.hc ? "#000000" : Theme.chip
    border.color: Theme.border
    border.width: Theme.borderWidth
    Accessible.role: Accessible.Pane
    Accessible.name: cardText.text

    Row {
        id: row
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.margins: 16
        spacing: 24
        Text {
            horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
            id: cardText
            objectName: "idCardText"
            width: parent.width - clearButton.width - parent.spacing
            anchors.verticalCenter: parent.verticalCenter
            text: strip.showCard ? L10n.fields([L10n.text(IdCardReading.readTitleKey),
                                                L10n.labelValue(L10n.text("idcard.name"), IdCardReading.maskedName),
                                                L10n.labelValue(L10n.text("idcard.number"), IdCardReading.maskedIdNumber)])
                                 : ""
            font.pixelSize: Theme.labelSize
            color: Theme.text
            wrapMode: Text.Wrap
        }
        KButton {
            id: clearButton
            objectName: "idCardClear"
            anchors.verticalCenter: parent.verticalCenter
            text: L10n.text("idcard.clear")
            onClicked: IdCardReading.clear()
        }
    }
}
