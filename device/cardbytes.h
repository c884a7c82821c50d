// Memory for anything that came off an ID card: the SAM frames on the serial line,
// the decoded text fields, the photo. Freed memory keeps its contents until the
// allocator hands it out again, and a growing QByteArray or QString frees its old
// block just as it was; a wipe at session end that overwrites the current block
// still leaves those earlier copies. So card data lives only in these types, which
// overwrite every block they give back, whole, and move to a bigger block only by
// copying and then overwriting the old one.
#pragma once

#include <QByteArrayView>
#include <QDebug>
#include <QStringView>
#include <QtGlobal>
#include <memory>

namespace device {

// A growable byte buffer that never leaves a copy behind. Copies are deep (each
// copy overwrites its own block when it goes).
class CardBytes
{
public:
    CardBytes() = default;
    explicit CardBytes(QByteArrayView bytes) { append(bytes); }
    CardBytes(const CardBytes &other) : CardBytes(other.view()) {}
    CardBytes(CardBytes &&other) noexcept;
    CardBytes &operator=(const CardBytes &other);
    CardBytes &operator=(CardBytes &&other) noexcept;
    ~CardBytes() { release(); }

    const char *data() const { return m_data; }
    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    char at(qsizetype i) const { return m_data[i]; }
    QByteArrayView view() const { return QByteArrayView(m_data, m_size); }
    operator QByteArrayView() const { return view(); }

    // Room for `capacity` bytes in one block, so that filling it never moves it.
    void reserve(qsizetype capacity);
    void append(QByteArrayView bytes);
    // Lets fill(char *to, qsizetype room) write up to `room` bytes at the end and
    // keeps as many as it returns: a read() lands here directly, with no buffer
    // of its own on the stack.
    template <typename Fill> qsizetype appendFrom(qsizetype room, Fill fill)
    {
        reserve(m_size + room);
        const qsizetype n = fill(m_data + m_size, room);
        if (n > 0)
            m_size += qMin(n, room);
        return n;
    }
    // Drops the first n bytes; the rest moves down and the vacated end is overwritten.
    void removeFront(qsizetype n);
    // Overwrites everything; keeps the block for reuse.
    void clear();
    // Overwrites everything and frees the block.
    void release();

private:
    char *m_data = nullptr;
    qsizetype m_size = 0;
    qsizetype m_capacity = 0;
};

// Immutable card bytes shared by their copies: a queued signal's copy of a card
// makes no new block. The last copy to go overwrites them; wipe() overwrites them
// at once, for every copy (the session's end must not wait for stray copies).
class SharedCardBytes
{
public:
    SharedCardBytes() = default;
    explicit SharedCardBytes(CardBytes bytes);
    explicit SharedCardBytes(QByteArrayView bytes) : SharedCardBytes(CardBytes(bytes)) {}

    QByteArrayView view() const { return m_bytes ? m_bytes->view() : QByteArrayView(); }
    operator QByteArrayView() const { return view(); }
    qsizetype size() const { return view().size(); }
    bool isEmpty() const { return view().isEmpty(); }
    char at(qsizetype i) const { return view()[i]; }

    void wipe();

private:
    std::shared_ptr<CardBytes> m_bytes;
};

// A text field of a card, in UTF-16 as on the card; shared and wiped like
// SharedCardBytes. There is deliberately no conversion to QString: a QString copy
// is a block this type cannot overwrite.
class CardText
{
public:
    CardText() = default;
    // A copy of text given by hand (tests, plugins).
    explicit CardText(QStringView text);
    // A field of the card's text block: UTF-16LE, trailing space/NUL padding trimmed
    // (inner spaces belong to English names and addresses).
    static CardText fromUtf16Le(QByteArrayView raw);
    static CardText joined(const CardText &first, const CardText &second);

    QStringView view() const;
    operator QStringView() const { return view(); }
    qsizetype size() const { return m_units.size() / 2; }
    bool isEmpty() const { return m_units.isEmpty(); }

    void wipe() { m_units.wipe(); }

    friend bool operator==(const CardText &a, QStringView b) { return a.view() == b; }
    friend bool operator!=(const CardText &a, QStringView b) { return a.view() != b; }

private:
    explicit CardText(CardBytes units) : m_units(std::move(units)) {}
    SharedCardBytes m_units; // char16_t in host order
};

// Card data is never logged: streaming it does not compile (it would otherwise,
// through the views).
QDebug operator<<(QDebug, const CardBytes &) = delete;
QDebug operator<<(QDebug, const SharedCardBytes &) = delete;
QDebug operator<<(QDebug, const CardText &) = delete;

} // namespace device
