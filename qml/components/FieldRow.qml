import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// One labelled field of an item (事项类型: 公共服务). Hidden when the value is empty.
RowLayout {
    id: row
    property string label: ""
    property string value: ""
    width: parent ? parent.width : implicitWidth
    visible: value.length > 0
    spacing: Theme.gap
    Accessible.role: Accessible.StaticText
    Accessible.name: L10n.labelValue(label, value)

    Text {
        text: row.label
        font.pixelSize: Theme.bodySize
        font.bold: true
        color: Theme.mutedText
        Layout.preferredWidth: Math.min(row.width * 0.32, 260 * Theme.scale)
        Layout.alignment: Qt.AlignTop
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignLeft // mirrors with the layout (BodyText)
        lineHeight: Theme.lineHeight
    }
    Text {
        text: row.value
        font.pixelSize: Theme.bodySize
        color: Theme.text
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignLeft // mirrors with the layout (BodyText)
        lineHeight: Theme.lineHeight
    }
}
