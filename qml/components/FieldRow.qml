import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

// One labelled field of an item (事项类型: 公共服务). Hidden when the value is empty.
// The label stands beside its value while it fits the label column whole, and above
// the value otherwise (large text, long English labels): a label is never broken
// inside a word (事项类/型), and the value then has the whole width.
GridLayout {
    id: row
    property string label: ""
    property string value: ""
    readonly property real labelColumn: Math.min(width * 0.32, 260 * Theme.scale)
    // A code or number with no place to break (实施编码) that is wider than the value
    // column gets the whole width too.
    readonly property bool longToken: /^[!-~]+$/.test(value) &&
                                      valueText.implicitWidth > width - labelColumn - columnSpacing
    readonly property bool stacked: labelText.implicitWidth > labelColumn || longToken
    width: parent ? parent.width : implicitWidth
    visible: value.length > 0
    columns: stacked ? 1 : 2
    columnSpacing: Theme.gap
    rowSpacing: 2
    Accessible.role: Accessible.StaticText
    Accessible.name: L10n.labelValue(label, value)

    Text {
        id: labelText
        text: row.label
        font.pixelSize: Theme.bodySize
        font.bold: true
        color: Theme.mutedText
        Layout.preferredWidth: row.stacked ? row.width : row.labelColumn
        Layout.maximumWidth: row.stacked ? row.width : row.labelColumn
        Layout.alignment: Qt.AlignTop
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignLeft // mirrors with the layout (BodyText)
        lineHeight: Theme.lineHeight
    }
    Text {
        id: valueText
        text: row.value
        font.pixelSize: Theme.bodySize
        color: Theme.text
        Layout.fillWidth: true
        Layout.preferredWidth: row.stacked ? row.width : row.width - row.labelColumn - row.columnSpacing
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignLeft // mirrors with the layout (BodyText)
        lineHeight: Theme.lineHeight
    }
}
