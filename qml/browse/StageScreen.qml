import QtQuick
import Kiosk.Core
import Kiosk.Ui

// One life-cycle stage: its "一件事" scenarios, then its service guides.
ListView {
    id: screen
    readonly property bool ready: stage.title.length > 0 && !stage.loading
    clip: true
    spacing: 12
    topMargin: 24
    bottomMargin: 24
    leftMargin: 24
    rightMargin: 24
    boundsBehavior: Flickable.StopAtBounds

    StageViewModel { id: stage; stageId: Navigator.params.id || "" }

    model: stage.guides
    header: Column {
        width: screen.width - 48
        spacing: 16
        bottomPadding: 16
        Text {
            horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
            width: parent.width
            text: stage.title
            font.pixelSize: Theme.heroSize
            font.bold: true
            color: Theme.text
            wrapMode: Text.Wrap
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        BodyText { text: stage.summary; visible: text.length > 0; color: Theme.mutedText }
        LinkedItems {
            title: L10n.text("home.scenarios")
            items: stage.scenarios
        }
        SectionTitle {
            text: L10n.titleCount(L10n.text("stage.guides"), stage.guides.count)
        }
    }
    delegate: ItemButton {
        width: screen.width - 48
        itemId: model.itemId
        kind: model.kind
        title: model.title
        subtitle: model.subtitle
        repealed: model.repealed
    }
}
