import QtQuick
import QtQuick.Layouts
import Kiosk.Core
import Kiosk.Ui

// Home: the person and business life-cycle walls, and the other entries.
Flickable {
    id: screen
    readonly property bool ready: home.personStages.length > 0 && !home.loading
    contentHeight: column.implicitHeight + 48
    clip: true
    boundsBehavior: Flickable.StopAtBounds

    HomeViewModel { id: home }

    // As many tiles a row as leave a title word room at the current text size (three
    // at most; two in elderly mode), so titles wrap between words and summaries whole.
    readonly property int wallColumns: Math.max(1, Math.min(Accessibility.elderlyMode ? 2 : 3,
                                                            Math.floor((width - 48) / (280 * Theme.scale))))

    component StageTile: Rectangle {
        id: tile
        property var stage
        objectName: "stage_" + stage.itemId
        implicitHeight: Math.max(Theme.target * 1.6, tileText.implicitHeight + 40)
        radius: Theme.radius
        color: tap.pressed ? Theme.chip : Theme.surface
        border.color: Theme.primary
        border.width: Theme.hc ? 3 : 2
        Accessible.role: Accessible.Button
        Accessible.name: stage.title
        Accessible.description: stage.summary
        Accessible.onPressAction: Navigator.open("stage", { id: stage.itemId })
        Column {
            id: tileText
            anchors.centerIn: parent
            width: parent.width - 24
            spacing: 6
            Text {
                width: parent.width
                text: tile.stage.title
                font.pixelSize: Theme.titleSize
                font.bold: true
                color: Theme.primary
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
            }
            Text {
                width: parent.width
                text: tile.stage.summary
                visible: text.length > 0 && !Accessibility.elderlyMode
                font.pixelSize: Theme.smallSize
                color: Theme.mutedText
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
            }
        }
        TapHandler { id: tap; onTapped: Navigator.open("stage", { id: tile.stage.itemId }) }
    }

    Column {
        id: column
        x: 24
        y: 24
        width: screen.width - 48
        spacing: 24

        Text {
            horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
            width: parent.width
            text: L10n.text("app.title")
            font.pixelSize: Theme.heroSize
            font.bold: true
            color: Theme.text
            wrapMode: Text.Wrap
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Text {
            horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
            width: parent.width
            visible: (Catalog.meta.demo === "true") && text.length > 0
            text: L10n.text("app.demo_notice")
            font.pixelSize: Theme.smallSize
            color: Theme.warning
            wrapMode: Text.Wrap
        }
        KButton {
            objectName: "searchEntry"
            width: parent.width
            implicitHeight: Theme.target * 1.3
            text: L10n.text("home.search_hint")
            Accessible.name: L10n.text("bar.search")
            onClicked: Navigator.open("search")
        }
        KButton {
            objectName: "elderlyEntry"
            visible: !Accessibility.elderlyMode
            width: parent.width
            primary: true
            text: L10n.text("home.elderly_entry")
            onClicked: Accessibility.elderlyMode = true
        }

        // A wall shows only when the catalog has stages for it (a village centre's
        // catalog may have no business stages): never a heading over nothing.
        SectionTitle {
            objectName: "personWallTitle"
            visible: home.personStages.length > 0
            text: L10n.text("home.person_wall")
        }
        Grid {
            id: personWall
            visible: home.personStages.length > 0
            width: parent.width
            columns: screen.wallColumns
            spacing: 14
            Repeater {
                model: home.personStages
                StageTile {
                    stage: modelData
                    width: (personWall.width - (personWall.columns - 1) * personWall.spacing) / personWall.columns
                }
            }
        }

        SectionTitle {
            objectName: "businessWallTitle"
            visible: home.businessStages.length > 0
            text: L10n.text("home.business_wall")
        }
        Grid {
            id: businessWall
            visible: home.businessStages.length > 0
            width: parent.width
            columns: screen.wallColumns
            spacing: 14
            Repeater {
                model: home.businessStages
                StageTile {
                    stage: modelData
                    width: (businessWall.width - (businessWall.columns - 1) * businessWall.spacing) / businessWall.columns
                }
            }
        }

        SectionTitle { text: L10n.text("home.more") }
        Grid {
            id: entries
            width: parent.width
            columns: 2
            spacing: 14
            Repeater {
                model: home.entries
                KButton {
                    objectName: "entry_" + modelData.id
                    width: (entries.width - entries.spacing) / 2
                    implicitHeight: Math.max(Theme.target * 1.5, contentItem.implicitHeight + 24)
                    text: L10n.lines([L10n.text(modelData.labelKey), modelData.available ? "" : L10n.text("home.coming")])
                    description: modelData.available ? "" : L10n.text("home.coming")
                    onClicked: Navigator.open(modelData.screen, modelData.params)
                }
            }
        }
    }
}
