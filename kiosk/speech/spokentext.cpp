// The spoken form of a displayed text (see spokentext.h for the categories and the
// choices). A Normaliser walks the text once; at each position the rules, hand-written
// matchers over digit and letter runs measured up front, either consume a stretch and
// say it through the Voice of its language or leave the character to be copied. What
// is said is gathered by Speech, which keeps stretches of one language together.
#include "spokentext.h"

#include <QStringList>

#include <algorithm>
#include <array>
#include <initializer_list>
#include <optional>

namespace kiosk {
namespace {

using Lang = SpeechLanguage;

QString cat(std::initializer_list<QStringView> parts)
{
    QString out;
    for (QStringView p : parts)
        out += p;
    return out;
}

// ------------------------------------------------------------------ characters

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}
bool isLatin(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}
bool isUpper(QChar c)
{
    return c >= u'A' && c <= u'Z';
}

bool isHan(char32_t u)
{
    return (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3400 && u <= 0x4DBF) ||
           (u >= 0xF900 && u <= 0xFAFF) || u == 0x3007 || (u >= 0x20000 && u <= 0x3134F);
}
bool isHan(QChar c)
{
    return isHan(char32_t(c.unicode()));
}

// Chinese punctuation: the Chinese voice pauses at it, and no space is kept beside it.
bool isCjkPunct(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x3000 && u <= 0x303F) || (u >= 0xFF00 && u <= 0xFFEF) || u == 0x2014 ||
           u == 0x2026 || u == 0x00B7 || (u >= 0x2018 && u <= 0x201D);
}
bool isCjk(QChar c)
{
    return isHan(c) || isCjkPunct(c);
}

bool isArabicLetter(QChar c)
{
    const char16_t u = c.unicode();
    const bool block = (u >= 0x0600 && u <= 0x06FF) || (u >= 0x0750 && u <= 0x077F) ||
                       (u >= 0xFB50 && u <= 0xFDFF) || (u >= 0xFE70 && u <= 0xFEFC);
    return block && (c.isLetter() || c.isMark());
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.isMark();
}

// One UTF-16 unit as the rules want to see it; 0: not said at all. Full-width digits,
// letters and the signs of numbers are folded to ASCII; Chinese punctuation is kept.
char16_t folded(char16_t u)
{
    switch (u) {
    case u'\n':
    case u'\r':
    case u'\v':
    case u'\f':
    case 0x85:
    case 0x2028:
    case 0x2029:
        return u'\n';
    case u'\t':
    case 0xA0:
    case 0x1680:
    case 0x202F:
    case 0x205F:
    case 0x3000:
        return u' ';
    case 0x2010:
    case 0x2011:
    case 0x2212:
    case 0xFE63:
        return u'-';
    case 0x2012:
        return 0x2013;
    case 0x2015:
        return 0x2014;
    case 0x223C:
    case 0x301C:
    case 0xFF5E:
        return u'~';
    case 0x2236:
        return u':';
    case 0xFFE5:
        return 0xA5; // ￥
    case 0xFFE1:
        return 0xA3; // ￡
    case 0x066B:
        return u'.'; // Arabic decimal separator
    case 0x066C:
        return u','; // Arabic thousands separator
    case 0xFFFC:
    case 0xFFFD:
        return 0;
    default:
        break;
    }
    if (u >= 0x2000 && u <= 0x200A)
        return u' ';
    if (u >= 0x0660 && u <= 0x0669)
        return char16_t(u'0' + (u - 0x0660));
    if (u >= 0x06F0 && u <= 0x06F9)
        return char16_t(u'0' + (u - 0x06F0));
    if ((u >= 0xFF10 && u <= 0xFF19) || (u >= 0xFF21 && u <= 0xFF3A) ||
        (u >= 0xFF41 && u <= 0xFF5A) ||
        QStringView(u"＋－．／％＝＆＠＄＃＊＜＞").contains(QChar(u)))
        return char16_t(u - 0xFEE0);
    switch (QChar::category(char32_t(u))) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
        return 0;
    default:
        return u;
    }
}

QString sanitised(QStringView in)
{
    QString out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const QChar c = in[i];
        if (c.isHighSurrogate() && i + 1 < in.size() && in[i + 1].isLowSurrogate()) {
            switch (QChar::category(QChar::surrogateToUcs4(c, in[i + 1]))) {
            case QChar::Other_Format:
            case QChar::Other_PrivateUse:
            case QChar::Other_NotAssigned:
                break;
            default:
                out += c;
                out += in[i + 1];
            }
            ++i;
        } else if (!c.isSurrogate()) {
            if (const char16_t f = folded(c.unicode()))
                out += QChar(f);
        }
    }
    return out;
}

// ------------------------------------------------------------------ digits

int valueOf(QStringView digits)
{
    int v = 0;
    for (QChar c : digits.left(9))
        v = v * 10 + (c.unicode() - u'0');
    return v;
}

QStringView withoutLeadingZeros(QStringView digits)
{
    qsizetype i = 0;
    while (i < digits.size() && digits[i] == u'0')
        ++i;
    return digits.mid(i);
}

// The digits in groups of `size` from the right, most significant first: the one piece
// of number reading every language shares (万 groups of four, thousands of three).
QList<int> groupsOf(QStringView digits, int size)
{
    QList<int> groups;
    qsizetype len = digits.size() % size ? digits.size() % size : size;
    for (qsizetype i = 0; i < digits.size(); i += len, len = size)
        groups.append(valueOf(digits.mid(i, len)));
    return groups;
}

// How a long code is paused: in fours, except short ones that are said in one breath.
QList<int> codeGroups(qsizetype n)
{
    if (n <= 6)
        return {int(n)};
    QList<int> g(n / 4, 4);
    if (n % 4)
        g.append(int(n % 4));
    return g;
}

struct Number
{
    bool negative = false;
    QString whole;    // digits as written, separators removed
    QString fraction; // digits after the point; empty: an integer
    bool grouped = false;
    bool integer() const { return fraction.isEmpty(); }
    bool is(QStringView digits) const { return !negative && integer() && whole == digits; }
};

// A decimal without the zeros that end it: 25.50美元 is 二十五点五美元.
Number trimmed(Number n)
{
    while (n.fraction.endsWith(u'0'))
        n.fraction.chop(1);
    return n;
}

// Cents, or 角 and 分, of an amount: exact when it has no more than two decimals.
struct Minor
{
    bool exact = false;
    int value = 0;
};
Minor minorOf(const Number &n)
{
    if (n.fraction.size() > 2)
        return {};
    return {true, valueOf(cat({n.fraction, u"00"}).left(2))};
}

struct Unit
{
    QStringView symbol;
    const char16_t *zh, *en, *enPlural, *ug;
};
// Longer symbols before the ones they start with (km before m, °C before °).
constexpr Unit kUnits[] = {
    {u"km/h", u"公里每小时", u"kilometer per hour", u"kilometers per hour", u"كىلومېتىر سائىتىگە"},
    {u"km²", u"平方公里", u"square kilometer", u"square kilometers", u"كۋادرات كىلومېتىر"},
    {u"km2", u"平方公里", u"square kilometer", u"square kilometers", u"كۋادرات كىلومېتىر"},
    {u"㎢", u"平方公里", u"square kilometer", u"square kilometers", u"كۋادرات كىلومېتىر"},
    {u"m²", u"平方米", u"square meter", u"square meters", u"كۋادرات مېتىر"},
    {u"m2", u"平方米", u"square meter", u"square meters", u"كۋادرات مېتىر"},
    {u"㎡", u"平方米", u"square meter", u"square meters", u"كۋادرات مېتىر"},
    {u"m³", u"立方米", u"cubic meter", u"cubic meters", u"كۇب مېتىر"},
    {u"m3", u"立方米", u"cubic meter", u"cubic meters", u"كۇب مېتىر"},
    {u"㎥", u"立方米", u"cubic meter", u"cubic meters", u"كۇب مېتىر"},
    {u"km", u"公里", u"kilometer", u"kilometers", u"كىلومېتىر"},
    {u"㎞", u"公里", u"kilometer", u"kilometers", u"كىلومېتىر"},
    {u"kg", u"千克", u"kilogram", u"kilograms", u"كىلوگرام"},
    {u"㎏", u"千克", u"kilogram", u"kilograms", u"كىلوگرام"},
    {u"kWh", u"千瓦时", u"kilowatt hour", u"kilowatt hours", u"كىلوۋات سائەت"},
    {u"kW", u"千瓦", u"kilowatt", u"kilowatts", u"كىلوۋات"},
    {u"cm", u"厘米", u"centimeter", u"centimeters", u"سانتىمېتىر"},
    {u"㎝", u"厘米", u"centimeter", u"centimeters", u"سانتىمېتىر"},
    {u"mm", u"毫米", u"millimeter", u"millimeters", u"مىللىمېتىر"},
    {u"㎜", u"毫米", u"millimeter", u"millimeters", u"مىللىمېتىر"},
    {u"mg", u"毫克", u"milligram", u"milligrams", u"مىللىگرام"},
    {u"ml", u"毫升", u"milliliter", u"milliliters", u"مىللىلىتىر"},
    {u"mL", u"毫升", u"milliliter", u"milliliters", u"مىللىلىتىر"},
    {u"㎖", u"毫升", u"milliliter", u"milliliters", u"مىللىلىتىر"},
    {u"min", u"分钟", u"minute", u"minutes", u"مىنۇت"},
    {u"℃", u"摄氏度", u"degree Celsius", u"degrees Celsius", u"سېلسىيە گرادۇس"},
    {u"°C", u"摄氏度", u"degree Celsius", u"degrees Celsius", u"سېلسىيە گرادۇس"},
    {u"°", u"度", u"degree", u"degrees", u"گرادۇس"},
    {u"m", u"米", u"meter", u"meters", u"مېتىر"},
    {u"g", u"克", u"gram", u"grams", u"گرام"},
    {u"L", u"升", u"liter", u"liters", u"لىتىر"},
    {u"h", u"小时", u"hour", u"hours", u"سائەت"},
    {u"s", u"秒", u"second", u"seconds", u"سېكۇنت"},
    {u"t", u"吨", u"ton", u"tons", u"توننا"},
};

