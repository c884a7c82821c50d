// The spoken form of a displayed text: what the kiosk says for it, in stretches of one
// language each. espeak-ng reads Mandarin numbers wrongly (10000 as 十千, 3.14 without
// 点, 10% with an English "percent", 1/2 as "slash"), reads Latin letters with the
// Mandarin voice as pinyin, and its Uyghur voice reads a decimal point as a word of its
// own, so numbers, dates, money and the like are written out here and Latin words are
// handed to the English voice. Headless (Qt Core only). Tests: the table in
// tests/kiosk/speech/spokentext.tsv, one row per case.
//
// Chinese — the categories, and the choices where people say it more than one way:
// - Cardinals in 万/亿 groups with 零 for gaps (10010 一万零一十); 10–19 at the start
//   without 一 (十二, 十万) but 一百一十二 inside. A leading 2 before 千/万/亿 is 两
//   (两千, 两万, 两千万, 两亿), 二 everywhere else (二百, 二十万, 两千二百).
//   Up to 16 digits; longer, or with a leading zero (007), digit by digit.
// - A lone 2 before a measure word of a short list (个 人 次 天 年 件 份 张 位 小时 …)
//   is 两; not after 第, and 二月 二号 二楼 二年级 stay, being places in a sequence.
// - 4 digits before 年 are a year read digit by digit (二零二四年); fewer are a span
//   (两年, 十年); 90后 is 九零后. 2024-03-05, 2024/3/5 and 2024.3.5 read
//   二零二四年三月五日.
// - Times: 12:30 十二点三十分, 9:05 九点零五分, 08:00 八点, 2:00 两点; ranges of any
//   of these with - ~ – — read 到 (三到五天, 八点三十分到十七点); 至 and 到 stay.
// - 10% 百分之十 (in a range both ends: 百分之十到百分之二十), ‰ 千分之; a/b with
//   short terms is a fraction (3/5 五分之三) unless it is a whole Y/M/D date; a:b
//   that is no time is a ratio (3:1 三比一).
// - Money: ¥/￥ and 元 in 元角分 (25.50元 二十五元五角, 0.05元 五分); 5万元 stays
//   五万元; $ € £ are 美元 欧元 英镑 with a plain decimal.
// - Codes digit by digit, 1 read 幺 (phones, ID numbers, 12345, 110): mobiles 3-4-4,
//   landlines area code then 4-4, 400 numbers 3-3-4, groups as written if written so,
//   with a pause (，) between groups — espeak-ng pauses at a comma, not at a space.
//   Numbers after 电话/热线/拨打/编号… are codes too. ID numbers (18 characters with a
//   plausible birth date) in groups 6-8-4, X read 叉. Years keep 一 (二零一九年).
// - Document numbers: a year in 〔〕, or in other brackets between an issuer and a
//   number with 号, is read as a year with 年: 国办发〔2022〕10号 国办发二零二二年十号.
// - 第12条 第十二条; list markers at the start of a line or sentence (1. 1、 (1) （一）
//   ①) read as the number and 、: 一、.
// - Units after a number: km 公里, kg 千克, ㎡/m² 平方米, ℃ 摄氏度 (negative: 零下),
//   …; 5G and A4 keep the letter for the English voice (五 G).
// - Latin words go to English segments. Spelled letter by letter (E-T-C, joined by
//   hyphens: espeak-ng reads a lone "A" as the article, "A-P-P" as letters): all-caps
//   words of up to 3 letters or without a vowel (ETC, PDF, HTML), and in Chinese and
//   Uyghur text any word of 2–3 letters (App, ID). Longer words and hyphenated ones
//   (WeChat, Wi-Fi) are said as words; Tel and Fax are 电话 and 传真. Chinese punctuation
//   stays, and ASCII , . ! ? ; : in Chinese become full-width: the voice pauses only there.
// - Symbols: + 加, = 等于, × 乘 (between numbers), ÷ 除以, & 和, @ English "at", / 每
//   after a measure word (元/月), a pause before 共 (第1页/共3页) and 或 otherwise,
//   No.5 and #5 五号. A line break is a pause (，) unless punctuation ends the line.
// English: cardinals (one thousand two hundred fifty), decimals (three point one four),
//   years (twenty twenty-four, two thousand five) when the number stands alone or
//   follows in/since/from/… or a month, dates (March fifth, twenty twenty-four), times
//   (twelve thirty, nine oh five, eight o'clock, five p.m. for 17:00), digits grouped
//   with commas for codes, percent, ordinals (1st), money in dollars and cents.
// Uyghur: number words (بىر مىڭ ئىككى يۈز ئەللىك), decimals as whole and parts
//   (ئۈچ پۈتۈن يۈزدىن ئون تۆت), the hyphen ordinal of written Uyghur (2024-يىلى:
//   ئىككى مىڭ يىگىرمە تۆتىنچى يىلى) and ISO dates read the same way, times after
//   سائەت, N پىرسەنت, codes digit by digit. Ranges keep a dash: the suffixes of
//   "from … to" would need vowel harmony, which is not attempted.
//
// Every rule is a matcher at the current position over digit and letter runs measured
// once, so a text is read in one linear pass; only the first kMaxSpokenInput characters
// are read. Control characters, unpaired surrogates, format and private-use characters
// never reach the synthesiser.
#pragma once

#include <QList>
#include <QString>

namespace kiosk {

enum class SpeechLanguage { Chinese, English, Uyghur };

// One stretch of speech in one language: Chinese text with an English word inside
// becomes three segments, so the synthesiser can switch voice for the English part.
struct SpokenSegment
{
    QString text;
    SpeechLanguage language = SpeechLanguage::Chinese;
    bool operator==(const SpokenSegment &) const = default;
};

// The longest text read; the rest of a longer one is not said.
inline constexpr qsizetype kMaxSpokenInput = 20000;
// The spoken form is never longer than kMaxSpokenFactor × the text's length + 64
// (counting one separator between segments): the synthesiser has crashed on crafted
// long input. Ordinary text stays far below (a number in English words, the widest
// case, grows about 8 times); what would pass the bound is cut off.
inline constexpr int kMaxSpokenFactor = 8;

// What is said for a displayed text in a language: numbers, dates, money, ... written
// out as words. Adjacent segments of the same language are merged; whitespace-only
// segments are dropped; no segment begins or ends with a space.
QList<SpokenSegment> spokenSegments(const QString &text, SpeechLanguage language);
// The segments' texts joined (one space where the language changes) — for the
// table test and `kiosk-speak --text-only`.
QString spokenForm(const QString &text, SpeechLanguage language);

} // namespace kiosk
