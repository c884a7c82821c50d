// The card the idcard-simulator places by default (simcards::Resident in
// device/simulator/simcards.h) as masked needles for memoryscan: its name, ID number,
// address and issuing authority in the encodings card text passes through (UTF-16LE
// as on the card and in QString, UTF-8, GB18030, and the number's Latin-1 digits,
// which are also its UTF-8 and GB18030). Tests that use these must receive the card only from the
// simulator in another process, so that the clear text is nowhere in their own.
#pragma once

#include "memoryscan.h"

namespace cardneedles {

inline constexpr auto kNameUtf16 = memoryscan::maskUtf16(u"张三丰");
inline constexpr auto kNameUtf8 = memoryscan::maskBytes(u8"张三丰");
inline constexpr auto kNumberUtf16 = memoryscan::maskUtf16(u"11010519491231002X");
inline constexpr auto kNumberLatin1 = memoryscan::maskBytes("11010519491231002X");
inline constexpr auto kAddressUtf16 = memoryscan::maskUtf16(u"北京市朝阳区示例路1号");
inline constexpr auto kAddressUtf8 = memoryscan::maskBytes(u8"北京市朝阳区示例路1号");
inline constexpr auto kAuthorityUtf16 = memoryscan::maskUtf16(u"北京市公安局朝阳分局");
inline constexpr auto kAuthorityUtf8 = memoryscan::maskBytes(u8"北京市公安局朝阳分局");
// GB18030, as a receipt printer or a GBK vendor library would get the text (written
// as escapes: the source is UTF-8; python3 -c 'print("张三丰".encode("gb18030"))').
inline constexpr auto kNameGb18030 = memoryscan::maskBytes("\xD5\xC5\xC8\xFD\xB7\xE1");
inline constexpr auto kAddressGb18030 = memoryscan::maskBytes(
    "\xB1\xB1\xBE\xA9\xCA\xD0\xB3\xAF\xD1\xF4\xC7\xF8\xCA\xBE\xC0\xFD\xC2\xB7\x31\xBA\xC5");
inline constexpr auto kAuthorityGb18030 = memoryscan::maskBytes(
    "\xB1\xB1\xBE\xA9\xCA\xD0\xB9\xAB\xB0\xB2\xBE\xD6\xB3\xAF\xD1\xF4\xB7\xD6\xBE\xD6");

template <size_t N> QByteArrayView view(const memoryscan::Masked<N> &m)
{
    return QByteArrayView(m.data(), qsizetype(N));
}

inline const memoryscan::Needle name {"name, UTF-16LE", view(kNameUtf16)};
inline const memoryscan::Needle number {"ID number, UTF-16LE", view(kNumberUtf16)};
inline const memoryscan::Needle address {"address, UTF-16LE", view(kAddressUtf16)};
inline const memoryscan::Needle authority {"issuing authority, UTF-16LE", view(kAuthorityUtf16)};
inline const memoryscan::Needle numberLatin1 {"ID number, Latin-1/UTF-8/GB18030", view(kNumberLatin1)};

// As the card and the decoded fields hold them.
inline QList<memoryscan::Needle> asOnCard() { return {name, number, address, authority}; }

// Every field in every encoding.
inline QList<memoryscan::Needle> all()
{
    return asOnCard() + QList<memoryscan::Needle>{
        numberLatin1,
        {"name, UTF-8", view(kNameUtf8)},
        {"address, UTF-8", view(kAddressUtf8)},
        {"issuing authority, UTF-8", view(kAuthorityUtf8)},
        {"name, GB18030", view(kNameGb18030)},
        {"address, GB18030", view(kAddressGb18030)},
        {"issuing authority, GB18030", view(kAuthorityGb18030)},
    };
}

// Whether bytes, or a text in UTF-16 or UTF-8, hold any field of the card.
inline bool heldIn(QByteArrayView bytes)
{
    for (const memoryscan::Needle &n : all())
        if (memoryscan::occursIn(bytes, n))
            return true;
    return false;
}

inline bool heldIn(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return heldIn(QByteArrayView(reinterpret_cast<const char *>(text.utf16()), text.size() * 2)) ||
           heldIn(QByteArrayView(utf8));
}

} // namespace cardneedles