struct Currency
{
    char16_t symbol;
    const char16_t *zh;
    bool yuan; // 元角分 in Chinese, يۈەن مو پۇڭ in Uyghur
    const char16_t *en, *enPlural, *enMinor, *enMinorPlural, *ug, *ugMinor;
};
constexpr Currency kCurrencies[] = {
    {0xA5, u"元", true, u"yuan", u"yuan", nullptr, nullptr, u"يۈەن", nullptr},
    {u'$', u"美元", false, u"dollar", u"dollars", u"cent", u"cents", u"دوللار", u"سېنت"},
    {0x20AC, u"欧元", false, u"euro", u"euros", u"cent", u"cents", u"ياۋرو", u"سېنت"},
    {0xA3, u"英镑", false, u"pound", u"pounds", u"penny", u"pence", u"فوند", u"پېنس"},
};
const Currency *currencyOf(QChar c)
{
    for (const Currency &k : kCurrencies)
        if (c == QChar(k.symbol))
            return &k;
    return nullptr;
}

// A lone 2 before these is 两 (两个, 两天, 两公里): a short list rather than a rule,
// since 二月, 二号, 二楼 and 二年级 name a place in a sequence, not an amount.
constexpr QStringView kMeasureWords[] = {
    u"个", u"人", u"次", u"天", u"年", u"件",   u"份",   u"张", u"本",   u"项",   u"位", u"种",
    u"条", u"名", u"只", u"台", u"辆", u"家",   u"户",   u"岁", u"周",   u"倍",   u"元", u"块",
    u"角", u"毛", u"万", u"千", u"亿", u"小时", u"分钟", u"秒", u"公里", u"公斤", u"米", u"斤",
    u"克", u"吨", u"升", u"毫", u"厘", u"平方", u"立方", u"页", u"套",   u"间",   u"所", u"遍",
    u"趟", u"场", u"节", u"杯", u"瓶", u"包",   u"盒",   u"袋", u"批",   u"类",   u"点", u"分",
    u"群", u"封", u"门", u"支", u"双", u"对",   u"片",   u"粒", u"颗",   u"句",   u"段", u"篇",
};
bool startsWithMeasure(QStringView after)
{
    if (after.startsWith(u"年级") || after.startsWith(u"分之"))
        return false;
    return std::any_of(std::begin(kMeasureWords), std::end(kMeasureWords),
                       [after](QStringView w) { return after.startsWith(w); });
}
// The character before a slash that makes it 每 (元/月, 次/天) rather than 或.
bool isPerUnit(QChar c)
{
    return QStringView(u"个人次天件份张本项位种条名台辆家户岁周元块角毛时钟秒米克吨升斤页套间所遍趟"
                       u"场节杯瓶包盒袋批类分")
        .contains(c);
}
// Money named in Chinese after the number, read with a plain decimal.
bool startsWithCurrencyWord(QStringView after)
{
    for (QStringView w : {u"美元", u"欧元", u"英镑", u"日元", u"港元", u"港币", u"澳元", u"韩元"})
        if (after.startsWith(w))
            return true;
    return false;
}

enum class Kind { Plain, Percent, PerMille, PerTenThousand, Measure, Money };
bool isPercent(Kind k)
{
    return k == Kind::Percent || k == Kind::PerMille || k == Kind::PerTenThousand;
}

// A number with what it counts: a percent sign, a unit, a currency.
struct Quantity
{
    Number n;
    Kind kind = Kind::Plain;
    const Unit *unit = nullptr;
    const Currency *currency = nullptr;
    QChar scale; // ￥5万: the 万 said before 元
    qsizetype end = 0;
};

struct Clock
{
    int hour = 0, minute = 0, second = -1;
};
struct Date
{
    QString year;
    int month = 0, day = 0;
};
// Where a number stands: the text just before and after it in the display text.
struct Context
{
    QStringView before, after;
    bool ordinal = false; // after 第
};
enum class Word { Plus, Times, DividedBy, Equals, And, Ratio };

// ------------------------------------------------------------------ voices

// How one language says numbers. The shared members compose; the virtual ones hold
// what each language says its own way.
class Voice
{
public:
    virtual ~Voice() = default;
    virtual Lang language() const = 0;
    virtual QString plainDigit(int d) const = 0;
    virtual QString codeDigit(QChar c) const
    {
        return isDigit(c) ? plainDigit(c.unicode() - u'0') : letterX().toString();
    }
    virtual QStringView letterX() const = 0;
    virtual QStringView gap() const = 0;   // between words
    virtual QStringView pause() const = 0; // between groups of a code, at a line break
    virtual qsizetype maxDigits() const = 0;
    virtual QString cardinalWords(QStringView digits) const = 0; // no leading zero
    virtual QString decimal(const QString &whole, QStringView fraction) const = 0;
    virtual QStringView minus() const = 0;
    virtual QString ordinal(QStringView digits) const = 0;
    virtual QString year(QStringView digits) const = 0;
    virtual QString date(const Date &d) const = 0;
    virtual QString clock(const Clock &c, const Context &ctx) const = 0;
    virtual QString percent(const QString &number, Kind kind) const = 0;
    virtual bool percentFirst() const = 0; // 百分之十到百分之二十, not ten to twenty percent
    virtual QString fraction(QStringView num, QStringView den) const = 0;
    virtual QString money(const Number &n, const Currency &c, QChar scale) const = 0;
    virtual QString measure(const Number &n, const Unit &u) const = 0;
    virtual QString unitName(const Unit &u) const = 0;
    virtual QString count(const Number &n, const Context &) const { return number(n); }
    virtual QStringView rangeWord() const = 0;
    virtual QStringView word(Word w) const = 0;
    virtual QString listItem(const QString &number) const = 0;
    virtual QString numbered(const QString &number) const = 0;

    QString cardinal(QStringView digits) const
    {
        const QStringView d = withoutLeadingZeros(digits);
        if (d.isEmpty())
            return plainDigit(0);
        return d.size() > maxDigits() ? spelled(d) : cardinalWords(d);
    }
    QString cardinal(int v) const { return cardinal(QString::number(v)); }
    QString number(const Number &n) const
    {
        const QString whole = cardinal(n.whole);
        return cat({n.negative ? minus() : QStringView(),
                    n.integer() ? QStringView(whole) : QStringView(decimal(whole, n.fraction))});
    }
    QString spelled(QStringView digits) const
    {
        QStringList words;
        for (QChar c : digits)
            words << plainDigit(c.unicode() - u'0');
        return words.join(gap());
    }
    QString joined(const QStringList &words) const { return words.join(gap()); }
    // Characters one by one, a pause between the groups.
    QString code(QStringView chars, const QList<int> &groups) const
    {
        QStringList parts;
        qsizetype i = 0;
        for (int g : groups) {
            QStringList words;
            for (int k = 0; k < g && i < chars.size(); ++k)
                words << codeDigit(chars[i++]);
            parts << words.join(gap());
        }
        return parts.join(pause());
    }
    QString quantity(const Quantity &q, const Context &c) const
    {
        switch (q.kind) {
        case Kind::Plain:
            return count(q.n, c);
        case Kind::Measure:
            return measure(q.n, *q.unit);
        case Kind::Money:
            return money(q.n, *q.currency, q.scale);
        default:
            break;
        }
        Number above = q.n; // -2%: 负百分之二
        above.negative = false;
        return cat({q.n.negative ? minus() : QStringView(), percent(number(above), q.kind)});
    }
    // Two things with a separator between: 至 and 到 as written, a dash as 到 / to.
    QString through(const QString &from, QStringView sep, const QString &to) const
    {
        const bool written = sep.size() == 1 && isHan(sep[0]);
        return cat({from, written ? sep : rangeWord(), to});
    }
    QString range(const Quantity &l, const Quantity &r, const Context &c, QStringView sep) const
    {
        const Kind pk = isPercent(r.kind) ? r.kind : l.kind;
        QString from;
        if (isPercent(pk)) {
            from = percentFirst() ? percent(number(l.n), pk) : number(l.n);
        } else {
            // The left end reads as the right one does: 两到三个, 二零二零到二零二五年.
            Context lc = c;
            if (r.unit)
                lc.after = QStringView(r.unit->zh);
            else if (r.currency)
                lc.after = QStringView(r.currency->zh);
            from = count(l.n, lc);
        }
        return through(from, sep, quantity(r, c));
    }
};

// ---------------------------------------------------------------- Chinese

class ChineseVoice final : public Voice
{
public:
    Lang language() const override { return Lang::Chinese; }
    QString plainDigit(int d) const override { return QString(QChar(u"零一二三四五六七八九"[d])); }
    QString codeDigit(QChar c) const override
    {
        return c == u'1' ? QStringLiteral("幺") : Voice::codeDigit(c);
    }
    QStringView letterX() const override { return u"叉"; }
    QStringView gap() const override { return {}; }
    QStringView pause() const override { return u"，"; }
    qsizetype maxDigits() const override { return 16; }
    QString cardinalWords(QStringView digits) const override;
    QString decimal(const QString &whole, QStringView fraction) const override
    {
        return cat({whole, u"点", spelled(fraction)});
    }
    QStringView minus() const override { return u"负"; }
    QString ordinal(QStringView digits) const override { return cat({u"第", cardinal(digits)}); }
    QString year(QStringView digits) const override { return spelled(digits); }
    QString date(const Date &d) const override
    {
        return cat({year(d.year), u"年", cardinal(d.month), u"月",
                    d.day ? cat({cardinal(d.day), u"日"}) : QString()});
    }
    QString clock(const Clock &c, const Context &) const override;
    QString percent(const QString &number, Kind kind) const override
    {
        const QStringView head = kind == Kind::PerMille         ? u"千分之"
                                 : kind == Kind::PerTenThousand ? u"万分之"
                                                                : u"百分之";
        return cat({head, number});
    }
    bool percentFirst() const override { return true; }
    QString fraction(QStringView num, QStringView den) const override
    {
        return cat({cardinal(den), u"分之", cardinal(num)});
    }
    QString money(const Number &n, const Currency &c, QChar scale) const override;
    QString measure(const Number &n, const Unit &u) const override
    {
        const QStringView name(u.zh);
        if (n.negative && name == u"摄氏度") {
            Number above = n;
            above.negative = false;
            return cat({u"零下", number(above), name});
        }
        return cat({count(n, Context{{}, name, false}), name});
    }
    QString unitName(const Unit &u) const override { return QString::fromUtf16(u.zh); }
    QString count(const Number &n, const Context &c) const override;
    QStringView rangeWord() const override { return u"到"; }
    QStringView word(Word w) const override
    {
        static constexpr QStringView kWords[] = {u"加", u"乘", u"除以", u"等于", u"和", u"比"};
        return kWords[int(w)];
    }
    QString listItem(const QString &number) const override { return number + u'、'; }
    QString numbered(const QString &number) const override { return number + u'号'; }

private:
    QString section(int v, bool leading, bool scaled) const;
};

