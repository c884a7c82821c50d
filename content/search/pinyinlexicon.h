// PinyinLexicon: maps what residents type on a Latin keyboard (yibao, yb, yiliao)
// to Chinese words of the catalog (医保, 医疗). Built when the catalog is built, from
// the catalog's own words (titles, keywords, tags, stage names, synonyms, hot words
// and the dictionary words inside titles) and a packaged hanzi→pinyin dictionary
// (Rime's pinyin_simp, from Debian's rime-data-pinyin-simp), with full pinyin and
// initials for every reading of a polyphone. It is never mixed into body text.
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace content {

struct PinyinEntry
{
    QString word;     // 医保
    QString full;     // yibao
    QString initials; // yb
    int weight = 0;   // how often the catalog uses the word
};

class PinyinDictionary
{
public:
    // Loads a Rime dictionary (lines "字词<TAB>pin yin<TAB>weight"). Returns false
    // with a reason when the file is missing or holds no entries.
    bool load(const QString &path, QString *error);
    bool isEmpty() const { return m_readings.isEmpty(); }

    // Every reading of a word, as syllable lists: phrase readings when the dictionary
    // knows the word, else every combination of its characters' readings (capped).
    QList<QStringList> readings(const QString &word) const;
    // Dictionary words (2+ characters) found inside text by forward maximum match.
    QStringList wordsIn(const QString &text) const;

    static QString defaultPath();

private:
    QHash<QString, QList<QStringList>> m_readings;
    int m_longestWord = 1;
};

// Builds lexicon entries for words with their usage weights.
QList<PinyinEntry> buildPinyinLexicon(const QHash<QString, int> &words,
                                      const PinyinDictionary &dictionary);

} // namespace content
