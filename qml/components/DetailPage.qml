import QtQuick
import Kiosk.Core
import Kiosk.Ui

// A scrolling page for one item: loads it by kind and the id in the navigation
// parameters; children go into the page column.
Flickable {
    id: page
    property string kind: ""
    property alias detail: vm
    readonly property var item: vm.item
    readonly property bool ready: vm.found && !vm.loading
    default property alias content: column.data
    contentHeight: column.implicitHeight + (pageQr.visible ? pageQr.implicitHeight + 24 : 0) + 48
    clip: true
    boundsBehavior: Flickable.StopAtBounds

    ItemDetailViewModel {
        id: vm
        kind: page.kind
        itemId: Navigator.params.id || ""
    }

    Column {
        id: column
        x: 24
        y: 24
        width: page.width - 48
        spacing: 20
    }

    // 二维码直通车: this page's public address, to take it to a phone.
    QrPanel {
        id: pageQr
        objectName: "pageQrPanel"
        anchors.left: column.left // the reading side: mirrors with the layout
        y: column.y + column.implicitHeight + 24
        visible: page.ready && source.length > 0
        source: page.ready ? Scanning.pageQrSource(vm.itemId) : ""
        caption: L10n.text("page.qr_caption")
        detail: page.ready ? Scanning.pageUrl(vm.itemId) : ""
    }

    BodyText {
        anchors.centerIn: parent
        width: parent.width - 96
        visible: !vm.loading && !vm.found && vm.itemId.length > 0 && Catalog.ready
        horizontalAlignment: Text.AlignHCenter
        text: vm.problem.length > 0 ? vm.problem : L10n.text("common.not_found")
    }
}
