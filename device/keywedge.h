// KeyWedgeDecoder: the key presses of a HID "keyboard wedge" scanner back into the
// scanned text. Such scanners type each character as the key that produces it on
// a US keyboard (Shift held for capitals and symbols) and end with Enter; this
// decodes evdev key events (EV_KEY with value 1 press, 0 release, 2 autorepeat)
// with Shift tracking. Characters a US keyboard cannot type (Chinese) never reach
// a wedge scanner's output reliably: such scanners belong in USB-CDC mode.
#pragma once

#include <QString>
#include <optional>

namespace device {

class KeyWedgeDecoder
{
public:
    static constexpr int MaxScanLength = 2048;

    struct Scan
    {
        QString text;
        bool overlong = false;   // more than MaxScanLength characters: text is empty
        bool unmapped = false;   // a key with no character (F-keys, arrows…) was typed
    };

    // One EV_KEY event. Returns a scan when `code` ends one (Enter / keypad Enter).
    std::optional<Scan> key(int code, int value);
    // Drops a scan in progress (the scanner went quiet or away).
    bool dropPartial();
    bool hasPartial() const { return !m_text.isEmpty() || m_overlong || m_unmapped; }

    // The character a US layout gives for a key code, '\0' if none.
    static QChar characterFor(int code, bool shift);

private:
    QString m_text;
    bool m_leftShift = false, m_rightShift = false, m_capsLock = false;
    bool m_overlong = false, m_unmapped = false;
};

} // namespace device
