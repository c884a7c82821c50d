import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// The steps of a guide drawn as a flow chart: numbered boxes joined by arrows.
Column {
    id: flow
    property var steps: []
    width: parent ? parent.width : 600
    spacing: 0

    Repeater {
        model: flow.steps
        Column {
            width: flow.width
            spacing: 0
            Rectangle {
                objectName: "step_" + modelData.index
                width: parent.width
                height: stepRow.implicitHeight + 24
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.primary
                border.width: Theme.hc ? 3 : 2
                Accessible.role: Accessible.StaticText
                Accessible.name: L10n.numbered(modelData.index, L10n.labelValue(modelData.name, modelData.description))
                RowLayout {
                    id: stepRow
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.top: parent.top
                    anchors.margins: 12
                    spacing: Theme.gap
                    Rectangle {
                        Layout.alignment: Qt.AlignTop
                        Layout.preferredWidth: Math.round(52 * Theme.scale)
                        Layout.preferredHeight: Layout.preferredWidth
                        radius: width / 2
                        color: Theme.primary
                        Text {
                            anchors.centerIn: parent
                            text: modelData.index
                            color: Theme.textOnPrimary
                            font.pixelSize: Theme.labelSize
                            font.bold: true
                        }
                    }
                    Column {
                        Layout.fillWidth: true
                        spacing: 4
                        Text {
                            width: parent.width
                            text: modelData.name
                            font.pixelSize: Theme.labelSize
                            font.bold: true
                            color: Theme.text
                            wrapMode: Text.Wrap
                            horizontalAlignment: Text.AlignLeft // mirrors with the layout (BodyText)
                        }
                        Text {
                            width: parent.width
                            text: modelData.description
                            font.pixelSize: Theme.bodySize
                            color: Theme.text
                            wrapMode: Text.Wrap
                            horizontalAlignment: Text.AlignLeft // mirrors with the layout (BodyText)
                            lineHeight: Theme.lineHeight
                        }
                        Text {
                            width: parent.width
                            visible: text.length > 0
                            text: L10n.details([modelData.actor, modelData.duration])
                            font.pixelSize: Theme.smallSize
                            color: Theme.mutedText
                            wrapMode: Text.Wrap
                            horizontalAlignment: Text.AlignLeft // mirrors with the layout (BodyText)
                        }
                    }
                }
            }
            Text {
                horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
                visible: index < flow.steps.length - 1
                anchors.horizontalCenter: parent.horizontalCenter
                text: "▼"
                font.pixelSize: Theme.labelSize
                color: Theme.primary
                Accessible.ignored: true
            }
        }
    }
}
