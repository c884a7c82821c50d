#include "cardbytes.h"

#include <cstring>
#include <string.h> // explicit_bzero: a store the compiler may not drop as dead
#include <utility>

namespace device {

namespace {
void overwrite(char *p, qsizetype n)
{
    if (p && n > 0)
        explicit_bzero(p, size_t(n));
}
} // namespace

CardBytes::CardBytes(CardBytes &&other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_size(std::exchange(other.m_size, 0)),
      m_capacity(std::exchange(other.m_capacity, 0))
{
}

CardBytes &CardBytes::operator=(const CardBytes &other)
{
    if (this != &other) {
        clear();
        append(other.view());
    }
    return *this;
}

CardBytes &CardBytes::operator=(CardBytes &&other) noexcept
{
    if (this != &other) {
        release();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
        m_capacity = std::exchange(other.m_capacity, 0);
    }
    return *this;
}

void CardBytes::reserve(qsizetype capacity)
{
    if (capacity <= m_capacity)
        return;
    // Doubling keeps appends cheap; every move still overwrites the old block.
    const qsizetype grown = qMax(capacity, qMax<qsizetype>(64, m_capacity * 2));
    char *block = new char[size_t(grown)]();
    if (m_size > 0)
        std::memcpy(block, m_data, size_t(m_size));
    overwrite(m_data, m_capacity);
    delete[] m_data;
    m_data = block;
    m_capacity = grown;
}

void CardBytes::append(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return;
    reserve(m_size + bytes.size());
    std::memcpy(m_data + m_size, bytes.data(), size_t(bytes.size()));
    m_size += bytes.size();
}

void CardBytes::removeFront(qsizetype n)
{
    n = qBound<qsizetype>(0, n, m_size);
    if (n == 0)
        return;
    std::memmove(m_data, m_data + n, size_t(m_size - n));
    overwrite(m_data + m_size - n, n);
    m_size -= n;
}

void CardBytes::clear()
{
    // The whole block: a fill that was not kept (appendFrom) may have written past size.
    overwrite(m_data, m_capacity);
    m_size = 0;
}

void CardBytes::release()
{
    overwrite(m_data, m_capacity);
    delete[] m_data;
    m_data = nullptr;
    m_size = m_capacity = 0;
}

SharedCardBytes::SharedCardBytes(CardBytes bytes)
{
    if (!bytes.isEmpty())
        m_bytes = std::make_shared<CardBytes>(std::move(bytes));
}

void SharedCardBytes::wipe()
{
    if (m_bytes)
        m_bytes->clear(); // every copy now sees nothing; the last one frees the block
    m_bytes.reset();
}

CardText::CardText(QStringView text)
    : m_units(CardBytes(QByteArrayView(reinterpret_cast<const char *>(text.utf16()), text.size() * 2)))
{
}

CardText CardText::fromUtf16Le(QByteArrayView raw)
{
    auto unitAt = [raw](qsizetype i) {
        return char16_t(quint8(raw[2 * i]) | (quint8(raw[2 * i + 1]) << 8));
    };
    qsizetype units = raw.size() / 2;
    while (units > 0 && (unitAt(units - 1) == u' ' || unitAt(units - 1) == u'\0'))
        --units;
    CardBytes out;
    out.appendFrom(units * 2, [&](char *to, qsizetype) {
        for (qsizetype i = 0; i < units; ++i) {
            const char16_t u = unitAt(i);
            std::memcpy(to + 2 * i, &u, 2);
        }
        return units * 2;
    });
    return CardText(std::move(out));
}

CardText CardText::joined(const CardText &first, const CardText &second)
{
    CardBytes out;
    out.reserve((first.size() + second.size()) * 2);
    out.append(first.m_units.view());
    out.append(second.m_units.view());
    return CardText(std::move(out));
}

QStringView CardText::view() const
{
    // new[] blocks are aligned for any type, char16_t included.
    const QByteArrayView b = m_units.view();
    return QStringView(reinterpret_cast<const char16_t *>(b.data()), b.size() / 2);
}

} // namespace device
