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
    contentHeight: column.implicitHeight + 48
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

    BodyText {
        anchors.centerIn: parent
        width: parent.width - 96
        visible: !vm.loading && !vm.found && vm.itemId.length > 0 && Catalog.ready
        horizontalAlignment: Text.AlignHCenter
        text: vm.problem.length > 0 ? vm.problem : L10n.text("common.not_found")
    }
}
