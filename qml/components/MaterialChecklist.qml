import QtQuick
import QtQuick.Layouts
import Kiosk.Core
import Kiosk.Ui

// The materials of a guide as a checklist the resident can tick while gathering them.
Column {
    id: list
    property var materials: []
    width: parent ? parent.width : 600
    spacing: 10

    Repeater {
        model: list.materials
        Rectangle {
            id: entry
            property bool checked: false
            objectName: "material_" + modelData.index
            width: list.width
            height: Math.max(Theme.target, mrow.implicitHeight + 24)
            radius: Theme.radius
            color: checked ? Theme.chip : Theme.surface
            border.color: Theme.border
            border.width: Theme.borderWidth
            Accessible.role: Accessible.CheckBox
            Accessible.checkable: true
            Accessible.checked: checked
            Accessible.name: L10n.phrases([L10n.numbered(modelData.index, modelData.name), modelData.necessity,
                                           L10n.fields([modelData.form, modelData.copiesText]),
                                           modelData.source.length > 0 ? L10n.labelValue(L10n.text("material.source"), modelData.source) : ""])
            Accessible.onToggleAction: checked = !checked
            Accessible.onPressAction: checked = !checked

            RowLayout {
                id: mrow
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.top: parent.top
                anchors.margins: 12
                spacing: Theme.gap
                Rectangle {
                    Layout.alignment: Qt.AlignTop
                    width: Math.round(44 * Theme.scale)
                    height: width
                    radius: 6
                    color: entry.checked ? Theme.primary : Theme.surface
                    border.color: Theme.primary
                    border.width: 3
                    Text {
                        anchors.centerIn: parent
                        visible: entry.checked
                        text: "✓"
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
                        text: L10n.numbered(modelData.index, modelData.name)
                        font.pixelSize: Theme.labelSize
                        font.bold: modelData.required
                        color: Theme.text
                        wrapMode: Text.Wrap
                        horizontalAlignment: Text.AlignLeft // mirrors with the layout (BodyText)
                    }
                    Text {
                        width: parent.width
                        text: L10n.fields([L10n.tag(modelData.necessity, modelData.form), modelData.copiesText,
                                          modelData.source.length > 0 ? L10n.labelValue(L10n.text("material.source"), modelData.source) : ""])
                        font.pixelSize: Theme.bodySize
                        color: modelData.required ? Theme.text : Theme.mutedText
                        wrapMode: Text.Wrap
                        horizontalAlignment: Text.AlignLeft // mirrors with the layout (BodyText)
                    }
                    Text {
                        width: parent.width
                        visible: modelData.condition.length > 0
                        text: modelData.condition
                        font.pixelSize: Theme.smallSize
                        color: Theme.mutedText
                        wrapMode: Text.Wrap
                        horizontalAlignment: Text.AlignLeft // mirrors with the layout (BodyText)
                    }
                    Text {
                        width: parent.width
                        visible: modelData.notes.length > 0
                        text: L10n.labelValue(L10n.text("material.notes"), modelData.notes)
                        font.pixelSize: Theme.smallSize
                        color: Theme.mutedText
                        wrapMode: Text.Wrap
                        horizontalAlignment: Text.AlignLeft // mirrors with the layout (BodyText)
                    }
                }
            }
            TapHandler { onTapped: entry.checked = !entry.checked }
        }
    }
}
