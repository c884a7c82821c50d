import QtQuick
import QtQuick.Window
import Kiosk.Core
import Kiosk.Ui

// The kiosk window: the persistent bar, the current screen, the idle warning.
Window {
    id: root
    property bool landscape: false
    // True once the current screen shows catalog content (screenshots, benchmarks).
    readonly property bool contentReady: Catalog.ready && Texts.ready && screenLoader.item !== null
                                         && screenLoader.item.ready === true
    width: landscape ? 1920 : 1080
    height: landscape ? 1080 : 1920
    visible: true
    color: Theme.background
    title: L10n.text("app.title")

    // Each screen's file comes from the route table (kiosk/session/routes.cpp) and is
    // loaded the first time it is shown: compiling every screen's type before the first
    // frame cost about a tenth of start-up (docs/PERFORMANCE.md).

    // Everything the resident sees mirrors for a right-to-left language (Uyghur): Rows,
    // Flows, Layouts and anchors swap sides, texts align to the right.
    Item {
        id: ui
        anchors.fill: parent
        LayoutMirroring.enabled: Texts.rightToLeft
        LayoutMirroring.childrenInherit: true

        TopBar {
            id: topBar
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
        }

        Loader {
            id: screenLoader
            objectName: "screenLoader"
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: topBar.bottom
            anchors.bottom: idCardStrip.top
            source: Qt.resolvedUrl(Navigator.screenFile)
            // A new screen for every navigation step, so back shows fresh state.
            property int stamp: Navigator.depth
            onStampChanged: { active = false; active = true }
        }

        Text {
            anchors.centerIn: parent
            visible: !Catalog.ready
            width: parent.width * 0.8
            // Built into kiosk/l10n (textformat.cpp): the catalog is what cannot be read.
            text: Catalog.problem.length > 0 ? Texts.catalogUnreadableNotice : ""
            font.pixelSize: 36
            color: Theme.warning
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
        }

        IdCardStrip {
            id: idCardStrip
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            height: implicitHeight
        }

        ScanNotice {
            anchors.horizontalCenter: parent.horizontalCenter
            anchors.bottom: idCardStrip.top
            anchors.bottomMargin: 48
        }
        PrintSheet { anchors.fill: parent }

        IdleWarning { anchors.fill: parent }

        // Staff-only admin mode: hold the top-right corner for 3 s, then the staff PIN
        // (kiosk/staffviewmodel.h). Invisible to residents; the handler only watches
        // (passive grab), so the bar button under the corner still works.
        Item {
            objectName: "staffCorner"
            // The staff's corner stays top right in every language.
            LayoutMirroring.enabled: false
            anchors.top: parent.top
            anchors.right: parent.right
            width: 96
            height: 96
            Accessible.ignored: true
            TapHandler {
                longPressThreshold: 3
                onLongPressed: Staff.requestAccess()
            }
        }
    }

    // The staff screen exists only while admin mode is (created on demand, so the
    // resident's screens never share the window with it).
    property Item staffScreen: null
    Connections {
        target: Staff
        function onStageChanged() {
            if (Staff.stage !== Staff.Closed && root.staffScreen === null) {
                root.staffScreen = Qt.createComponent("staff/StaffScreen.qml").createObject(ui)
                root.staffScreen.anchors.fill = ui
            } else if (Staff.stage === Staff.Closed && root.staffScreen !== null) {
                root.staffScreen.destroy()
                root.staffScreen = null
            }
        }
    }
}
