import QtQuick
import QtQuick.Controls.Basic
import Kiosk.Core
import Kiosk.Ui

// Staff-only admin mode (see kiosk/staffviewmodel.h for the gate): the PIN pad, then
// the catalog sync status. Covers the whole window while open.
Rectangle {
    id: staff
    objectName: "staffScreen"
    color: Theme.background
    property string pin: ""
    Accessible.role: Accessible.Pane
    Accessible.name: L10n.text("staff.title")

    function megabytes(bytes) { return (bytes / 1048576).toFixed(1) }

    // Swallow touches so nothing under the staff screen reacts.
    MouseArea { anchors.fill: parent }

    Flickable {
        anchors.fill: parent
        anchors.margins: 40
        contentHeight: page.implicitHeight
        clip: true

        Column {
            id: page
            width: parent.width
            spacing: Theme.gap * 2

            Text {
                horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
                text: L10n.text("staff.title")
                font.pixelSize: Theme.heroSize
                font.bold: true
                color: Theme.primary
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }

            // --- PIN gate ---------------------------------------------------------
            Column {
                objectName: "staffPinPad"
                visible: Staff.stage === Staff.Pin || Staff.stage === Staff.Checking
                width: parent.width
                spacing: Theme.gap
                Text {
                    horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
                    width: parent.width
                    text: Staff.stage === Staff.Checking ? L10n.text("staff.pin_checking") : L10n.text("staff.pin_prompt")
                    font.pixelSize: Theme.titleSize
                    color: Theme.text
                    wrapMode: Text.Wrap
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
                Text {
                    horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
                    objectName: "pinDots"
                    text: staff.pin.length > 0 ? "●".repeat(staff.pin.length) : " "
                    font.pixelSize: Theme.heroSize
                    color: Theme.text
                    Accessible.role: Accessible.StaticText
                    Accessible.name: L10n.fill("staff.pin_entered", staff.pin.length)
                }
                Text {
                    horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
                    objectName: "pinProblem"
                    visible: Staff.pinProblem.length > 0
                    width: parent.width
                    // The lockout grows with every round of wrong PINs: say how long it is.
                    text: Staff.pinProblem === "staff.pin_locked"
                          ? L10n.fill(Staff.pinProblem, Staff.pinLockedMinutes)
                          : Staff.pinProblem.length > 0 ? L10n.text(Staff.pinProblem) : ""
                    font.pixelSize: Theme.bodySize
                    color: Theme.warning
                    wrapMode: Text.Wrap
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: text
                }
                Grid {
                    columns: 3
                    spacing: Theme.gap
                    Repeater {
                        model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "✓"]
                        KButton {
                            objectName: "pinKey_" + modelData
                            width: Theme.target * 2
                            height: Theme.target * 1.4
                            enabled: Staff.stage === Staff.Pin
                            text: modelData
                            primary: modelData === "✓"
                            Accessible.name: modelData === "⌫" ? L10n.text("staff.pin_delete")
                                           : modelData === "✓" ? L10n.text("staff.pin_ok") : modelData
                            onClicked: {
                                if (modelData === "⌫") staff.pin = staff.pin.slice(0, -1)
                                else if (modelData === "✓") { Staff.submitPin(staff.pin); staff.pin = "" }
                                else if (staff.pin.length < 32) staff.pin += modelData
                            }
                        }
                    }
                }
            }

            // --- Status -----------------------------------------------------------
            Column {
                objectName: "staffStatus"
                visible: Staff.stage === Staff.Open
                width: parent.width
                spacing: Theme.gap

                Card {
                    title: L10n.text("staff.catalog")
                    Text {
                        horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
                        objectName: "catalogVersionText"
                        width: parent.width
                        text: Staff.catalogVersion > 0
                              ? L10n.fields([L10n.fill("staff.catalog_version", Staff.catalogVersion, Staff.catalogSince),
                                             L10n.fill("staff.catalog_age_days", Staff.catalogAgeDays)])
                              : L10n.text("staff.catalog_none")
                        font.pixelSize: Theme.bodySize
                        color: Theme.text
                        wrapMode: Text.Wrap
                        Accessible.role: Accessible.StaticText
                        Accessible.name: text
                    }
                    Text {
                        horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
                        objectName: "pendingText"
                        visible: Staff.pendingSwitch
                        width: parent.width
                        text: L10n.text("staff.pending_switch")
                        font.pixelSize: Theme.bodySize
                        color: Theme.mutedText
                        wrapMode: Text.Wrap
                        Accessible.role: Accessible.StaticText
                        Accessible.name: text
                    }
                }

                Card {
                    title: L10n.text("staff.sync")
                    Text {
                        horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
                        objectName: "lastSuccessText"
                        width: parent.width
                        text: Staff.lastSuccess.length > 0 ? L10n.fill("staff.last_success", Staff.lastSuccess)
                                                           : L10n.text("staff.never_synced")
                        font.pixelSize: Theme.bodySize
                        color: Theme.text
                        wrapMode: Text.Wrap
                        Accessible.role: Accessible.StaticText
                        Accessible.name: text
                    }
                    Text {
                        horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
                        objectName: "sourceText"
                        width: parent.width
                        text: Staff.networkEnabled ? L10n.text("staff.network_on") : L10n.text("staff.network_off")
                        font.pixelSize: Theme.smallSize
                        color: Theme.mutedText
                        wrapMode: Text.Wrap
                        Accessible.role: Accessible.StaticText
                        Accessible.name: text
                    }
                    Text {
                        horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
                        objectName: "soundText"
                        width: parent.width
                        text: Staff.soundAvailable ? L10n.text("staff.sound_ok") : L10n.text("staff.sound_missing")
                        font.pixelSize: Theme.smallSize
                        font.bold: !Staff.soundAvailable
                        color: Staff.soundAvailable ? Theme.mutedText : Theme.warning
                        wrapMode: Text.Wrap
                        Accessible.role: Staff.soundAvailable ? Accessible.StaticText : Accessible.AlertMessage
                        Accessible.name: text
                    }
                    Text {
                        horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
                        objectName: "soundDetailText"
                        visible: Staff.soundProblem.length > 0
                        width: parent.width
                        text: L10n.labelValue(L10n.text("staff.technical_detail"), Staff.soundProblem)
                        font.pixelSize: Theme.smallSize
                        color: Theme.mutedText
                        wrapMode: Text.Wrap
                        Accessible.role: Accessible.StaticText
                        Accessible.name: text
                    }
                    Text {
                        horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
                        objectName: "problemText"
                        visible: Staff.problem.length > 0
                        width: parent.width
                        text: Staff.problem.length > 0 ? L10n.labelValue(L10n.text("staff.last_error"), L10n.text(Staff.problem)) : ""
                        font.pixelSize: Theme.bodySize
                        font.bold: true
                        color: Theme.warning
                        wrapMode: Text.Wrap
                        Accessible.role: Accessible.AlertMessage
                        Accessible.name: text
                    }
                    Text {
                        horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
                        objectName: "problemDetailText"
                        visible: Staff.problem.length > 0 && Staff.problemDetail.length > 0
                        width: parent.width
                        // The detail is the log's own (English) words, labelled as such
                        // rather than mixed into the sentence for staff.
                        text: L10n.labelValue(L10n.text("staff.technical_detail"), Staff.problemDetail)
                        font.pixelSize: Theme.smallSize
                        color: Theme.mutedText
                        wrapMode: Text.Wrap
                        Accessible.role: Accessible.StaticText
                        Accessible.name: text
                    }
                }

                Card {
                    objectName: "progressCard"
                    visible: Staff.running
                    title: L10n.titleNote(L10n.text("staff.running"), Staff.phase.length > 0 ? L10n.text(Staff.phase) : "")
                    Text {
                        horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
                        objectName: "progressText"
                        width: parent.width
                        text: L10n.fields([L10n.fill("staff.progress_files", Staff.filesDone, Staff.filesTotal),
                                           L10n.fill("staff.progress_bytes", staff.megabytes(Staff.bytesDone),
                                                     staff.megabytes(Staff.bytesTotal)),
                                           Staff.source !== "network" && Staff.source.length > 0
                                           ? L10n.fill("staff.progress_usb", Staff.source) : ""])
                        font.pixelSize: Theme.bodySize
                        color: Theme.text
                        wrapMode: Text.Wrap
                        Accessible.role: Accessible.ProgressBar
                        Accessible.name: text
                    }
                    Rectangle {
                        width: parent.width
                        height: 24
                        radius: 12
                        color: Theme.chip
                        Rectangle {
                            height: parent.height
                            radius: 12
                            color: Theme.primary
                            width: parent.width * (Staff.bytesTotal > 0 ? Math.min(1, Staff.bytesDone / Staff.bytesTotal) : 0)
                        }
                    }
                }

                Card {
                    objectName: "warningsCard"
                    visible: Staff.warnings.length > 0
                    title: L10n.text("staff.warnings")
                    Repeater {
                        model: Staff.warnings
                        Text {
                            horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
                            objectName: "warningText"
                            width: parent.width
                            text: L10n.iconLabel("warning", L10n.fill(modelData.key,
                                                    modelData.role.length > 0 ? L10n.text(modelData.role) : "",
                                                    modelData.when))
                            font.pixelSize: Theme.bodySize
                            color: Theme.warning
                            wrapMode: Text.Wrap
                            Accessible.role: Accessible.AlertMessage
                            Accessible.name: text
                        }
                    }
                }

                Row {
                    spacing: Theme.gap
                    KButton {
                        objectName: "syncNowButton"
                        visible: Staff.networkEnabled
                        enabled: !Staff.running
                        text: L10n.text("staff.sync_now")
                        primary: true
                        onClicked: Staff.syncNow()
                    }
                }
            }

            KButton {
                objectName: "staffCloseButton"
                text: L10n.text("staff.close")
                onClicked: { staff.pin = ""; Staff.close() }
            }
        }
    }
}