// One group of four digits (1–9999). `leading`: the first group of the number, where
// 十二 drops its 一 and a 2 before 千, 万 or 亿 is 两.
QString ChineseVoice::section(int v, bool leading, bool scaled) const
{
    static constexpr char16_t kPlaces[] = {0, u'十', u'百', u'千'};
    static constexpr int kPowers[] = {1, 10, 100, 1000};
    QString out;
    bool zero = false;
    for (int k = 3; k >= 0; --k) {
        const int d = v / kPowers[k] % 10;
        if (d == 0) {
            zero = !out.isEmpty();
            continue;
        }
        if (zero)
            out += u'零';
        zero = false;
        const bool first = leading && out.isEmpty();
        if (first && d == 2 && (k == 3 || (k == 0 && scaled)))
            out += u'两';
        else if (!(first && d == 1 && k == 1))
            out += plainDigit(d);
        if (k > 0)
            out += QChar(kPlaces[k]);
    }
    return out;
}

QString ChineseVoice::cardinalWords(QStringView digits) const
{
    static constexpr QStringView kScales[] = {u"", u"万", u"亿", u"万亿"};
    const QList<int> groups = groupsOf(digits, 4);
    QString out;
    bool skipped = false; // a group of zeros since the last words
    for (qsizetype i = 0; i < groups.size(); ++i) {
        const qsizetype scale = groups.size() - 1 - i;
        if (groups[i] == 0) {
            skipped = !out.isEmpty();
            continue;
        }
        if (!out.isEmpty() && (skipped || groups[i] < 1000))
            out += u'零';
        out += section(groups[i], i == 0, scale > 0);
        out += kScales[scale];
        skipped = false;
    }
    return out;
}

QString ChineseVoice::clock(const Clock &c, const Context &) const
{
    QString out = c.hour == 2 ? QStringLiteral("两") : cardinal(c.hour);
    out += u'点';
    if (c.minute > 0 || c.second > 0) {
        if (c.minute == 0 || c.minute >= 10)
            out += cardinal(c.minute);
        else
            out += cat({u"零", plainDigit(c.minute)});
        out += u'分';
    }
    if (c.second > 0)
        out += cat({cardinal(c.second), u"秒"});
    return out;
}

QString ChineseVoice::money(const Number &n, const Currency &c, QChar scale) const
{
    if (!scale.isNull())
        return cat({number(n), QStringView(&scale, 1), c.zh});
    const Minor m = minorOf(n);
    if (!c.yuan || !m.exact)
        return cat({number(c.yuan ? n : trimmed(n)), c.zh});
    const bool major = !withoutLeadingZeros(n.whole).isEmpty();
    QString out = n.negative ? QStringLiteral("负") : QString();
    if (major || m.value == 0)
        out += cat({count(Number{false, n.whole, {}, false}, Context{{}, u"元", false}), u"元"});
    if (m.value / 10)
        out += cat({plainDigit(m.value / 10), u"角"});
    if (m.value % 10)
        out += cat({major && m.value < 10 ? u"零" : u"", plainDigit(m.value % 10), u"分"});
    return out;
}

QString ChineseVoice::count(const Number &n, const Context &c) const
{
    if (!c.ordinal && n.integer() && !n.negative && n.whole.size() == 4 &&
        c.after.startsWith(u'年') && !c.after.startsWith(u"年级")) {
        const int y = valueOf(n.whole);
        if (y >= 1100 && y <= 2199)
            return year(n.whole);
    }
    if (!c.ordinal && n.is(u"2") && startsWithMeasure(c.after))
        return QStringLiteral("两");
    if (n.integer() && !n.negative && n.whole.size() == 2 && n.whole.endsWith(u'0') &&
        c.after.startsWith(u'后'))
        return spelled(n.whole); // 90后 九零后, the generation
    if (!n.integer() && startsWithCurrencyWord(c.after))
        return number(trimmed(n));
    return number(n);
}

// ---------------------------------------------------------------- English and Uyghur

// The number words of a language that counts in thousands.
struct WesternNumerals
{
    std::array<QStringView, 10> units;
    std::array<QStringView, 10> teens; // 10–19; empty: ten and a unit
    std::array<QStringView, 10> tens;
    QStringView tensJoin;
    QStringView hundred;
    std::array<QStringView, 5> scales;
    qsizetype maxDigits;
};

class WesternVoice : public Voice
{
public:
    explicit WesternVoice(const WesternNumerals &t) : m_t(t) {}
    QString plainDigit(int d) const override { return m_t.units[d].toString(); }
    QStringView gap() const override { return u" "; }
    qsizetype maxDigits() const override { return m_t.maxDigits; }
    QString cardinalWords(QStringView digits) const override
    {
        const QList<int> groups = groupsOf(digits, 3);
        QStringList words;
        for (qsizetype i = 0; i < groups.size(); ++i) {
            if (groups[i] == 0)
                continue;
            words << belowThousand(groups[i]);
            if (const qsizetype scale = groups.size() - 1 - i)
                words << m_t.scales[scale].toString();
        }
        return words.join(u' ');
    }
    QString measure(const Number &n, const Unit &u) const override
    {
        return cat({number(n), u" ", n.is(u"1") ? unitOne(u) : unitName(u)});
    }

protected:
    virtual QString unitOne(const Unit &u) const { return unitName(u); }

private:
    QString belowThousand(int v) const
    {
        QStringList words;
        if (v >= 100)
            words << m_t.units[v / 100].toString() << m_t.hundred.toString();
        const int r = v % 100;
        if (r >= 10 && r < 20 && !m_t.teens[r - 10].isEmpty())
            words << m_t.teens[r - 10].toString();
        else if (r >= 10)
            words << (r % 10 ? cat({m_t.tens[r / 10], m_t.tensJoin, m_t.units[r % 10]})
                             : m_t.tens[r / 10].toString());
        else if (r > 0)
            words << m_t.units[r].toString();
        return words.join(u' ');
    }

    const WesternNumerals &m_t;
};

constexpr WesternNumerals kEnglish{
    {u"zero", u"one", u"two", u"three", u"four", u"five", u"six", u"seven", u"eight", u"nine"},
    {u"ten", u"eleven", u"twelve", u"thirteen", u"fourteen", u"fifteen", u"sixteen", u"seventeen",
     u"eighteen", u"nineteen"},
    {u"", u"ten", u"twenty", u"thirty", u"forty", u"fifty", u"sixty", u"seventy", u"eighty",
     u"ninety"},
    u"-",
    u"hundred",
    {u"", u"thousand", u"million", u"billion", u"trillion"},
    15};

constexpr QStringView kMonths[] = {u"January",   u"February", u"March",    u"April",
                                   u"May",       u"June",     u"July",     u"August",
                                   u"September", u"October",  u"November", u"December"};
int monthNumber(QStringView word)
{
    for (int i = 0; i < 12; ++i)
        if (word.compare(kMonths[i], Qt::CaseInsensitive) == 0)
            return i + 1;
    return 0;
}

// The Latin word that ends `text` (spaces after it skipped); empty if something else does.
QStringView lastWord(QStringView text)
{
    text = text.trimmed();
    qsizetype i = text.size();
    while (i > 0 && isLatin(text[i - 1]))
        --i;
    return text.mid(i);
}

class EnglishVoice final : public WesternVoice
{
public:
    EnglishVoice() : WesternVoice(kEnglish) {}
    Lang language() const override { return Lang::English; }
    QStringView letterX() const override { return u"X"; }
    QStringView pause() const override { return u", "; }
    QString decimal(const QString &whole, QStringView fraction) const override
    {
        return cat({whole, u" point ", spelled(fraction)});
    }
    QStringView minus() const override { return u"minus "; }
    QString ordinal(QStringView digits) const override;
    QString year(QStringView digits) const override;
    QString date(const Date &d) const override
    {
        QString out = kMonths[d.month - 1].toString();
        if (d.day)
            out += cat({u" ", ordinal(QString::number(d.day))});
        if (!d.year.isEmpty())
            out += cat({d.day ? u", " : u" ", year(d.year)});
        return out;
    }
    QString clock(const Clock &c, const Context &) const override;
    QString percent(const QString &number, Kind kind) const override
    {
        const QStringView tail = kind == Kind::PerMille         ? u" per mille"
                                 : kind == Kind::PerTenThousand ? u" per ten thousand"
                                                                : u" percent";
        return cat({number, tail});
    }
    bool percentFirst() const override { return false; }
    QString fraction(QStringView num, QStringView den) const override;
    QString money(const Number &n, const Currency &c, QChar scale) const override;
    QString unitName(const Unit &u) const override { return QString::fromUtf16(u.enPlural); }
    QString count(const Number &n, const Context &c) const override;
    QStringView rangeWord() const override { return u" to "; }
    QStringView word(Word w) const override
    {
        static constexpr QStringView kWords[] = {u"plus",   u"times", u"divided by",
                                                 u"equals", u"and",   u"to"};
        return kWords[int(w)];
    }
    QString listItem(const QString &number) const override { return number + u','; }
    QString numbered(const QString &number) const override { return cat({u"number ", number}); }

protected:
    QString unitOne(const Unit &u) const override { return QString::fromUtf16(u.en); }
};

QString EnglishVoice::ordinal(QStringView digits) const
{
    static constexpr std::pair<QStringView, QStringView> kIrregular[] = {
        {u"one", u"first"},    {u"two", u"second"}, {u"three", u"third"},   {u"five", u"fifth"},
        {u"eight", u"eighth"}, {u"nine", u"ninth"}, {u"twelve", u"twelfth"}};
    const QString words = cardinal(digits);
    const qsizetype cut = std::max(words.lastIndexOf(u' '), words.lastIndexOf(u'-')) + 1;
    const QStringView head = QStringView(words).left(cut), last = QStringView(words).mid(cut);
    for (const auto &[plain, nth] : kIrregular)
        if (last == plain)
            return cat({head, nth});
    if (last.endsWith(u'y'))
        return cat({head, last.chopped(1), u"ieth"});
    return cat({head, last, u"th"});
}

QString EnglishVoice::year(QStringView digits) const
{
    const int y = valueOf(digits);
    if (digits.size() != 4 || y < 1000)
        return cardinal(digits);
    const int hi = y / 100, lo = y % 100;
    if (hi % 10 == 0 && lo < 10) // 2000, 2005: two thousand five
        return cardinal(digits);
    if (lo == 0)
        return cat({cardinal(hi), u" hundred"});
    return cat({cardinal(hi), u" ", lo < 10 ? cat({u"oh ", plainDigit(lo)}) : cardinal(lo)});
}

