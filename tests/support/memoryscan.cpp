#include "memoryscan.h"

#include <QFile>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

namespace memoryscan {

namespace {

constexpr qsizetype kChunk = 1 << 20;
// No mapping of the program's data comes near this; a sanitizer's shadow memory
// (terabytes reserved, metadata about the program's memory, not its contents) does,
// and reading it page by page would take hours (scripts/sanitize.sh).
constexpr quintptr kLargestScanned = quintptr(64) << 30;
constexpr int kMaxHitsPerNeedle = 64;

struct Region
{
    quintptr start, end;
    QByteArray path;
};

QList<Region> writableRegions()
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        return {};
    QList<Region> out;
    for (const QByteArray &line : maps.readAll().split('\n')) {
        unsigned long long start = 0, end = 0;
        char perms[5] = {};
        int pathAt = 0;
        if (std::sscanf(line.constData(), "%llx-%llx %4s %*s %*s %*s %n", &start,
                        &end, perms, &pathAt) < 3)
            continue;
        if (perms[0] != 'r' || perms[1] != 'w' || end - start > kLargestScanned)
            continue;
        const QByteArray path = pathAt > 0 ? line.mid(pathAt).trimmed() : QByteArray();
        out.append({quintptr(start), quintptr(end), path.isEmpty() ? QByteArrayLiteral("[anonymous]") : path});
    }
    return out;
}

void overwrite(char *p, qsizetype n)
{
    explicit_bzero(p, size_t(n));
}

} // namespace

bool Needle::matchesAt(const char *p) const
{
    for (qsizetype i = 0; i < masked.size(); ++i)
        if (char(p[i] ^ maskOf(size_t(i))) != masked[i])
            return false;
    return true;
}

bool occursIn(QByteArrayView haystack, const Needle &needle)
{
    const qsizetype n = needle.size();
    if (n == 0 || haystack.size() < n)
        return false;
    const char first = char(needle.masked[0] ^ maskOf(0));
    const char *p = haystack.data();
    const char *const last = haystack.data() + haystack.size() - n;
    while (p <= last) {
        p = static_cast<const char *>(std::memchr(p, first, size_t(last - p + 1)));
        if (!p)
            return false;
        if (needle.matchesAt(p))
            return true;
        ++p;
    }
    return false;
}

bool equals(QStringView text, const Needle &utf16Needle)
{
    return text.size() * 2 == utf16Needle.size() &&
           utf16Needle.matchesAt(reinterpret_cast<const char *>(text.utf16()));
}

QList<Hit> scanWritableMemory(const QList<Needle> &needles)
{
    qsizetype longest = 1;
    for (const Needle &n : needles)
        longest = qMax(longest, n.size());
    // A mapping of its own: the scan never finds its own reading of a secret.
    const qsizetype bufferSize = kChunk + longest;
    auto *buffer = static_cast<char *>(
        ::mmap(nullptr, size_t(bufferSize), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
    if (buffer == MAP_FAILED)
        return {{QByteArrayLiteral("scan buffer could not be mapped"), 0, {}}};
    const quintptr skipFrom = quintptr(buffer), skipTo = skipFrom + quintptr(bufferSize);
    const int mem = ::open("/proc/self/mem", O_RDONLY | O_CLOEXEC);
    QList<Hit> hits;
    QList<int> counts(needles.size(), 0);
    QList<Region> regions;
    for (const Region &r : writableRegions()) {
        // The kernel may have merged the buffer with a neighbouring mapping: cut it out.
        if (r.start < skipFrom)
            regions.append({r.start, qMin(r.end, skipFrom), r.path});
        if (r.end > skipTo)
            regions.append({qMax(r.start, skipTo), r.end, r.path});
    }
    for (const Region &r : std::as_const(regions)) {
        for (quintptr at = r.start; at < r.end && mem >= 0; at += quintptr(kChunk)) {
            const qsizetype want = qsizetype(qMin<quintptr>(r.end - at, quintptr(bufferSize)));
            const ssize_t got = ::pread(mem, buffer, size_t(want), off_t(at));
            if (got <= 0)
                continue; // an unreadable page (e.g. a device mapping): nothing to find there
            for (qsizetype i = 0; i < needles.size(); ++i) {
                const Needle &n = needles[i];
                const char *p = buffer;
                const char *const end = buffer + got;
                while (counts[i] < kMaxHitsPerNeedle && end - p >= n.size() &&
                       occursIn(QByteArrayView(p, end - p), n)) {
                    // Find where, then go on after it.
                    const char *q = p;
                    while (!n.matchesAt(q))
                        ++q;
                    // Matches inside the overlap are found again in the next chunk.
                    if (q - buffer < kChunk || at + quintptr(kChunk) >= r.end) {
                        hits.append({n.label, at + quintptr(q - buffer), r.path});
                        ++counts[i];
                    }
                    p = q + 1;
                }
            }
            overwrite(buffer, got);
        }
    }
    if (mem >= 0)
        ::close(mem);
    else
        hits.append({QByteArrayLiteral("/proc/self/mem could not be opened"), 0, {}});
    ::munmap(buffer, size_t(bufferSize));
    return hits;
}

QString describe(const QList<Hit> &hits)
{
    QStringList lines;
    for (const Hit &h : hits)
        lines << QStringLiteral("%1 at 0x%2 in %3")
                     .arg(QString::fromLatin1(h.label))
                     .arg(h.address, 0, 16)
                     .arg(QString::fromLocal8Bit(h.mapping));
    return lines.join(QLatin1Char('\n'));
}

Planted::Planted(const Needle &needle) : m_size(needle.size())
{
    void *page = ::mmap(nullptr, size_t(m_size), PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (page == MAP_FAILED)
        return;
    m_page = static_cast<char *>(page);
    for (qsizetype i = 0; i < m_size; ++i)
        m_page[i] = char(needle.masked[i] ^ maskOf(size_t(i)));
}

Planted::~Planted()
{
    if (!m_page)
        return;
    overwrite(m_page, m_size);
    ::munmap(m_page, size_t(m_size));
}

} // namespace memoryscan
