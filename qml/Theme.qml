pragma Singleton
import QtQuick
import Kiosk.Core

// Colours and sizes of every view, derived from the resident's accessibility
// choices. Normal palette ≥ 7:1 for body text; high contrast is yellow/white on black.
QtObject {
    readonly property bool hc: Accessibility.highContrast
    readonly property real scale: Accessibility.textScale

    readonly property color background: hc ? "#000000" : "#EEF2F7"
    readonly property color surface: hc ? "#000000" : "#FFFFFF"
    readonly property color text: hc ? "#FFFFFF" : "#1A1A1A"
    readonly property color mutedText: hc ? "#FFFF00" : "#44505C"
    readonly property color primary: hc ? "#FFFF00" : "#0B4F9C"
    readonly property color textOnPrimary: hc ? "#000000" : "#FFFFFF"
    readonly property color border: hc ? "#FFFFFF" : "#C5CED8"
    readonly property color warning: hc ? "#FFFF00" : "#B3261E"
    readonly property color chip: hc ? "#000000" : "#E3ECF7"
    readonly property color chipSelected: hc ? "#FFFF00" : "#0B4F9C"
    readonly property color success: hc ? "#00FF00" : "#1B6E20"

    readonly property int bodySize: Math.round(24 * scale)
    readonly property int smallSize: Math.round(21 * scale)
    readonly property int labelSize: Math.round(28 * scale)
    readonly property int titleSize: Math.round(36 * scale)
    readonly property int heroSize: Math.round(44 * scale)
    readonly property int target: Accessibility.minimumTarget
    readonly property int gap: 16
    readonly property int radius: hc ? 0 : 12
    readonly property int borderWidth: hc ? 3 : 1
    readonly property real lineHeight: 1.4
}
