// MemoryScan: looks for personal data in the WHOLE of this process's writable memory:
// every writable mapping listed in /proc/self/maps (heap, thread stacks, anonymous
// blocks, the libraries' data), read through /proc/self/mem so that a page that
// cannot be read fails softly instead of crashing the test.
//
// The test's own knowledge of the secret must not be what the scan finds: needles
// are XOR-masked at compile time (maskUtf16 & co. run in constant evaluation, so the
// clear literal never reaches the binary) and unmasked one byte at a time while
// comparing. The scan reads memory into a buffer of its own that is overwritten
// after every chunk and left out of the scan.
#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringView>
#include <array>
#include <cstddef>

namespace memoryscan {

// The mask of byte i: varies along the needle, so no byte is masked the same way twice.
constexpr char maskOf(size_t i) { return char(0xA7 ^ ((i * 0x3D) & 0xFF)); }

template <size_t N> using Masked = std::array<char, N>;

// UTF-16LE, as the card and QString hold text.
template <size_t N> constexpr Masked<2 * (N - 1)> maskUtf16(const char16_t (&s)[N])
{
    Masked<2 * (N - 1)> out {};
    for (size_t i = 0; i + 1 < N; ++i) {
        out[2 * i] = char((s[i] & 0xFF) ^ quint8(maskOf(2 * i)));
        out[2 * i + 1] = char((s[i] >> 8) ^ quint8(maskOf(2 * i + 1)));
    }
    return out;
}

// UTF-8 (as u8"…" literals are encoded) or Latin-1 digits (plain "…" ASCII literals).
template <typename Char, size_t N> constexpr Masked<N - 1> maskBytes(const Char (&s)[N])
{
    Masked<N - 1> out {};
    for (size_t i = 0; i + 1 < N; ++i)
        out[i] = char(quint8(s[i]) ^ quint8(maskOf(i)));
    return out;
}

struct Needle
{
    const char *label;     // what it is, never the secret: "name, UTF-16LE"
    QByteArrayView masked; // points at a constexpr Masked array

    qsizetype size() const { return masked.size(); }
    bool matchesAt(const char *p) const;
};

// True when the needle occurs in the bytes.
bool occursIn(QByteArrayView haystack, const Needle &needle);
// True when the text's UTF-16 code units are exactly a UTF-16LE needle.
bool equals(QStringView text, const Needle &utf16Needle);

struct Hit
{
    QByteArray label;
    quintptr address = 0;
    QByteArray mapping; // the /proc/self/maps line's path, or "[anonymous]"
};

// Every occurrence (at most 64 per needle) of every needle in writable memory.
QList<Hit> scanWritableMemory(const QList<Needle> &needles);
// One line per hit, for a failure message.
QString describe(const QList<Hit> &hits);

// A clear copy of a needle in a page of its own, for showing that the scan really
// finds what it looks for. The page is overwritten and unmapped on destruction.
class Planted
{
public:
    explicit Planted(const Needle &needle);
    ~Planted();
    Planted(const Planted &) = delete;
    Planted &operator=(const Planted &) = delete;
    quintptr address() const { return quintptr(m_page); }

private:
    char *m_page = nullptr;
    qsizetype m_size = 0;
};

} // namespace memoryscan
