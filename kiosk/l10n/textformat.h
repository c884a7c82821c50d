// TextFormat: how one language puts texts together — a label and its value, a title and
// a count, a list, a tag, a quoted title, a numbered entry, an icon before a label. QML
// binds only what these return (scripts/check-qml-texts.sh), and a control's
// Accessible.name comes from the same call as its visible text, so what is shown and
// what is spoken agree.
//
// The punctuation is catalog data: the `format.*` keys of ui/strings.yaml, per language,
// with zh-Hans fallback (the table handed in is zh-Hans overlaid by the language, as
// Localization reads it). A pattern names its parts in braces, "{label}：{value}"; the
// parts are put in once, so a value that itself contains "{value}" stays as it is. Only
// a catalog that has no `format.*` keys at all (built before they existed) falls back to
// the zh-Hans patterns built in here.
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace kiosk {

class TextFormat
{
public:
    // texts: key → text of one language, zh-Hans overlaid by that language.
    explicit TextFormat(QHash<QString, QString> texts = {});
    // The overlay Localization gets from the catalog: language wins, zh-Hans fills in.
    static TextFormat overlaid(const QHash<QString, QString> &zhHans,
                               const QHash<QString, QString> &language);

    // The text for key; the key itself when the table lacks it (visible to editors).
    QString text(const QString &key) const;
    // The text for key with %1, %2 … replaced by args (numbers written as numbers).
    QString fill(const QString &key, const QVariantList &args) const;

    QString labelValue(const QString &label, const QString &value) const; // 标签：值
    QString titleCount(const QString &title, qint64 count) const;          // 标题（3）
    QString titleNote(const QString &title, const QString &note) const;    // 标题（注）; title alone without a note
    QString list(const QStringList &items) const;    // 甲、乙、丙 — an enumeration
    QString phrases(const QStringList &parts) const; // 甲，乙 — parts of one spoken sentence
    QString fields(const QStringList &parts) const;  // 甲　乙 — facts side by side
    QString details(const QStringList &parts) const; // 甲　·　乙 — minor facts of one entry
    QString tag(const QString &tag, const QString &text = {}) const; // 【必要】原件
    QString quoted(const QString &title) const;      // 《标题》
    QString bullet(const QString &text) const;       // · 标题
    QString numbered(const QString &number, const QString &text) const; // 1. 名称
    QString pair(const QString &first, const QString &second) const;    // 甲 / 乙
    QString stepped(const QString &label, int step) const;              // 大字 +2; label alone at 0
    // An icon (format.icon.<name>: home, back, delete, warning, check) before a label.
    QString iconLabel(const QString &icon, const QString &label) const;
    // A toggle's label: ticked (format.icon.check) while on.
    QString toggled(const QString &label, bool on) const;
    // What has been typed, with the caret after it.
    QString typing(const QString &typed) const;
    // A web address that may wrap after its separators (/ . - ? & = _), never inside a
    // name: a zero-width break after each run of them. The same address otherwise.
    static QString address(const QString &url);
    // Several lines, one under the other; empty ones dropped.
    QString lines(const QStringList &lines) const;

    // Puts the named parts into pattern in one pass: "{label}" → parts["label"].
    static QString compose(const QString &pattern, const QHash<QString, QString> &parts);
    // A value as text: a whole number from QML (a double) without a decimal point.
    static QString argument(const QVariant &value);
    // Replaces %1 … %9 in one pass (QString::arg twice would read a %2 inside the first).
    static QString fillPattern(const QString &pattern, const QStringList &args);

private:
    QString pattern(const QString &key) const;
    QString joined(const QString &separatorKey, const QStringList &parts) const;
    QHash<QString, QString> m_texts;
};

// The notice shown when the catalog cannot be read: it cannot come from the catalog
// (that is what failed), so it is built in here, one text per language, with the
// zh-Hans text for a language not listed.
QString catalogUnreadableNotice(const QString &language);

} // namespace kiosk
