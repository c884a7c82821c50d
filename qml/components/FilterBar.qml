import QtQuick
import Kiosk.Core
import Kiosk.Ui

// One filter as a row of large chips: 全部 plus each value. Tapping sets `current`.
Column {
    id: bar
    property string label: ""
    property var values: []
    property string current: ""
    property string name: ""
    signal picked(string value)
    width: parent ? parent.width : 600
    spacing: 8
    visible: values.length > 0

    Text {
        horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
        text: bar.label
        visible: text.length > 0
        font.pixelSize: Theme.bodySize
        font.bold: true
        color: Theme.mutedText
    }
    Flow {
        width: parent.width
        spacing: 10
        KButton {
            objectName: "filter_" + bar.name + "_all"
            text: L10n.text("policy.all")
            selected: bar.current === ""
            fontSize: Theme.bodySize
            onClicked: bar.picked("")
        }
        Repeater {
            model: bar.values
            KButton {
                objectName: "filter_" + bar.name + "_" + modelData
                text: modelData
                selected: bar.current === modelData
                fontSize: Theme.bodySize
                onClicked: bar.picked(modelData)
            }
        }
    }
}
