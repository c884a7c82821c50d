import QtQuick
import QtQuick.Controls.Basic
import Kiosk.Ui

// The one button of the kiosk: large target, text that grows, an accessible name and
// role, a visible pressed state, never hover-only.
Button {
    id: control
    property string description: ""
    property bool primary: false
    property bool selected: false
    property int fontSize: Theme.labelSize
    // On a coloured bar the usual selected colour would vanish; the bar overrides it.
    property color selectedColor: Theme.primary
    property color selectedTextColor: Theme.textOnPrimary

    implicitHeight: Math.max(Theme.target, contentItem.implicitHeight + 24)
    implicitWidth: Math.max(Theme.target, contentItem.implicitWidth + 40)
    focusPolicy: Qt.StrongFocus
    Accessible.role: Accessible.Button
    Accessible.name: text
    Accessible.description: description

    contentItem: Text {
        text: control.text
        font.pixelSize: control.fontSize
        font.bold: control.primary || control.selected
        color: control.selected ? control.selectedTextColor
               : control.primary ? Theme.textOnPrimary : Theme.text
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.Wrap
        elide: Text.ElideNone
    }
    background: Rectangle {
        radius: Theme.radius
        color: control.down ? Qt.darker(base, 1.25) : base
        property color base: control.selected ? control.selectedColor
                             : control.primary ? Theme.primary : Theme.surface
        border.color: control.visualFocus ? Theme.warning : Theme.border
        border.width: control.visualFocus ? 4 : Theme.borderWidth
    }
}