QString EnglishVoice::clock(const Clock &c, const Context &) const
{
    if (c.hour % 24 == 0 && c.minute == 0 && c.second <= 0)
        return QStringLiteral("midnight");
    const QStringView suffix = c.hour > 12 ? u"p.m." : c.hour == 0 ? u"a.m." : u"";
    QStringList words{cardinal(c.hour % 12 ? c.hour % 12 : 12)};
    if (c.minute == 0 && suffix.isEmpty())
        words << QStringLiteral("o'clock");
    else if (c.minute > 0 && c.minute < 10)
        words << QStringLiteral("oh") << plainDigit(c.minute);
    else if (c.minute >= 10)
        words << cardinal(c.minute);
    if (!suffix.isEmpty())
        words << suffix.toString();
    if (c.second > 0)
        words << QStringLiteral("and") << cardinal(c.second)
              << (c.second == 1 ? QStringLiteral("second") : QStringLiteral("seconds"));
    return words.join(u' ');
}

QString EnglishVoice::fraction(QStringView num, QStringView den) const
{
    const bool one = withoutLeadingZeros(num) == u"1";
    if (den == u"2")
        return cat({cardinal(num), one ? u" half" : u" halves"});
    const QString part = den == u"4" ? QStringLiteral("quarter") : ordinal(den);
    return cat({cardinal(num), u" ", part, one ? u"" : u"s"});
}

QString EnglishVoice::money(const Number &n, const Currency &c, QChar) const
{
    const Minor m = minorOf(n);
    if (!c.enMinor || !m.exact)
        return cat({number(c.enMinor ? n : trimmed(n)), u" ", c.enPlural});
    const QStringView major = withoutLeadingZeros(n.whole);
    QStringList parts;
    if (!major.isEmpty() || m.value == 0)
        parts << cat({cardinal(n.whole), u" ", major == u"1" ? c.en : c.enPlural});
    if (m.value)
        parts << cat({cardinal(m.value), u" ", m.value == 1 ? c.enMinor : c.enMinorPlural});
    return cat({n.negative ? minus() : QStringView(), parts.join(u" and ")});
}

// A four-digit number is a year where it stands alone, or after a word that dates it;
// "2000 people" and "Room 1205" are counts and names.
QString EnglishVoice::count(const Number &n, const Context &c) const
{
    static constexpr QStringView kYearWords[] = {
        u"in",   u"since",  u"from", u"until", u"till",    u"by",      u"before", u"after",
        u"year", u"during", u"of",   u"to",    u"through", u"between", u"and"};
    if (!n.integer() || n.negative || n.grouped || n.whole.size() > 4 || n.whole.startsWith(u'0'))
        return number(n);
    const QStringView prev = lastWord(c.before);
    const int v = valueOf(n.whole);
    if (monthNumber(prev) && n.whole.size() <= 2 && v >= 1 && v <= 31)
        return ordinal(n.whole);
    if (n.whole.size() != 4 || v < 1100 || v > 2099)
        return number(n);
    const bool dated =
        monthNumber(prev) ||
        std::any_of(std::begin(kYearWords), std::end(kYearWords),
                    [prev](QStringView w) { return prev.compare(w, Qt::CaseInsensitive) == 0; });
    const QStringView next = c.after.trimmed();
    const bool alone = prev.isEmpty() && (next.isEmpty() || !isWordChar(next[0]));
    return dated || alone ? year(n.whole) : number(n);
}

constexpr WesternNumerals kUyghur{
    {u"نۆل", u"بىر", u"ئىككى", u"ئۈچ", u"تۆت", u"بەش", u"ئالتە", u"يەتتە", u"سەككىز", u"توققۇز"},
    {},
    {u"", u"ئون", u"يىگىرمە", u"ئوتتۇز", u"قىرىق", u"ئەللىك", u"ئاتمىش", u"يەتمىش", u"سەكسەن",
     u"توقسان"},
    u" ",
    u"يۈز",
    {u"", u"مىڭ", u"مىليون", u"مىليارد", u""},
    12};

// Uyghur suffixes go on the last word of a number: a ى-final word takes the suffix as is,
// an ە-final one drops the ە, others take the connecting ى.
QString uyghurSuffixed(const QString &words, QStringView afterI, QStringView afterConsonant)
{
    if (words.endsWith(u'ى'))
        return cat({words, afterI});
    if (words.endsWith(u'ە'))
        return cat({QStringView(words).chopped(1), u"ى", afterI});
    return cat({words, afterConsonant});
}
// "out of": the ablative, تىن after a voiceless consonant.
QString uyghurAblative(const QString &words)
{
    if (!words.isEmpty() && QStringView(u"تچشقكسپفخھ").contains(words.back()))
        return cat({words, u"تىن"});
    return uyghurSuffixed(words, u"دىن", u"دىن");
}

class UyghurVoice final : public WesternVoice
{
public:
    UyghurVoice() : WesternVoice(kUyghur) {}
    Lang language() const override { return Lang::Uyghur; }
    QStringView letterX() const override { return u"ئىكس"; }
    QStringView pause() const override { return u"، "; }
    // Decimals as a whole and parts of ten, a hundred, ...: ئۈچ پۈتۈن يۈزدىن ئون تۆت.
    QString decimal(const QString &whole, QStringView fraction) const override
    {
        static constexpr QStringView kParts[] = {u"ئوندىن",     u"يۈزدىن",     u"مىڭدىن",
                                                 u"ئون مىڭدىن", u"يۈز مىڭدىن", u"مىليوندىن"};
        if (fraction.size() > 6)
            return cat({whole, u" پۈتۈن ", spelled(fraction)});
        return cat({whole, u" پۈتۈن ", kParts[fraction.size() - 1], u" ", cardinal(fraction)});
    }
    QStringView minus() const override { return u"مىنۇس "; }
    QString ordinal(QStringView digits) const override
    {
        return uyghurSuffixed(cardinal(digits), u"نچى", u"ىنچى");
    }
    QString year(QStringView digits) const override { return cardinal(digits); }
    QString date(const Date &d) const override
    {
        QString out = cat({ordinal(d.year), u" يىلى ", ordinal(QString::number(d.month))});
        if (!d.day)
            return cat({out, u" ئاي"});
        return cat({out, u" ئاينىڭ ", ordinal(QString::number(d.day)), u" كۈنى"});
    }
    QString clock(const Clock &c, const Context &ctx) const override
    {
        QStringList words;
        if (!ctx.before.trimmed().endsWith(u"سائەت"))
            words << QStringLiteral("سائەت");
        words << cardinal(c.hour);
        if (c.minute > 0 && c.minute < 10)
            words << plainDigit(0) << plainDigit(c.minute);
        else if (c.minute >= 10)
            words << cardinal(c.minute);
        if (c.second > 0)
            words << cardinal(c.second) << QStringLiteral("سېكۇنت");
        return words.join(u' ');
    }
    QString percent(const QString &number, Kind kind) const override
    {
        if (kind == Kind::Percent)
            return cat({number, u" پىرسەنت"});
        return cat({kind == Kind::PerMille ? u"مىڭدە " : u"ئون مىڭدە ", number});
    }
    bool percentFirst() const override { return false; }
    QString fraction(QStringView num, QStringView den) const override
    {
        return cat({uyghurAblative(cardinal(den)), u" ", cardinal(num)});
    }
    QString money(const Number &n, const Currency &c, QChar scale) const override;
    QString unitName(const Unit &u) const override { return QString::fromUtf16(u.ug); }
    QStringView rangeWord() const override { return u" - "; }
    QStringView word(Word w) const override
    {
        static constexpr QStringView kWords[] = {u"قوشۇش", u"كۆپەيتىش", u"بۆلۈش",
                                                 u"تەڭ",   u"ۋە",       u":"};
        return kWords[int(w)];
    }
    QString listItem(const QString &number) const override { return number + u'،'; }
    QString numbered(const QString &number) const override { return cat({u"نومۇر ", number}); }
};

QString UyghurVoice::money(const Number &n, const Currency &c, QChar) const
{
    const Minor m = minorOf(n);
    if (!m.exact)
        return cat({number(n), u" ", c.ug});
    const bool major = !withoutLeadingZeros(n.whole).isEmpty();
    QStringList parts;
    if (n.negative)
        parts << minus().trimmed().toString();
    if (major || m.value == 0)
        parts << cardinal(n.whole) << QString::fromUtf16(c.ug);
    if (c.yuan) {
        if (m.value / 10)
            parts << plainDigit(m.value / 10) << QStringLiteral("مو");
        if (m.value % 10)
            parts << plainDigit(m.value % 10) << QStringLiteral("پۇڭ");
    } else if (m.value) {
        parts << cardinal(m.value) << QString::fromUtf16(c.ugMinor);
    }
    return parts.join(u' ');
}

const Voice &voiceFor(Lang language)
{
    static const ChineseVoice zh;
    static const EnglishVoice en;
    static const UyghurVoice ug;
    switch (language) {
    case Lang::English:
        return en;
    case Lang::Uyghur:
        return ug;
    case Lang::Chinese:
        break;
    }
    return zh;
}

// ------------------------------------------------------------------ what is said

bool isOpening(QChar c)
{
    return QStringView(u"([{“‘《「『【〔（〈«").contains(c);
}

// Collects what is said in segments of one language. Punctuation between two languages
// stays with what it belongs to: opening brackets and quotes with what follows, the
// rest (a comma, a full stop) with what came before, whose voice pauses at it.
class Speech
{
public:
    explicit Speech(Lang main) : m_main(main) {}
    // Words a rule made: kept apart from the words beside them.
    void say(Lang lang, QStringView text) { add(lang, text, true); }
    // The display text as written.
    void copy(Lang lang, QStringView text) { add(lang, text, false); }
    void neutral(QStringView text) { m_pending += text; }
    Lang last() const { return m_segments.isEmpty() ? m_main : m_segments.last().language; }
    // A line break: a pause in the language just spoken, unless punctuation ends it.
    void pause()
    {
        if (m_segments.isEmpty()) {
            m_pending.clear();
            return;
        }
        QString &t = m_segments.last().text;
        t += m_pending;
        while (t.endsWith(u' '))
            t.chop(1);
        if (!t.isEmpty() && !t.back().isPunct())
            t += voiceFor(m_segments.last().language).pause().trimmed();
        m_pending = QStringLiteral(" ");
    }
    QList<SpokenSegment> finish(qsizetype budget);

private:
    void add(Lang lang, QStringView text, bool spaced);

