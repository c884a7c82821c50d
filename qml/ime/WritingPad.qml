import QtQuick
import Kiosk.Ui

// A square pad for writing one Chinese character with a finger. Each finished stroke
// (in pad coordinates) goes to `stroke`; the ink stays until `clear()`. A 米字格 guide
// helps residents who write in exercise-book squares.
Rectangle {
    id: pad
    property var strokes: []      // finished strokes: arrays of Qt.point
    property var current: []      // the stroke under the finger
    signal stroke(var points)

    function clear() {
        strokes = []
        current = []
        ink.requestPaint()
    }
    function undo() {
        strokes = strokes.slice(0, -1)
        ink.requestPaint()
    }

    color: Theme.surface
    radius: Theme.radius
    border.color: Theme.primary
    border.width: 3
    Accessible.role: Accessible.Canvas
    Accessible.name: L10n.text("ime.pad")

    // 米字格: dashed centre lines and diagonals, light enough not to look like ink.
    Canvas {
        id: guide
        anchors.fill: parent
        anchors.margins: 3
        onWidthChanged: requestPaint()
        onHeightChanged: requestPaint()
        onPaint: {
            const ctx = getContext("2d")
            ctx.reset()
            ctx.strokeStyle = Theme.border
            ctx.lineWidth = 2
            ctx.setLineDash([8, 8])
            ctx.beginPath()
            ctx.moveTo(width / 2, 0); ctx.lineTo(width / 2, height)
            ctx.moveTo(0, height / 2); ctx.lineTo(width, height / 2)
            ctx.moveTo(0, 0); ctx.lineTo(width, height)
            ctx.moveTo(width, 0); ctx.lineTo(0, height)
            ctx.stroke()
        }
    }

    Text {
        anchors.centerIn: parent
        visible: pad.strokes.length === 0 && pad.current.length === 0
        text: L10n.text("ime.pad_hint")
        font.pixelSize: Theme.bodySize
        color: Theme.mutedText
        Accessible.ignored: true
    }

    Canvas {
        id: ink
        anchors.fill: parent
        onPaint: {
            const ctx = getContext("2d")
            ctx.reset()
            ctx.strokeStyle = Theme.text
            ctx.lineWidth = Math.max(6, pad.width / 60)
            ctx.lineCap = "round"
            ctx.lineJoin = "round"
            const all = pad.strokes.concat([pad.current])
            for (const s of all) {
                if (s.length === 0)
                    continue
                ctx.beginPath()
                ctx.moveTo(s[0].x, s[0].y)
                for (let i = 1; i < s.length; ++i)
                    ctx.lineTo(s[i].x, s[i].y)
                if (s.length === 1)
                    ctx.lineTo(s[0].x + 0.5, s[0].y + 0.5) // a dot
                ctx.stroke()
            }
        }
    }

    MouseArea {
        anchors.fill: parent
        preventStealing: true // a stroke is never taken for a scroll
        function inside(m) {
            return Qt.point(Math.max(0, Math.min(pad.width, m.x)), Math.max(0, Math.min(pad.height, m.y)))
        }
        onPressed: (m) => { pad.current = [inside(m)]; ink.requestPaint() }
        onPositionChanged: (m) => {
            if (!pressed)
                return
            const c = pad.current
            c.push(inside(m))
            pad.current = c
            ink.requestPaint()
        }
        onReleased: (m) => {
            const c = pad.current
            c.push(inside(m))
            pad.strokes = pad.strokes.concat([c])
            pad.current = []
            ink.requestPaint()
            pad.stroke(c)
        }
        onCanceled: { pad.current = []; ink.requestPaint() }
    }
}
