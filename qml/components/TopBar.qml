import QtQuick
import QtQuick.Layouts
import Kiosk.Core
import Kiosk.Ui

// The persistent bar: home and back, language, and the accessibility entries.
Rectangle {
    id: bar
    color: Theme.hc ? "#000000" : Theme.primary
    border.color: Theme.hc ? "#FFFFFF" : "transparent"
    border.width: Theme.hc ? 2 : 0
    implicitHeight: flow.implicitHeight + 24

    component BarButton: KButton {
        fontSize: Theme.bodySize
        selectedColor: Theme.hc ? "#FFFF00" : "#FFD54F"
        selectedTextColor: "#000000"
        implicitWidth: Math.max(Theme.target * 1.6, contentItem.implicitWidth + 36)
    }

    Flow {
        id: flow
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.margins: 12
        spacing: 10
        // Starts at the right for Uyghur: the window mirrors its layout (Main.qml).

        BarButton {
            objectName: "homeButton"
            text: L10n.iconLabel("home", L10n.text("bar.home"))
            Accessible.name: L10n.text("bar.home")
            onClicked: Navigator.home()
        }
        BarButton {
            objectName: "backButton"
            text: L10n.iconLabel("back", L10n.text("bar.back"))
            Accessible.name: L10n.text("bar.back")
            enabled: Navigator.canGoBack
            opacity: enabled ? 1 : 0.5
            onClicked: Navigator.back()
        }
        BarButton {
            objectName: "searchButton"
            text: L10n.text("bar.search")
            Accessible.name: L10n.text("bar.search")
            onClicked: Navigator.open("search")
        }
        BarButton {
            objectName: "languageButton"
            visible: Texts.offeredLanguages.length > 1
            text: L10n.labelValue(L10n.text("bar.language"), Texts.nativeName(Texts.language))
            onClicked: Texts.cycleLanguage()
        }
        BarButton {
            objectName: "elderlyButton"
            Accessible.name: L10n.text("bar.elderly")
            text: L10n.toggled(L10n.text("bar.elderly"), selected)
            selected: Accessibility.elderlyMode
            Accessible.checkable: true
            Accessible.checked: Accessibility.elderlyMode
            onClicked: Accessibility.elderlyMode = !Accessibility.elderlyMode
        }
        BarButton {
            objectName: "voiceButton"
            Accessible.name: L10n.text("bar.voice")
            text: L10n.toggled(L10n.text("bar.voice"), selected)
            selected: Accessibility.voice
            Accessible.checkable: true
            Accessible.checked: Accessibility.voice
            onClicked: Accessibility.voice = !Accessibility.voice
        }
        BarButton {
            objectName: "largeTextButton"
            // The same step as shown; the tick is said by the checked state.
            Accessible.name: L10n.stepped(L10n.text("bar.large_text"), Accessibility.textStep)
            text: L10n.toggled(L10n.stepped(L10n.text("bar.large_text"), Accessibility.textStep), selected)
            selected: Accessibility.largeText
            Accessible.checkable: true
            Accessible.checked: Accessibility.largeText
            onClicked: Accessibility.toggleLargeText()
        }
        BarButton {
            objectName: "contrastButton"
            Accessible.name: L10n.text("bar.high_contrast")
            text: L10n.toggled(L10n.text("bar.high_contrast"), selected)
            selected: Accessibility.highContrast
            Accessible.checkable: true
            Accessible.checked: Accessibility.highContrast
            onClicked: Accessibility.highContrast = !Accessibility.highContrast
        }
    }
}