    Lang m_main;
    QList<SpokenSegment> m_segments;
    QString m_pending;
};

void Speech::add(Lang lang, QStringView text, bool spaced)
{
    if (text.isEmpty())
        return;
    if (m_segments.isEmpty() || m_segments.last().language != lang) {
        const auto open = std::find_if(m_pending.cbegin(), m_pending.cend(), isOpening);
        const qsizetype cut = m_segments.isEmpty() ? 0 : open - m_pending.cbegin();
        if (cut > 0)
            m_segments.last().text += QStringView(m_pending).left(cut);
        m_segments.append({m_pending.mid(cut), lang});
    } else {
        m_segments.last().text += m_pending;
    }
    m_pending.clear();
    QString &t = m_segments.last().text;
    if (spaced && lang != Lang::Chinese && !t.isEmpty() && isWordChar(t.back()) &&
        isWordChar(text.front()))
        t += u' ';
    t += text;
}

// Runs of spaces made one, none at the ends. In Chinese none beside Chinese characters
// or punctuation (the voice ignores them), and ASCII clause punctuation made full-width:
// the Chinese voice pauses at 你好，世界 but not at 你好,世界.
QString tidy(QStringView t, Lang lang)
{
    static constexpr QStringView kAscii = u",.!?;:", kFull = u"，。！？；：";
    QString out;
    out.reserve(t.size());
    bool space = false;
    for (QChar c : t) {
        if (c == u' ') {
            space = true;
            continue;
        }
        if (const qsizetype k = kAscii.indexOf(c); lang == Lang::Chinese && k >= 0)
            c = kFull[k];
        if (space && !out.isEmpty() && !(lang == Lang::Chinese && (isCjk(out.back()) || isCjk(c))))
            out += u' ';
        space = false;
        out += c;
    }
    return out;
}

// The guard for the synthesiser: what would pass the budget is cut off.
void bound(QList<SpokenSegment> &segments, qsizetype budget)
{
    qsizetype used = 0;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const qsizetype separator = i > 0 ? 1 : 0;
        QString &t = segments[i].text;
        if (used + separator + t.size() <= budget) {
            used += separator + t.size();
            continue;
        }
        qsizetype room = std::max<qsizetype>(0, budget - used - separator);
        if (room > 0 && t[room - 1].isHighSurrogate())
            --room;
        t = tidy(QStringView(t).left(room), segments[i].language);
        segments.resize(t.isEmpty() ? i : i + 1);
        return;
    }
}

QList<SpokenSegment> Speech::finish(qsizetype budget)
{
    if (!m_segments.isEmpty())
        m_segments.last().text += m_pending;
    QList<SpokenSegment> out;
    for (const SpokenSegment &s : std::as_const(m_segments)) {
        const QString t = tidy(s.text, s.language);
        if (t.isEmpty())
            continue;
        if (!out.isEmpty() && out.last().language == s.language) {
            // Only where a stretch of nothing but spaces fell out between them.
            QString &joined = out.last().text;
            if (s.language != Lang::Chinese || !(isCjk(joined.back()) || isCjk(t.front())))
                joined += u' ';
            joined += t;
        } else {
            out.append({t, s.language});
        }
    }
    bound(out, budget);
    return out;
}

// ------------------------------------------------------------------ the rules

// Letters said one by one: an abbreviation. See spokentext.h for the rule.
bool spelledOut(QStringView w, Lang main)
{
    static constexpr QStringView kCapsWords[] = {
        u"AN",  u"AND", u"ARE", u"AS",  u"AT",  u"BE",  u"BUT", u"BY",  u"DO",  u"FOR",
        u"GO",  u"HE",  u"HOW", u"IF",  u"IN",  u"IS",  u"ME",  u"MY",  u"NO",  u"NOT",
        u"NOW", u"OF",  u"OK",  u"ON",  u"OR",  u"OUR", u"OUT", u"SO",  u"THE", u"TO",
        u"UP",  u"WE",  u"WHO", u"YES", u"YOU", u"ALL", u"ANY", u"CAN", u"GET", u"HAS",
        u"NEW", u"OFF", u"ONE", u"PAY", u"SEE", u"TWO", u"USE", u"WAY", u"WHY", u"BUY",
        u"MAP", u"END", u"TOP", u"KEY", u"ADD", u"BOX"};
    if (w.size() < 2)
        return false;
    const bool caps = std::all_of(w.begin(), w.end(), isUpper);
    const bool vowel = std::any_of(w.begin(), w.end(),
                                   [](QChar c) { return QStringView(u"AEIOUaeiou").contains(c); });
    if (caps && (w.size() <= 3 || (!vowel && w.size() <= 6))) {
        return main != Lang::English || std::none_of(std::begin(kCapsWords), std::end(kCapsWords),
                                                     [w](QStringView k) { return k == w; });
    }
    return main != Lang::English && w.size() <= 3;
}

// Latin labels of Chinese screens that people read in Chinese (Tel：0991-…).
QStringView chineseFor(QStringView w)
{
    static constexpr std::pair<QStringView, QStringView> kLabels[] = {
        {u"Tel", u"电话"}, {u"TEL", u"电话"}, {u"tel", u"电话"},
        {u"Fax", u"传真"}, {u"FAX", u"传真"}, {u"fax", u"传真"}};
    for (const auto &[latin, chinese] : kLabels)
        if (w == latin)
            return chinese;
    return {};
}

QString spelledLetters(QStringView w)
{
    QString out;
    for (QChar c : w) {
        if (!out.isEmpty())
            out += u'-';
        out += c.toUpper();
    }
    return out;
}

// ①–⑳, ⑴–⒇, ⒈–⒛, ❶–❿: their number, or 0.
int circledValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= 0x2460 && u <= 0x249B)
        return (u - 0x2460) % 20 + 1;
    if (u >= 0x2776 && u <= 0x277F)
        return u - 0x2776 + 1;
    return 0;
}

bool isClosing(QChar c)
{
    return c == u')' || c == u'）';
}

// Numbers read one by one after these: phones, codes.
constexpr QStringView kCodeWords[] = {
    u"电话",  u"热线",  u"拨打", u"致电", u"传真", u"手机",   u"号码", u"手机号", u"咨询", u"联系",
    u"客服",  u"邮编",  u"账号", u"卡号", u"编号", u"验证码", u"Tel",  u"TEL",    u"tel",  u"Phone",
    u"phone", u"PHONE", u"Fax",  u"FAX",  u"fax",  u"call",   u"Call", u"تېلېفون"};
// Short numbers people say digit by digit: emergency and public service lines.
constexpr QStringView kServiceNumbers[] = {
    u"110",   u"119",   u"120",   u"122",   u"12110", u"12306", u"12315",
    u"12318", u"12320", u"12321", u"12328", u"12333", u"12338", u"12345",
    u"12348", u"12351", u"12355", u"12358", u"12365", u"12366", u"12368",
    u"12369", u"12380", u"12388", u"12390", u"95119", u"95598", u"96110"};

// Digit runs as written with single separators between, at most four of them.
struct DigitGroups
{
    QString digits;
    QList<int> sizes;
    QChar separator;
    qsizetype end = -1;
};

class Normaliser
{
public:
    Normaliser(QStringView text, Lang main);
    QList<SpokenSegment> run(qsizetype budget);

private:
    QChar at(qsizetype i) const { return i >= 0 && i < m_s.size() ? m_s[i] : QChar(); }
    qsizetype digitsAt(qsizetype i) const { return i >= 0 && i < m_s.size() ? m_digits[i] : 0; }
    qsizetype lettersAt(qsizetype i) const { return i >= 0 && i < m_s.size() ? m_letters[i] : 0; }
    QStringView mid(qsizetype i, qsizetype n) const { return QStringView(m_s).mid(i, n); }
    int valueAt(qsizetype i, qsizetype n) const { return valueOf(mid(i, n)); }
    const Voice &voiceAt(qsizetype begin, qsizetype end) const;
    Context contextOf(qsizetype begin, qsizetype end) const;
    void say(const Voice &v, const QString &text) { m_out.say(v.language(), text); }
    bool sayAndSkip(const Voice &v, const QString &text, qsizetype end)
    {
        say(v, text);
        m_pos = end;
        return true;
    }

    void step();
    bool atItemStart() const;
    bool listItem();
    bool numeric();
    bool idNumber(const Voice &v);
    bool phone(const Voice &v);
    template <typename Thing, typename Match, typename Said>
    bool spanned(const Voice &v, Match match, Said said);
    bool date(const Voice &v);
    bool clock(const Voice &v);
    bool ratio(const Voice &v);
    bool fraction(const Voice &v);
    bool uyghurOrdinal(const Voice &v);
    bool englishOrdinal(const Voice &v);
    bool quantity(const Voice &v);
    bool documentYear(const Voice &v);
    bool numberedAt(qsizetype p);
    bool latinWord();
    bool symbol();
    bool slash(const Voice &v);
    void plain();

    DigitGroups runsAt(qsizetype i) const;
    std::optional<DigitGroups> phoneAt(qsizetype i, bool afterCountryCode) const;
    std::optional<DigitGroups> singlePhone(const DigitGroups &g, qsizetype i,
                                           bool afterCountryCode) const;
    std::optional<DigitGroups> bracketedAreaAt(qsizetype i) const;
    bool codeWordBefore(qsizetype i) const;
    bool countsSomething(qsizetype end) const;
    bool dateAt(qsizetype i, Date &d, qsizetype &end) const;
    bool clockAt(qsizetype i, Clock &c, qsizetype &end) const;
    qsizetype rangeSepAt(qsizetype i, QStringView &sep) const;
    qsizetype numberAt(qsizetype i, Number &n) const;
    std::optional<Quantity> quantityAt(qsizetype i, const Voice &v, bool allowSign) const;
    qsizetype suffixAt(qsizetype i, const Voice &v, Quantity &q) const;
    const Unit *unitAt(qsizetype i, qsizetype &end) const;

    QString m_s;
    Lang m_main;
    Speech m_out;
    qsizetype m_pos = 0;
    QList<int> m_digits, m_letters; // length of the ASCII digit / letter run starting here
};

Normaliser::Normaliser(QStringView text, Lang main)
    : m_s(sanitised(text)), m_main(main), m_out(main)
{
    const qsizetype n = m_s.size();
    m_digits.resize(n + 1);
    m_letters.resize(n + 1);
    for (qsizetype i = n - 1; i >= 0; --i) {
        m_digits[i] = isDigit(m_s[i]) ? m_digits[i + 1] + 1 : 0;
        m_letters[i] = isLatin(m_s[i]) ? m_letters[i + 1] + 1 : 0;
    }
}

