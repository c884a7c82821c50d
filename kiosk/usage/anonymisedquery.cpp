#include "anonymisedquery.h"

#include <QList>

namespace kiosk {

namespace {

// A number with fewer digits than this identifies no one (and is a year, an article,
// a document number); from six on it may be part of an ID or phone number.
constexpr int kIdentifyingDigits = 6;
// Separator characters allowed between two digit groups of one number ("138 - 1234").
constexpr int kMaxSeparatorRun = 3;
constexpr qsizetype kMaxStoredLength = 64;

// Characters that group the digits of one number, ASCII and full-width (the
// ideographic space is already a plain space after simplified()).
bool isGroupSeparator(QChar c)
{
    switch (c.unicode()) {
    case u' ': case u'\u00A0':
    case u'-': case u'\u2010': case u'\u2011': case u'\u2012': case u'\u2013': case u'\u2014':
    case u'\u2212': case u'\uFF0D': case u'\uFE63':
    case u'.': case u'\uFF0E': case u'\u00B7': case u'\u30FB':
        return true;
    }
    return false;
}

// Any decimal digit: ASCII, full-width ０-９ and the other scripts' digits.
bool isDigit(QChar c) { return c.isDigit(); }

bool isCheckCharacter(QChar c)
{
    return c == u'X' || c == u'x' || c == u'\uFF38' || c == u'\uFF58';
}

struct Group
{
    int digits = 0;
    int value = 0; // of the first four digits: enough to tell a year
};

bool isYear(const Group &g)
{
    return g.digits == 4 && g.value >= 1900 && g.value <= 2099;
}

// Numbers residents search for that happen to have six or more digits in groups:
// 2023-2024 (a school or budget year) and 2024-10-01 / 2024.1.5 (a date).
bool isYearRangeOrDate(const QList<Group> &groups)
{
    if (groups.size() < 2 || groups.size() > 3 || !isYear(groups[0]))
        return false;
    if (groups.size() == 2 && isYear(groups[1]))
        return true;
    for (qsizetype i = 1; i < groups.size(); ++i)
        if (groups[i].digits > 2)
            return false;
    return true;
}

} // namespace

QString anonymisedQuery(const QString &typed)
{
    const QString q = typed.simplified();
    QString out;
    out.reserve(q.size());
    qsizetype i = 0;
    while (i < q.size()) {
        if (!isDigit(q[i])) {
            out.append(q[i++]);
            continue;
        }
        // One number: digit groups joined by short runs of separators.
        const qsizetype start = i;
        QList<Group> groups;
        qsizetype end = i;
        for (;;) {
            Group g;
            while (i < q.size() && isDigit(q[i])) {
                if (g.digits < 4)
                    g.value = g.value * 10 + q[i].digitValue();
                ++g.digits;
                ++i;
            }
            groups.append(g);
            end = i;
            qsizetype k = i;
            while (k < q.size() && k - i < kMaxSeparatorRun && isGroupSeparator(q[k]))
                ++k;
            if (k == i || k >= q.size() || !isDigit(q[k]))
                break;
            i = k;
        }
        int digits = 0;
        for (const Group &g : std::as_const(groups))
            digits += g.digits;
        if (digits < kIdentifyingDigits || isYearRangeOrDate(groups)) {
            out.append(QStringView(q).sliced(start, end - start));
        } else {
            if (end < q.size() && isCheckCharacter(q[end]))
                ++end; // the ID number's check character belongs to it
            out.append(QLatin1Char('#'));
        }
        i = end;
    }
    // Cut after replacing (a cut number is still a number), never inside a surrogate pair.
    qsizetype cut = qMin(out.size(), kMaxStoredLength);
    if (cut < out.size() && out[cut].isLowSurrogate())
        --cut;
    out.truncate(cut);
    return out;
}

} // namespace kiosk
