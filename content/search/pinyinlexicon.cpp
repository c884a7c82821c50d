#include "pinyinlexicon.h"

#include <QFile>
#include <QSet>

namespace content {

QString PinyinDictionary::defaultPath()
{
    const QString env = qEnvironmentVariable("KIOSK_PINYIN_DICT");
    return env.isEmpty() ? QStringLiteral("/usr/share/rime-data/pinyin_simp.dict.yaml") : env;
}

bool PinyinDictionary::load(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) {
        if (error)
            *error = QStringLiteral("pinyin dictionary %1 cannot be read").arg(path);
        return false;
    }
    bool inBody = false;
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (!inBody) {
            inBody = line == QLatin1String("...");
            continue;
        }
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QStringList cols = line.split('\t');
        if (cols.size() < 2 || cols[0].isEmpty())
            continue;
        const QStringList syllables = cols[1].split(' ', Qt::SkipEmptyParts);
        if (syllables.size() != cols[0].size())
            continue; // only one syllable per character (skips rare malformed lines)
        QList<QStringList> &list = m_readings[cols[0]];
        if (!list.contains(syllables))
            list.append(syllables);
        m_longestWord = std::max(m_longestWord, int(cols[0].size()));
    }
    if (m_readings.isEmpty() && error)
        *error = QStringLiteral("pinyin dictionary %1 holds no entries").arg(path);
    return !m_readings.isEmpty();
}

QList<QStringList> PinyinDictionary::readings(const QString &word) const
{
    const auto known = m_readings.constFind(word);
    if (known != m_readings.cend())
        return *known;
    // Unknown word: combine the readings of its characters, at most 16 combinations
    // so a long title of polyphones cannot explode.
    QList<QStringList> out{QStringList()};
    for (const QChar ch : word) {
        const QList<QStringList> charReadings = m_readings.value(QString(ch));
        if (charReadings.isEmpty())
            return {}; // a character without pinyin (Latin, digits): no entry
        QList<QStringList> next;
        for (const QStringList &prefix : out)
            for (const QStringList &r : charReadings)
                if (next.size() < 16)
                    next.append(prefix + r);
        out = next;
    }
    return out;
}

QStringList PinyinDictionary::wordsIn(const QString &text) const
{
    QStringList out;
    int i = 0;
    while (i < text.size()) {
        int matched = 0;
        for (int len = std::min(m_longestWord, int(text.size()) - i); len >= 2; --len) {
            if (m_readings.contains(text.mid(i, len))) {
                matched = len;
                break;
            }
        }
        if (matched) {
            out << text.mid(i, matched);
            i += matched;
        } else {
            ++i;
        }
    }
    return out;
}

QList<PinyinEntry> buildPinyinLexicon(const QHash<QString, int> &words,
                                      const PinyinDictionary &dictionary)
{
    QList<PinyinEntry> out;
    for (auto it = words.cbegin(); it != words.cend(); ++it) {
        QSet<QString> seen;
        for (const QStringList &syllables : dictionary.readings(it.key())) {
            QString initials;
            for (const QString &s : syllables)
                initials += s.left(1);
            const QString full = syllables.join(QString());
            if (seen.contains(full))
                continue;
            seen.insert(full);
            out.append({it.key(), full, initials, it.value()});
        }
    }
    return out;
}

} // namespace content