QList<SpokenSegment> Normaliser::run(qsizetype budget)
{
    while (m_pos < m_s.size()) {
        const qsizetype from = m_pos;
        step();
        if (m_pos <= from) // every rule moves on; this keeps a slip from looping
            m_pos = from + 1;
    }
    return m_out.finish(budget);
}

void Normaliser::step()
{
    if (at(m_pos) == u'\n') {
        m_out.pause();
        ++m_pos;
        return;
    }
    if (listItem() || numeric() || latinWord() || symbol())
        return;
    plain();
}

// Numbers beside Chinese characters in English or Uyghur text are read in Chinese (3号).
const Voice &Normaliser::voiceAt(qsizetype begin, qsizetype end) const
{
    if (m_main != Lang::Chinese && (isHan(at(begin - 1)) || isHan(at(end))))
        return voiceFor(Lang::Chinese);
    return voiceFor(m_main);
}

Context Normaliser::contextOf(qsizetype begin, qsizetype end) const
{
    const qsizetype from = std::max<qsizetype>(0, begin - 16);
    Context c{mid(from, begin - from), mid(end, 8), false};
    qsizetype p = begin - 1;
    while (p >= from && at(p) == u' ')
        --p;
    c.ordinal = at(p) == u'第';
    return c;
}

bool Normaliser::atItemStart() const
{
    qsizetype p = m_pos;
    for (int k = 0; k < 8 && at(p - 1) == u' '; ++k)
        --p;
    return p == 0 || QStringView(u"\n。！？；：!?;:").contains(at(p - 1));
}

// 1. 1、 (1) （一） ① at the start of a line or sentence: 一、
bool Normaliser::listItem()
{
    const QChar c = at(m_pos);
    if (!(isDigit(c) || c == u'(' || c == u'（' || circledValue(c)) || !atItemStart())
        return false;
    const Voice &v = voiceFor(m_main);
    if (isDigit(c)) {
        const qsizetype n = digitsAt(m_pos);
        const QChar mark = at(m_pos + n);
        if (n > 2 || !(mark == u'、' || (mark == u'.' && !isDigit(at(m_pos + n + 1)))))
            return false;
        return sayAndSkip(v, v.listItem(v.cardinal(mid(m_pos, n))), m_pos + n + 1);
    }
    if (const int value = circledValue(c))
        return sayAndSkip(v, v.listItem(v.cardinal(value)), m_pos + 1);
    const qsizetype n = digitsAt(m_pos + 1);
    if (n >= 1 && n <= 2 && isClosing(at(m_pos + 1 + n)))
        return sayAndSkip(v, v.listItem(v.cardinal(mid(m_pos + 1, n))), m_pos + n + 2);
    qsizetype k = 0;
    while (k < 3 && QStringView(u"一二三四五六七八九十").contains(at(m_pos + 1 + k)))
        ++k;
    if (v.language() != Lang::Chinese || k == 0 || !isClosing(at(m_pos + 1 + k)))
        return false;
    return sayAndSkip(v, v.listItem(mid(m_pos + 1, k).toString()), m_pos + k + 2);
}

bool Normaliser::numeric()
{
    const QChar c = at(m_pos);
    const qsizetype first = isDigit(c) ? m_pos : m_pos + 1;
    const Voice &v = voiceAt(first, first + digitsAt(first));
    if (isDigit(c))
        return idNumber(v) || phone(v) || date(v) || clock(v) || ratio(v) || fraction(v) ||
               uyghurOrdinal(v) || englishOrdinal(v) || quantity(v);
    switch (c.unicode()) {
    case u'+':
        return phone(v);
    case u'(':
    case u'（':
        return phone(v) || documentYear(v);
    case u'〔':
    case u'[':
    case u'【':
    case u'［':
        return documentYear(v);
    case u'#':
        return numberedAt(m_pos + 1);
    case 0x2116:
        return numberedAt(at(m_pos + 1) == u' ' ? m_pos + 2 : m_pos + 1); // №
    default:
        break;
    }
    if (c == u'-' || c == u'%' || currencyOf(c))
        return quantity(v);
    if (const int value = circledValue(c))
        return sayAndSkip(v, v.cardinal(value), m_pos + 1);
    return false;
}

// 18 characters, the last maybe X, with a birth date where it belongs: 6-8-4.
bool Normaliser::idNumber(const Voice &v)
{
    const qsizetype n = digitsAt(m_pos);
    const QChar last = at(m_pos + 17);
    if (!(n == 18 || (n == 17 && (last == u'X' || last == u'x'))) || at(m_pos) == u'0' ||
        isLatin(at(m_pos - 1)) || isLatin(at(m_pos + 18)))
        return false;
    const int year = valueAt(m_pos + 6, 4), month = valueAt(m_pos + 10, 2),
              day = valueAt(m_pos + 12, 2);
    if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1 || day > 31)
        return false;
    return sayAndSkip(v, v.code(mid(m_pos, 18), {6, 8, 4}), m_pos + 18);
}

DigitGroups Normaliser::runsAt(qsizetype i) const
{
    DigitGroups g;
    for (int k = 0; k < 4; ++k) {
        const qsizetype n = digitsAt(i);
        if (n == 0 || n > 13)
            break;
        g.digits += mid(i, n);
        g.sizes.append(int(n));
        i += n;
        g.end = i;
        const QChar sep = at(i);
        if (!(sep == u'-' || sep == u' ') || (!g.separator.isNull() && sep != g.separator) ||
            !isDigit(at(i + 1)))
            break;
        g.separator = sep;
        ++i;
    }
    return g;
}

// The first `runs` runs of g, their digits and end.
DigitGroups firstRuns(const DigitGroups &g, qsizetype runs, const QList<qsizetype> &ends)
{
    DigitGroups h;
    h.sizes = g.sizes.first(runs);
    for (int s : std::as_const(h.sizes))
        h.digits += QStringView(g.digits).mid(h.digits.size(), s);
    h.separator = g.separator;
    h.end = ends[runs - 1];
    return h;
}

DigitGroups regrouped(DigitGroups g, QList<int> sizes)
{
    g.sizes = std::move(sizes);
    return g;
}

// A phone number written in groups: mobiles 3-4-4, landlines with an area code, 400/800
// and North American numbers 3-3-4; the longest reading first.
std::optional<DigitGroups> groupedPhone(const DigitGroups &all, const QList<qsizetype> &ends)
{
    for (qsizetype runs = std::min<qsizetype>(3, all.sizes.size()); runs >= 2; --runs) {
        const DigitGroups g = firstRuns(all, runs, ends);
        const QList<int> &s = g.sizes;
        const qsizetype local = g.digits.size() - s[0];
        if (s == QList<int>{3, 4, 4} && g.digits[0] == u'1' && g.digits[1] >= u'3')
            return g;
        if (g.digits[0] == u'0' && (s[0] == 3 || s[0] == 4) && (local == 7 || local == 8))
            return runs == 2 ? regrouped(g, {s[0], int(local) - 4, 4}) : g;
        if (s == QList<int>{3, 3, 4} && g.separator == u'-')
            return g;
    }
    return std::nullopt;
}

std::optional<DigitGroups> Normaliser::phoneAt(qsizetype i, bool afterCountryCode) const
{
    if (at(i) == u'(' || at(i) == u'（')
        return bracketedAreaAt(i);
    const DigitGroups all = runsAt(i);
    if (all.sizes.isEmpty())
        return std::nullopt;
    QList<qsizetype> ends;
    for (qsizetype p = i; int s : all.sizes) {
        p += s;
        ends.append(p);
        ++p;
    }
    if (std::optional<DigitGroups> grouped = groupedPhone(all, ends))
        return grouped;
    return singlePhone(firstRuns(all, 1, ends), i, afterCountryCode);
}

// A phone number or code in one run of digits: by its shape, by being a public service
// line, or by a word before it (电话, 编号, call).
std::optional<DigitGroups> Normaliser::singlePhone(const DigitGroups &g, qsizetype i,
                                                   bool afterCountryCode) const
{
    const auto with = regrouped;
    const qsizetype n = g.digits.size();
    if (n == 11 && g.digits[0] == u'1' && g.digits[1] >= u'3')
        return with(g, {3, 4, 4});
    if (n == 10 && (g.digits.startsWith(u"400") || g.digits.startsWith(u"800")))
        return with(g, {3, 3, 4});
    const QChar before = at(i - 1);
    const bool counted = before == u'第' || before == u'.' || before == u'-' ||
                         currencyOf(before) || countsSomething(g.end);
    if (n < 3 || n > 12)
        return std::nullopt;
    const bool called = codeWordBefore(i);
    // "110 people" counts; "call 12345 now" does not.
    const bool counting =
        counted || (!called && isLatin(at(at(g.end) == u' ' ? g.end + 1 : g.end)));
    if (!afterCountryCode && !counting && (n == 3 || n == 5) &&
        std::any_of(std::begin(kServiceNumbers), std::end(kServiceNumbers),
                    [&g](QStringView s) { return s == g.digits; }))
        return with(g, {int(n)});
    if (n >= 5 && (afterCountryCode || (called && !counted)))
        return with(g, n == 11  ? QList<int>{3, 4, 4}
                       : n == 8 ? QList<int>{4, 4}
                       : n == 7 ? QList<int>{3, 4}
                                : codeGroups(n));
    return std::nullopt;
}

// (0731)88889999: an area code in brackets, then the local number.
std::optional<DigitGroups> Normaliser::bracketedAreaAt(qsizetype i) const
{
    const qsizetype area = digitsAt(i + 1);
    if (at(i + 1) != u'0' || area < 3 || area > 4 || !isClosing(at(i + 1 + area)))
        return std::nullopt;
    qsizetype p = i + 2 + area;
    if (at(p) == u' ')
        ++p;
    const qsizetype local = digitsAt(p);
    if (local != 7 && local != 8)
        return std::nullopt;
    DigitGroups g;
    g.digits = cat({mid(i + 1, area), mid(p, local)});
    g.sizes = {int(area), int(local) - 4, 4};
    g.end = p + local;
    return g;
}

bool Normaliser::codeWordBefore(qsizetype i) const
{
    qsizetype p = i;
    for (int k = 0; k < 3 && QStringView(u" :：是为").contains(at(p - 1)); ++k)
        --p;
    const QStringView before = mid(std::max<qsizetype>(0, p - 6), std::min<qsizetype>(p, 6));
    return std::any_of(std::begin(kCodeWords), std::end(kCodeWords),
                       [before](QStringView w) { return before.endsWith(w); });
}

