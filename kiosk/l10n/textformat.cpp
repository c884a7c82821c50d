#include "textformat.h"

namespace kiosk {

namespace {

// Used only when the catalog carries no format.* keys at all (a catalog built before
// they existed); every catalog from content/demo has them in ui/strings.yaml.
const QHash<QString, QString> &builtInZhHans()
{
    static const QHash<QString, QString> patterns = {
        {QStringLiteral("format.label_value"), QStringLiteral("{label}：{value}")},
        {QStringLiteral("format.title_count"), QStringLiteral("{title}（{count}）")},
        {QStringLiteral("format.title_note"), QStringLiteral("{title}（{note}）")},
        {QStringLiteral("format.list_separator"), QStringLiteral("、")},
        {QStringLiteral("format.phrase_separator"), QStringLiteral("，")},
        {QStringLiteral("format.field_separator"), QStringLiteral("　")},
        {QStringLiteral("format.detail_separator"), QStringLiteral("　·　")},
        {QStringLiteral("format.tag"), QStringLiteral("【{tag}】{text}")},
        {QStringLiteral("format.quote"), QStringLiteral("《{text}》")},
        {QStringLiteral("format.bullet"), QStringLiteral("· {text}")},
        {QStringLiteral("format.numbered"), QStringLiteral("{n}. {text}")},
        {QStringLiteral("format.pair"), QStringLiteral("{first} / {second}")},
        {QStringLiteral("format.stepped"), QStringLiteral("{label} +{step}")},
        {QStringLiteral("format.icon_label"), QStringLiteral("{icon} {label}")},
        {QStringLiteral("format.caret"), QStringLiteral("{text}▏")},
        {QStringLiteral("format.icon.home"), QStringLiteral("⌂")},
        {QStringLiteral("format.icon.back"), QStringLiteral("‹")},
        {QStringLiteral("format.icon.delete"), QStringLiteral("⌫")},
        {QStringLiteral("format.icon.warning"), QStringLiteral("⚠")},
        {QStringLiteral("format.icon.check"), QStringLiteral("✓")},
    };
    return patterns;
}

QStringList nonEmpty(const QStringList &parts)
{
    QStringList out;
    for (const QString &p : parts)
        if (!p.isEmpty())
            out.append(p);
    return out;
}

} // namespace

QString TextFormat::argument(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::Double:
    case QMetaType::Float: {
        const double d = v.toDouble();
        return d == double(qint64(d)) ? QString::number(qint64(d)) : QString::number(d);
    }
    default:
        return v.toString();
    }
}

TextFormat::TextFormat(QHash<QString, QString> texts) : m_texts(std::move(texts)) {}

TextFormat TextFormat::overlaid(const QHash<QString, QString> &zhHans, const QHash<QString, QString> &language)
{
    QHash<QString, QString> texts = zhHans;
    for (auto it = language.cbegin(); it != language.cend(); ++it)
        texts.insert(it.key(), it.value());
    return TextFormat(std::move(texts));
}

QString TextFormat::text(const QString &key) const
{
    const auto it = m_texts.constFind(key);
    return it != m_texts.cend() ? *it : key;
}

QString TextFormat::pattern(const QString &key) const
{
    const auto it = m_texts.constFind(key);
    if (it != m_texts.cend())
        return *it;
    return builtInZhHans().value(key);
}

QString TextFormat::compose(const QString &pattern, const QHash<QString, QString> &parts)
{
    QString out;
    out.reserve(pattern.size() + 32);
    qsizetype i = 0;
    while (i < pattern.size()) {
        if (pattern.at(i) == u'{') {
            const qsizetype close = pattern.indexOf(u'}', i + 1);
            if (close > i) {
                const QString name = pattern.mid(i + 1, close - i - 1);
                const auto it = parts.constFind(name);
                if (it != parts.cend()) {
                    out += *it;
                    i = close + 1;
                    continue;
                }
            }
        }
        out += pattern.at(i);
        ++i;
    }
    return out;
}

