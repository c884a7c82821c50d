import QtQuick
import Kiosk.Core
import Kiosk.Ime
import Kiosk.Ui

// The kiosk's one on-screen keyboard, for every text field: 拼音 (pinyin with a
// candidate bar), 手写 (a writing pad), ABC (Latin letters as typed) and 123.
// It types into the text field that last had the focus, or into `target` if set.
// A field is either a TextInput/TextEdit, or any item with the functions
// commitText(text), eraseText() and clearText(); a field may ask for a starting mode
// with a string property `keyboardMode` ("pinyin", "handwriting", "abc", "digits").
// A touch on a key never takes the focus from the field; a USB keypad can still Tab
// to every key (the keyboard remembers the field it types into).
Column {
    id: keyboard
    property Item target: null
    property Item lastField: null
    property string mode: "pinyin"
    readonly property bool pinyinComposing: mode === "pinyin" && pinyin.composing

    spacing: 8
    width: parent ? parent.width : 1000
    Accessible.role: Accessible.Grouping
    Accessible.name: L10n.text("ime.keyboard")

    readonly property var letterRows: ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
    readonly property var digitRows: ["1234567890", "，。、？！：；（）-", "@#%/."]
    readonly property real keyWidth: Math.min(130, (width - 9 * spacing) / 10)
    // Keys keep their size at every text step (the keyboard must leave room for the
    // results); their labels grow only as far as a key holds them.
    readonly property int keyFontSize: Math.min(Theme.labelSize, Math.round(Theme.target * 0.55))
    readonly property int modeFontSize: Math.min(Theme.labelSize, Math.round(Theme.target * 0.42))

    function isField(item) {
        return item && (typeof item.commitText === "function" ||
                        (item.insert !== undefined && item.cursorPosition !== undefined))
    }
    // The field being edited: the explicit target, else the last focused field, else
    // whatever has the focus now.
    function field() {
        if (target)
            return target
        if (lastField)
            return lastField
        const item = Window.activeFocusItem
        if (!isField(item))
            console.warn("on-screen keyboard: no text field has the focus")
        return isField(item) ? item : null
    }
    function commit(text) {
        const f = keyboard.field()
        if (!f || text.length === 0)
            return
        if (typeof f.commitText === "function") {
            f.commitText(text)
        } else {
            if (f.selectedText && f.selectedText.length > 0)
                f.remove(f.selectionStart, f.selectionEnd)
            f.insert(f.cursorPosition, text)
        }
    }
    function eraseInField() {
        const f = keyboard.field()
        if (!f)
            return
        if (typeof f.eraseText === "function")
            f.eraseText()
        else if (f.selectedText && f.selectedText.length > 0)
            f.remove(f.selectionStart, f.selectionEnd)
        else if (f.cursorPosition > 0)
            f.remove(f.cursorPosition - 1, f.cursorPosition)
    }
    function erase() {
        if (mode === "pinyin" && pinyin.backspace())
            return
        eraseInField()
    }
    function clearAll() {
        pinyin.reset()
        handwriting.clear()
        pad.clear()
        const f = keyboard.field()
        if (f && typeof f.clearText === "function")
            f.clearText()
        else if (f && f.clear)
            f.clear()
    }
    function typeKey(key) {
        if (mode === "pinyin")
            pinyin.type(key)
        else
            commit(key)
    }
    function setMode(m) {
        pinyin.reset()
        handwriting.clear()
        pad.clear()
        mode = m
    }

    // Follows the focus to the field being edited; buttons elsewhere do not count.
    readonly property Item focusedItem: Window.activeFocusItem
    Component.onCompleted: focusedItemChanged()
    onFocusedItemChanged: {
        if (isField(focusedItem) && focusedItem !== lastField) {
            lastField = focusedItem
            if (focusedItem.keyboardMode !== undefined && focusedItem.keyboardMode.length > 0)
                setMode(focusedItem.keyboardMode)
        }
    }

    PinyinInput {
        id: pinyin
        // Room for words of about three characters; longer catalog words take two slots.
        pageSize: Math.max(3, Math.floor((keyboard.width - 3 * Theme.target) / (Theme.labelSize * 3 + 56)))
        onCommitted: (text) => keyboard.commit(text)
    }
    HandwritingInput {
        id: handwriting
        onCommitted: (text) => { pad.clear(); keyboard.commit(text) }
    }

    // 拼音 / 手写 / ABC / 123
    Row {
        spacing: keyboard.spacing
        Accessible.role: Accessible.PageTabList
        Accessible.name: L10n.text("ime.mode_hint")
        Repeater {
            model: ["pinyin", "handwriting", "abc", "digits"]
            // A mode's label key: ime.mode.<mode> (a key, not a text).
            KButton {
                objectName: "mode_" + modelData
                width: keyboard.keyWidth * 1.6
                height: Theme.target
                fontSize: keyboard.modeFontSize
                text: L10n.text(`ime.mode.${modelData}`)
                selected: keyboard.mode === modelData
                focusPolicy: Qt.TabFocus
                Accessible.role: Accessible.PageTab
                Accessible.name: text
                Accessible.description: L10n.text("ime.mode_hint")
                Accessible.checkable: true
                Accessible.checked: selected
                onClicked: keyboard.setMode(modelData)
            }
        }
        Text {
            horizontalAlignment: Text.AlignLeft // the reading side: mirrors with the layout
            height: Theme.target
            verticalAlignment: Text.AlignVCenter
            visible: (keyboard.mode === "pinyin" && !pinyin.available) ||
                     (keyboard.mode === "handwriting" && !handwriting.available)
            text: L10n.text("ime.unavailable")
            font.pixelSize: Theme.bodySize
            color: Theme.warning
            wrapMode: Text.Wrap
        }
    }

    CandidateBar {
        id: candidateBar
        objectName: "imeCandidates"
        width: keyboard.width
        height: Theme.target
        visible: keyboard.mode === "pinyin" || keyboard.mode === "handwriting"
        composing: keyboard.mode === "pinyin" ? pinyin.fixed + pinyin.spelling : ""
        candidates: keyboard.mode === "pinyin" ? pinyin.candidates
                    : handwriting.candidates.slice(0, pinyin.pageSize)
        catalogFlags: keyboard.mode === "pinyin" ? pinyin.fromCatalog : []
        hasPrevious: keyboard.mode === "pinyin" && pinyin.page > 0
        hasNext: keyboard.mode === "pinyin" && pinyin.pageStart + shown < pinyin.total
        onChosen: (index) => keyboard.mode === "pinyin" ? pinyin.choose(index) : handwriting.choose(index)
        onPrevious: pinyin.previousPage()
        onNext: pinyin.nextPage(shown)
    }

    // Letters (拼音, ABC) or digits and punctuation (123).
    Repeater {
        model: keyboard.mode === "digits" ? keyboard.digitRows
               : keyboard.mode === "handwriting" ? [] : keyboard.letterRows
        Row {
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: keyboard.spacing
            Repeater {
                model: modelData.split("")
                KButton {
                    objectName: "key_" + modelData
                    width: keyboard.keyWidth
                    implicitHeight: Theme.target
                    text: modelData
                    fontSize: keyboard.keyFontSize
                    focusPolicy: Qt.TabFocus
                    onClicked: keyboard.typeKey(modelData)
                }
            }
        }
    }

    // 手写: a large square pad with 重写 beside it (删除 is the bottom row's, as in
    // every mode).
    Row {
        visible: keyboard.mode === "handwriting"
        anchors.horizontalCenter: parent.horizontalCenter
        spacing: keyboard.spacing * 2
        WritingPad {
            id: pad
            objectName: "writingPad"
            width: Math.min(keyboard.width - sideButtons.width - keyboard.spacing * 2, Theme.target * 6)
            height: width
            onStroke: (points) => handwriting.addStroke(points, width, height)
        }
        Column {
            id: sideButtons
            spacing: keyboard.spacing * 2
            width: Math.max(keyboard.keyWidth * 2.4, Theme.target * 2.5)
            KButton {
                objectName: "key_rewrite"
                width: parent.width
                height: Theme.target * 1.5
                text: L10n.text("ime.rewrite")
                fontSize: Theme.titleSize
                focusPolicy: Qt.TabFocus
                onClicked: { pad.clear(); handwriting.clear() }
            }
        }
    }

    Row {
        anchors.horizontalCenter: parent.horizontalCenter
        spacing: keyboard.spacing
        KButton {
            objectName: "key_clear"
            width: Math.max(keyboard.keyWidth * 2, implicitWidth) // its label on one line
            text: L10n.text("search.clear")
            fontSize: Theme.bodySize
            focusPolicy: Qt.TabFocus
            onClicked: keyboard.clearAll()
        }
        KButton {
            objectName: "key_space"
            width: Math.max(keyboard.keyWidth * 4, implicitWidth) // its label on one line
            text: L10n.text("search.space")
            fontSize: Theme.bodySize
            focusPolicy: Qt.TabFocus
            // While pinyin is being typed, space takes the first candidate.
            onClicked: keyboard.pinyinComposing && pinyin.candidates.length > 0
                       ? pinyin.choose(0) : keyboard.commit(" ")
        }
        KButton {
            objectName: "key_backspace"
            width: Math.max(keyboard.keyWidth * 2, implicitWidth) // its label on one line
            text: L10n.iconLabel("delete", L10n.text("search.backspace"))
            Accessible.name: L10n.text("search.backspace")
            fontSize: Theme.bodySize
            focusPolicy: Qt.TabFocus
            onClicked: keyboard.erase()
        }
    }
}
