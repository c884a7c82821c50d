import QtQuick

// The header of a ListView, which keeps the list at its start when the header grows
// (a search has run, the text got larger): ListView leaves its position where it was,
// and the top of the header — the count of results — would be hidden.
Column {
    id: header
    property ListView view: null
    property real laidOutHeight: 0
    onHeightChanged: {
        const grew = height - laidOutHeight
        laidOutHeight = height
        if (view && !view.moving && view.contentY - header.start() <= Math.max(grew, 0) + 1)
            Qt.callLater(header.toStart)
    }
    function start() { return view.originY - view.topMargin }
    function toStart() { if (view && !view.moving) view.contentY = start() }
}