QString TextFormat::fillPattern(const QString &pattern, const QStringList &args)
{
    QString out;
    out.reserve(pattern.size() + 32);
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == u'%' && i + 1 < pattern.size() && pattern.at(i + 1) >= u'1' && pattern.at(i + 1) <= u'9') {
            const int n = pattern.at(i + 1).unicode() - u'1';
            if (n < args.size()) {
                out += args.at(n);
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

QString TextFormat::fill(const QString &key, const QVariantList &args) const
{
    QStringList texts;
    texts.reserve(args.size());
    for (const QVariant &a : args)
        texts.append(argument(a));
    return fillPattern(text(key), texts);
}

QString TextFormat::labelValue(const QString &label, const QString &value) const
{
    return compose(pattern(QStringLiteral("format.label_value")),
                   {{QStringLiteral("label"), label}, {QStringLiteral("value"), value}});
}

QString TextFormat::titleCount(const QString &title, qint64 count) const
{
    return compose(pattern(QStringLiteral("format.title_count")),
                   {{QStringLiteral("title"), title}, {QStringLiteral("count"), QString::number(count)}});
}

QString TextFormat::titleNote(const QString &title, const QString &note) const
{
    if (note.isEmpty())
        return title;
    return compose(pattern(QStringLiteral("format.title_note")),
                   {{QStringLiteral("title"), title}, {QStringLiteral("note"), note}});
}

QString TextFormat::joined(const QString &separatorKey, const QStringList &parts) const
{
    return nonEmpty(parts).join(pattern(separatorKey));
}

QString TextFormat::list(const QStringList &items) const
{
    return joined(QStringLiteral("format.list_separator"), items);
}

QString TextFormat::phrases(const QStringList &parts) const
{
    return joined(QStringLiteral("format.phrase_separator"), parts);
}

QString TextFormat::fields(const QStringList &parts) const
{
    return joined(QStringLiteral("format.field_separator"), parts);
}

QString TextFormat::details(const QStringList &parts) const
{
    return joined(QStringLiteral("format.detail_separator"), parts);
}

QString TextFormat::tag(const QString &tag, const QString &text) const
{
    return compose(pattern(QStringLiteral("format.tag")),
                   {{QStringLiteral("tag"), tag}, {QStringLiteral("text"), text}}).trimmed();
}

QString TextFormat::quoted(const QString &title) const
{
    return compose(pattern(QStringLiteral("format.quote")), {{QStringLiteral("text"), title}});
}

QString TextFormat::bullet(const QString &text) const
{
    return compose(pattern(QStringLiteral("format.bullet")), {{QStringLiteral("text"), text}});
}

QString TextFormat::numbered(const QString &number, const QString &text) const
{
    return compose(pattern(QStringLiteral("format.numbered")),
                   {{QStringLiteral("n"), number}, {QStringLiteral("text"), text}});
}

QString TextFormat::pair(const QString &first, const QString &second) const
{
    return compose(pattern(QStringLiteral("format.pair")),
                   {{QStringLiteral("first"), first}, {QStringLiteral("second"), second}});
}

QString TextFormat::stepped(const QString &label, int step) const
{
    if (step <= 0)
        return label;
    return compose(pattern(QStringLiteral("format.stepped")),
                   {{QStringLiteral("label"), label}, {QStringLiteral("step"), QString::number(step)}});
}

QString TextFormat::iconLabel(const QString &icon, const QString &label) const
{
    const QString glyph = pattern(QStringLiteral("format.icon.") + icon);
    if (glyph.isEmpty())
        return label;
    return compose(pattern(QStringLiteral("format.icon_label")),
                   {{QStringLiteral("icon"), glyph}, {QStringLiteral("label"), label}});
}

QString TextFormat::toggled(const QString &label, bool on) const
{
    return on ? iconLabel(QStringLiteral("check"), label) : label;
}

QString TextFormat::typing(const QString &typed) const
{
    return compose(pattern(QStringLiteral("format.caret")), {{QStringLiteral("text"), typed}});
}

QString TextFormat::address(const QString &url)
{
    static const QString separators = QStringLiteral("/.-?&=_");
    QString out;
    out.reserve(url.size() + url.size() / 4);
    for (qsizetype i = 0; i < url.size(); ++i) {
        out += url[i];
        const bool runEnds = i + 1 < url.size() && !separators.contains(url[i + 1]);
        if (separators.contains(url[i]) && runEnds)
            out += QChar(0x200B);
    }
    return out;
}

QString TextFormat::lines(const QStringList &lines) const
{
    return nonEmpty(lines).join(u'\n');
}

QString catalogUnreadableNotice(const QString &language)
{
    // Built in, not catalog data: this is shown exactly when the catalog cannot be read.
    // Each language also gives the notice in a second language the staff can read.
    const QString zh = QStringLiteral("目录数据暂时无法读取，请联系工作人员。");
    const QString en = QStringLiteral("The catalog cannot be read; please ask the staff.");
    const QString ug = QStringLiteral("مۇندەرىجە سانلىق مەلۇماتىنى ھازىرچە ئوقۇغىلى بولمايدۇ، خىزمەتچىلەردىن سوراڭ.");
    if (language == QLatin1String("en"))
        return en;
    if (language == QLatin1String("ug"))
        return ug + u'\n' + zh;
    return zh + u'\n' + en;
}

} // namespace kiosk
