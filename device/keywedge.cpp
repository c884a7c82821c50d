#include "keywedge.h"

#include <linux/input-event-codes.h>

namespace device {

namespace {
struct KeyChars
{
    int code;
    char plain;
    char shifted;
};

// US layout, the one wedge scanners type in by default.
constexpr KeyChars kKeys[] = {
    {KEY_1, '1', '!'}, {KEY_2, '2', '@'}, {KEY_3, '3', '#'}, {KEY_4, '4', '$'},
    {KEY_5, '5', '%'}, {KEY_6, '6', '^'}, {KEY_7, '7', '&'}, {KEY_8, '8', '*'},
    {KEY_9, '9', '('}, {KEY_0, '0', ')'}, {KEY_MINUS, '-', '_'}, {KEY_EQUAL, '=', '+'},
    {KEY_Q, 'q', 'Q'}, {KEY_W, 'w', 'W'}, {KEY_E, 'e', 'E'}, {KEY_R, 'r', 'R'},
    {KEY_T, 't', 'T'}, {KEY_Y, 'y', 'Y'}, {KEY_U, 'u', 'U'}, {KEY_I, 'i', 'I'},
    {KEY_O, 'o', 'O'}, {KEY_P, 'p', 'P'}, {KEY_LEFTBRACE, '[', '{'}, {KEY_RIGHTBRACE, ']', '}'},
    {KEY_A, 'a', 'A'}, {KEY_S, 's', 'S'}, {KEY_D, 'd', 'D'}, {KEY_F, 'f', 'F'},
    {KEY_G, 'g', 'G'}, {KEY_H, 'h', 'H'}, {KEY_J, 'j', 'J'}, {KEY_K, 'k', 'K'},
    {KEY_L, 'l', 'L'}, {KEY_SEMICOLON, ';', ':'}, {KEY_APOSTROPHE, '\'', '"'}, {KEY_GRAVE, '`', '~'},
    {KEY_BACKSLASH, '\\', '|'}, {KEY_Z, 'z', 'Z'}, {KEY_X, 'x', 'X'}, {KEY_C, 'c', 'C'},
    {KEY_V, 'v', 'V'}, {KEY_B, 'b', 'B'}, {KEY_N, 'n', 'N'}, {KEY_M, 'm', 'M'},
    {KEY_COMMA, ',', '<'}, {KEY_DOT, '.', '>'}, {KEY_SLASH, '/', '?'}, {KEY_SPACE, ' ', ' '},
    {KEY_TAB, '\t', '\t'},
    {KEY_KP0, '0', '0'}, {KEY_KP1, '1', '1'}, {KEY_KP2, '2', '2'}, {KEY_KP3, '3', '3'},
    {KEY_KP4, '4', '4'}, {KEY_KP5, '5', '5'}, {KEY_KP6, '6', '6'}, {KEY_KP7, '7', '7'},
    {KEY_KP8, '8', '8'}, {KEY_KP9, '9', '9'}, {KEY_KPDOT, '.', '.'}, {KEY_KPMINUS, '-', '-'},
    {KEY_KPPLUS, '+', '+'}, {KEY_KPASTERISK, '*', '*'}, {KEY_KPSLASH, '/', '/'},
};
} // namespace

QChar KeyWedgeDecoder::characterFor(int code, bool shift)
{
    for (const KeyChars &k : kKeys)
        if (k.code == code)
            return QLatin1Char(shift ? k.shifted : k.plain);
    return QChar();
}

bool KeyWedgeDecoder::dropPartial()
{
    const bool had = hasPartial();
    m_text.clear();
    m_overlong = m_unmapped = false;
    return had;
}

std::optional<KeyWedgeDecoder::Scan> KeyWedgeDecoder::key(int code, int value)
{
    if (code == KEY_LEFTSHIFT || code == KEY_RIGHTSHIFT) {
        (code == KEY_LEFTSHIFT ? m_leftShift : m_rightShift) = value != 0;
        return std::nullopt;
    }
    if (value == 0)
        return std::nullopt; // releases carry no characters
    if (code == KEY_CAPSLOCK) {
        if (value == 1)
            m_capsLock = !m_capsLock;
        return std::nullopt;
    }
    if (code == KEY_ENTER || code == KEY_KPENTER) {
        if (!hasPartial())
            return std::nullopt; // a bare Enter (double suffix)
        Scan scan;
        scan.overlong = m_overlong;
        scan.unmapped = m_unmapped && !m_overlong;
        if (!m_overlong)
            scan.text = m_text;
        dropPartial();
        return scan;
    }
    const bool shift = m_leftShift || m_rightShift;
    QChar c = characterFor(code, shift);
    if (c.isNull()) {
        // Ctrl, Alt, Meta and NumLock are modifiers scanners may send; other keys
        // (F-keys, arrows) mean the text cannot be trusted.
        const bool modifier = code == KEY_LEFTCTRL || code == KEY_RIGHTCTRL || code == KEY_LEFTALT ||
                              code == KEY_RIGHTALT || code == KEY_LEFTMETA || code == KEY_RIGHTMETA ||
                              code == KEY_NUMLOCK;
        if (!modifier)
            m_unmapped = true;
        return std::nullopt;
    }
    if (m_capsLock && c.isLetter())
        c = shift ? c.toLower() : c.toUpper();
    if (m_text.size() >= MaxScanLength) {
        m_overlong = true;
        m_text.clear();
    }
    if (!m_overlong)
        m_text.append(c);
    return std::nullopt;
}

} // namespace device