// 120人, 110米, 120元: a count, not the number to call.
bool Normaliser::countsSomething(qsizetype end) const
{
    qsizetype p = end;
    if (at(p) == u' ')
        ++p;
    const QChar c = at(p);
    qsizetype unitEnd = 0;
    if (c == u'%' || c == u'‰' || ((c == u'.' || c == u',') && isDigit(at(p + 1))) ||
        unitAt(end, unitEnd))
        return true;
    return startsWithMeasure(mid(p, 4)) || QStringView(u"年月日号多余元百").contains(c);
}

bool Normaliser::phone(const Voice &v)
{
    if (at(m_pos) != u'+') {
        const std::optional<DigitGroups> p = phoneAt(m_pos, false);
        return p && sayAndSkip(v, v.code(p->digits, p->sizes), p->end);
    }
    // +86 138…, +8613812345678
    qsizetype cc = digitsAt(m_pos + 1), local = m_pos + 2 + cc;
    if (cc == 13 && mid(m_pos + 1, 2) == u"86")
        cc = 2, local = m_pos + 3;
    else if (cc == 0 || cc > 3 || !(at(m_pos + 1 + cc) == u' ' || at(m_pos + 1 + cc) == u'-'))
        return false;
    const std::optional<DigitGroups> p = phoneAt(local, true);
    if (!p)
        return false;
    return sayAndSkip(v,
                      cat({v.word(Word::Plus), v.gap(), v.code(mid(m_pos + 1, cc), {int(cc)}),
                           v.pause(), v.code(p->digits, p->sizes)}),
                      p->end);
}

// 2024-03-05, 2024/3/5, 2024.3.5, 2024-03.
bool Normaliser::dateAt(qsizetype i, Date &d, qsizetype &end) const
{
    const QChar sep = at(i + 4);
    if (digitsAt(i) != 4 || !(sep == u'-' || sep == u'/' || sep == u'.'))
        return false;
    const qsizetype mn = digitsAt(i + 5);
    d = Date{mid(i, 4).toString(), valueAt(i + 5, mn), 0};
    const int year = valueOf(d.year);
    if (mn < 1 || mn > 2 || year < 1000 || year > 2999 || d.month < 1 || d.month > 12)
        return false;
    end = i + 5 + mn;
    const qsizetype dn = digitsAt(end + 1);
    if (at(end) == sep && dn >= 1 && dn <= 2) {
        d.day = valueAt(end + 1, dn);
        end += 1 + dn;
        if (d.day < 1 || d.day > 31)
            return false;
    } else if (sep != u'-' || mn != 2) {
        return false; // 2024.3 is a decimal, 2024/3 a fraction
    }
    return !(at(end) == sep && isDigit(at(end + 1)));
}

// One date or time, or two with a range sign between them (8:30-17:00).
template <typename Thing, typename Match, typename Said>
bool Normaliser::spanned(const Voice &v, Match match, Said said)
{
    Thing first, second;
    qsizetype end = 0, secondEnd = 0;
    if (!(this->*match)(m_pos, first, end))
        return false;
    const QString from = said(first, m_pos, end);
    QStringView sep;
    const qsizetype next = rangeSepAt(end, sep);
    if (next > 0 && (this->*match)(next, second, secondEnd))
        return sayAndSkip(v, v.through(from, sep, said(second, next, secondEnd)), secondEnd);
    return sayAndSkip(v, from, end);
}

bool Normaliser::date(const Voice &v)
{
    return spanned<Date>(v, &Normaliser::dateAt,
                         [&v](const Date &d, qsizetype, qsizetype) { return v.date(d); });
}

// 12:30, 9:05, 08:00:15.
bool Normaliser::clockAt(qsizetype i, Clock &c, qsizetype &end) const
{
    const auto colon = [this](qsizetype p) { return at(p) == u':' || at(p) == u'：'; };
    const qsizetype hn = digitsAt(i);
    if (hn < 1 || hn > 2 || !colon(i + hn) || digitsAt(i + hn + 1) != 2)
        return false;
    c = Clock{valueAt(i, hn), valueAt(i + hn + 1, 2), -1};
    end = i + hn + 3;
    if (colon(end) && digitsAt(end + 1) == 2) {
        c.second = valueAt(end + 1, 2);
        end += 3;
    }
    if (c.hour > 24 || c.minute > 59 || c.second > 59 ||
        (c.hour == 24 && (c.minute || c.second > 0)))
        return false;
    return !(colon(end) && isDigit(at(end + 1)));
}

bool Normaliser::clock(const Voice &v)
{
    return spanned<Clock>(v, &Normaliser::clockAt,
                          [this, &v](const Clock &c, qsizetype b, qsizetype e) {
                              return v.clock(c, contextOf(b, e));
                          });
}

// 3:1, 16:9 — two numbers with a colon that make no time.
bool Normaliser::ratio(const Voice &v)
{
    const qsizetype a = digitsAt(m_pos);
    const QChar colon = at(m_pos + a);
    const qsizetype b = digitsAt(m_pos + a + 1);
    const qsizetype end = m_pos + a + 1 + b;
    if (a > 4 || !(colon == u':' || colon == u'：') || b == 0 || b > 4 ||
        ((at(end) == u':' || at(end) == u'：') && isDigit(at(end + 1))))
        return false;
    return sayAndSkip(v,
                      v.joined({v.cardinal(mid(m_pos, a)), v.word(Word::Ratio).toString(),
                                v.cardinal(mid(m_pos + a + 1, b))}),
                      end);
}

// 1/2, 3/5: short terms, no leading zeros, not part of a longer slash chain.
bool Normaliser::fraction(const Voice &v)
{
    const qsizetype a = digitsAt(m_pos);
    const qsizetype b = digitsAt(m_pos + a + 1);
    const qsizetype end = m_pos + a + 1 + b;
    if (a > 3 || at(m_pos + a) != u'/' || at(m_pos) == u'0' || at(m_pos - 1) == u'/' || b == 0 ||
        b > 3 || at(m_pos + a + 1) == u'0' || (at(end) == u'/' && isDigit(at(end + 1))))
        return false;
    return sayAndSkip(v, v.fraction(mid(m_pos, a), mid(m_pos + a + 1, b)), end);
}

// Written Uyghur's ordinal: 2024-يىلى, 5 - كۈنى (the word at least two letters long).
bool Normaliser::uyghurOrdinal(const Voice &v)
{
    if (v.language() != Lang::Uyghur)
        return false;
    const qsizetype n = digitsAt(m_pos);
    qsizetype p = m_pos + n;
    if (at(p) == u' ')
        ++p;
    if (at(p) != u'-')
        return false;
    ++p;
    if (at(p) == u' ')
        ++p;
    if (!isArabicLetter(at(p)) || !isArabicLetter(at(p + 1)))
        return false;
    say(v, v.ordinal(mid(m_pos, n)));
    m_out.neutral(u" ");
    m_pos = p;
    return true;
}

// 1st, 22nd, 3rd, 4th.
bool Normaliser::englishOrdinal(const Voice &v)
{
    const qsizetype n = digitsAt(m_pos);
    const QStringView tail = mid(m_pos + n, 2);
    if (lettersAt(m_pos + n) != 2 || !(tail.compare(u"st", Qt::CaseInsensitive) == 0 ||
                                       tail.compare(u"nd", Qt::CaseInsensitive) == 0 ||
                                       tail.compare(u"rd", Qt::CaseInsensitive) == 0 ||
                                       tail.compare(u"th", Qt::CaseInsensitive) == 0))
        return false;
    return sayAndSkip(v, v.ordinal(mid(m_pos, n)), m_pos + n + 2);
}

qsizetype Normaliser::numberAt(qsizetype i, Number &n) const
{
    const qsizetype run = digitsAt(i);
    n.whole = mid(i, run).toString();
    i += run;
    // Thousands separators only where every group after the first has three digits.
    while (run <= 3 && (at(i) == u',' || at(i) == u'،') && digitsAt(i + 1) == 3) {
        n.whole += mid(i + 1, 3);
        n.grouped = true;
        i += 4;
    }
    if (at(i) == u'.' && isDigit(at(i + 1))) {
        n.fraction = mid(i + 1, digitsAt(i + 1)).toString();
        i += 1 + n.fraction.size();
    }
    return i;
}

const Unit *Normaliser::unitAt(qsizetype i, qsizetype &end) const
{
    for (const bool spaced : {false, true}) {
        if (spaced && at(i) != u' ')
            break;
        const qsizetype p = spaced ? i + 1 : i;
        for (const Unit &u : kUnits) {
            const QStringView sym = u.symbol;
            const qsizetype e = p + sym.size();
            if (sym[0] != at(p) || mid(p, sym.size()) != sym ||
                (isLatin(sym.back()) && isLatin(at(e))) ||
                (isDigit(sym.back()) && isDigit(at(e))) ||
                (spaced && sym.size() == 1 && isLatin(sym[0])))
                continue;
            end = e;
            return &u;
        }
    }
    return nullptr;
}

qsizetype Normaliser::suffixAt(qsizetype i, const Voice &v, Quantity &q) const
{
    static constexpr std::pair<char16_t, Kind> kPer[] = {
        {u'%', Kind::Percent}, {0x2030, Kind::PerMille}, {0x2031, Kind::PerTenThousand}};
    for (const auto &[sign, kind] : kPer) {
        if (at(i) == QChar(sign)) {
            q.kind = kind;
            return i + 1;
        }
    }
    if (at(i) == u'元' && v.language() == Lang::Chinese) {
        q.kind = Kind::Money;
        q.currency = &kCurrencies[0];
        return i + 1;
    }
    qsizetype end = i;
    if ((q.unit = unitAt(i, end)))
        q.kind = Kind::Measure;
    return end;
}

std::optional<Quantity> Normaliser::quantityAt(qsizetype i, const Voice &v, bool allowSign) const
{
    Quantity q;
    if ((q.currency = currencyOf(at(i)))) {
        q.kind = Kind::Money;
        i += at(i + 1) == u' ' ? 2 : 1;
    } else if (at(i) == u'%' && v.language() == Lang::Uyghur) {
        q.kind = Kind::Percent; // %10
        ++i;
    }
    const QChar before = at(i - 1);
    if (at(i) == u'-' && allowSign && isDigit(at(i + 1)) &&
        !(isDigit(before) || isLatin(before) || isClosing(before))) {
        q.n.negative = true;
        ++i;
    }
    if (!isDigit(at(i)))
        return std::nullopt;
    i = numberAt(i, q.n);
    if (q.kind == Kind::Plain) {
        i = suffixAt(i, v, q);
    } else if (q.kind == Kind::Money && v.language() == Lang::Chinese &&
               (at(i) == u'万' || at(i) == u'亿')) {
        q.scale = at(i); // ￥5万(元): 五万元
        i += at(i + 1) == u'元' ? 2 : 1;
    }
    q.end = i;
    return q;
}

// A range sign between two quantities, and where the second begins.
qsizetype Normaliser::rangeSepAt(qsizetype i, QStringView &sep) const
{
    static constexpr QStringView kSigns = u"-~\u2013\u2014至到";
    qsizetype p = at(i) == u' ' ? i + 1 : i;
    if (at(p).isNull() || !kSigns.contains(at(p)))
        return -1;
    sep = mid(p, 1);
    p += at(p) == u'\u2014' && at(p + 1) == u'\u2014' ? 2 : 1;
    if (at(p) == u' ')
        ++p;
    return isDigit(at(p)) || (currencyOf(at(p)) && isDigit(at(p + 1))) ? p : -1;
}

bool Normaliser::quantity(const Voice &v)
{
    std::optional<Quantity> left = quantityAt(m_pos, v, true);
    if (!left)
        return false;
    const Number &n = left->n;
    if (left->kind == Kind::Plain && !n.negative && n.integer() && !n.grouped &&
        ((n.whole.size() > 1 && n.whole[0] == u'0') || n.whole.size() > v.maxDigits()))
        return sayAndSkip(v, v.code(n.whole, codeGroups(n.whole.size())), left->end);
    QStringView sep;
    if (const qsizetype next = rangeSepAt(left->end, sep); next > 0) {
        if (std::optional<Quantity> right = quantityAt(next, v, false)) {
            if (left->kind == Kind::Money && right->kind == Kind::Plain) {
                right->kind = Kind::Money; // ￥10-20
                right->currency = left->currency;
            }
            return sayAndSkip(v, v.range(*left, *right, contextOf(m_pos, right->end), sep),
                              right->end);
        }
    }
    return sayAndSkip(v, v.quantity(*left, contextOf(m_pos, left->end)), left->end);
}

// 国办发〔2022〕10号: the year of a document number. In other brackets only between an
// issuer and a number with 号, since (2022) alone may be anything.
bool Normaliser::documentYear(const Voice &v)
{
    const QChar open = at(m_pos);
    if (v.language() != Lang::Chinese || digitsAt(m_pos + 1) != 4 ||
        !QStringView(u"〕]】］)）").contains(at(m_pos + 5)))
        return false;
    const int year = valueAt(m_pos + 1, 4);
    if (year < 1900 || year > 2099)
        return false;
    if (open != u'〔') {
        qsizetype p = m_pos + 6;
        if (at(p) == u'第')
            ++p;
        const qsizetype n = digitsAt(p);
        if (!isHan(at(m_pos - 1)) || n == 0 || at(p + n) != u'号')
            return false;
    }
    return sayAndSkip(v, cat({v.year(mid(m_pos + 1, 4)), u"年"}), m_pos + 6);
}

// No.5, #5, №5: 五号, number five.
bool Normaliser::numberedAt(qsizetype p)
{
    const qsizetype n = digitsAt(p);
    if (n == 0 || n > 6)
        return false;
    const Voice &v = voiceAt(p, p + n);
    return sayAndSkip(v, v.numbered(v.cardinal(mid(p, n))), p + n);
}

bool Normaliser::latinWord()
{
    if (!isLatin(at(m_pos)))
        return false;
    qsizetype end = m_pos + lettersAt(m_pos);
    const QStringView first = mid(m_pos, end - m_pos);
    if ((first == u"No" || first == u"NO" || first == u"no") && at(end) == u'.' &&
        numberedAt(at(end + 1) == u' ' && first != u"no" ? end + 2 : end + 1))
        return true;
    bool joined = false;
    while ((at(end) == u'-' || at(end) == u'\'' || at(end) == u'’') && isLatin(at(end + 1))) {
        end += 1 + lettersAt(end + 1);
        joined = true;
    }
    const QStringView word = mid(m_pos, end - m_pos);
    if (const QStringView chinese = chineseFor(word); m_main == Lang::Chinese && !chinese.isEmpty())
        return sayAndSkip(voiceFor(Lang::Chinese), chinese.toString(), end);
    m_out.say(Lang::English,
              !joined && spelledOut(word, m_main) ? spelledLetters(word) : word.toString());
    m_pos = end;
    return true;
}

bool Normaliser::symbol()
{
    const QChar c = at(m_pos), prev = at(m_pos - 1), next = at(m_pos + 1);
    // Beside a Latin word (C++ too) a sign is said in English.
    const bool latin =
        isLatin(prev) || isLatin(next) || (prev == c && m_out.last() == Lang::English);
    const Voice &v = latin ? voiceFor(Lang::English) : voiceAt(m_pos, m_pos + 1);
    const auto sayWord = [&](Word w) { return sayAndSkip(v, v.word(w).toString(), m_pos + 1); };
    const auto silent = [this] {
        m_out.neutral(u" ");
        ++m_pos;
        return true;
    };
    const bool betweenNumbers = (isDigit(prev) || (prev == u' ' && isDigit(at(m_pos - 2)))) &&
                                (isDigit(next) || (next == u' ' && isDigit(at(m_pos + 2))));
    switch (c.unicode()) {
    case u'+':
        return sayWord(Word::Plus);
    case u'=':
        return sayWord(Word::Equals);
    case u'&':
        return sayWord(Word::And);
    case 0xF7:
        return sayWord(Word::DividedBy);
    case 0xD7:
    case u'*':
        return betweenNumbers ? sayWord(Word::Times) : silent();
    case u'@':
        m_out.say(Lang::English, u"at");
        ++m_pos;
        return true;
    case u'.':
        // www.gov.cn: a dot inside a name (not e.g. or U.S.)
        if (lettersAt(m_pos + 1) >= 2 && m_pos >= 2 && isLatin(prev) && isLatin(at(m_pos - 2))) {
            m_out.say(Lang::English, u"dot");
            ++m_pos;
            return true;
        }
        return false;
    case u'/':
        return slash(v);
    // Signs every voice spells out in English ("tilde", "backslash") or that mean
    // nothing without a number beside them.
    case u'~':
    case u'\\':
    case u'%':
    case 0x2030:
    case u'#':
    case u'$':
    case 0xA5:
    case 0x20AC:
    case 0xA3:
        return silent();
    default:
        break;
    }
    qsizetype end = 0;
    if (c.unicode() > 0x7F && !isLatin(c))
        if (const Unit *u = unitAt(m_pos, end); u && !isLatin(u->symbol[0]))
            return sayAndSkip(v, v.unitName(*u), end); // a lone ℃ or ㎡
    return false;
}

// 元/月 每, 是/否 或, $5/hour per.
bool Normaliser::slash(const Voice &v)
{
    const QChar prev = at(m_pos - 1), next = at(m_pos + 1);
    if (v.language() == Lang::Chinese && next == u'共') // 第1页/共3页: a pause
        return sayAndSkip(v, QStringLiteral("，"), m_pos + 1);
    if (v.language() == Lang::Chinese && (isHan(prev) || isHan(next)))
        return sayAndSkip(v, isPerUnit(prev) ? QStringLiteral("每") : QStringLiteral("或"),
                          m_pos + 1);
    if (v.language() == Lang::English && !isLatin(prev) && isLatin(next))
        return sayAndSkip(v, QStringLiteral("per"), m_pos + 1);
    return false;
}

void Normaliser::plain()
{
    const QChar c = at(m_pos);
    if (c.isHighSurrogate()) { // always paired after sanitising
        const char32_t u = QChar::surrogateToUcs4(c, at(m_pos + 1));
        m_out.copy(isHan(u) ? Lang::Chinese : m_out.last(), mid(m_pos, 2));
        m_pos += 2;
        return;
    }
    if (isHan(c))
        m_out.copy(Lang::Chinese, mid(m_pos, 1));
    else if (isArabicLetter(c))
        m_out.copy(Lang::Uyghur, mid(m_pos, 1));
    else if (c.isMark())
        m_out.copy(m_out.last(), mid(m_pos, 1));
    else if (c.isLetter())
        m_out.copy(m_main, mid(m_pos, 1));
    else
        m_out.neutral(mid(m_pos, 1));
    ++m_pos;
}

} // namespace

namespace {

// Whether a voice reads this script. Letters of any other script make espeak-ng switch
// language in mid-sentence, and that path has a use-after-free in Debian's 1.51 (found
// by fuzz_speech_engine: an Armenian letter before Han text in the Mandarin voice). They
// could not be read in the resident's language anyway, so they are not sent at all.
bool voiceReads(SpeechLanguage language, QChar::Script script)
{
    switch (script) {
    case QChar::Script_Common:
    case QChar::Script_Inherited:
        return true;
    case QChar::Script_Han:
        return language == SpeechLanguage::Chinese;
    case QChar::Script_Latin:
        return language != SpeechLanguage::Uyghur;
    case QChar::Script_Arabic:
        return language == SpeechLanguage::Uyghur;
    default:
        return false;
    }
}

QString onlyWhatTheVoiceReads(const QString &text, SpeechLanguage language)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t u = text.at(i).unicode();
        const bool pair = text.at(i).isHighSurrogate() && i + 1 < text.size();
        if (pair)
            u = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
        if (voiceReads(language, QChar::script(u))) {
            out += text.at(i);
            if (pair)
                out += text.at(i + 1);
        } else if (out.isEmpty() || out.back() != u' ') {
            out += u' ';
        }
        i += pair ? 1 : 0;
    }
    return out;
}

} // namespace

QList<SpokenSegment> spokenSegments(const QString &text, SpeechLanguage language)
{
    const QStringView input = QStringView(text).left(kMaxSpokenInput);
    QList<SpokenSegment> out;
    for (SpokenSegment &s : Normaliser(input, language).run(kMaxSpokenFactor * input.size() + 64)) {
        s.text = onlyWhatTheVoiceReads(s.text, s.language).trimmed();
        if (s.text.isEmpty())
            continue;
        if (!out.isEmpty() && out.back().language == s.language) // what was between is gone
            out.back().text += u' ' + s.text;
        else
            out.append(std::move(s));
    }
    return out;
}

QString spokenForm(const QString &text, SpeechLanguage language)
{
    QStringList parts;
    for (const SpokenSegment &s : spokenSegments(text, language))
        parts << s.text;
    return parts.join(u' ');
}

} // namespace kiosk
