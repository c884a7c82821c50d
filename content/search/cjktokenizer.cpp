#include "cjktokenizer.h"

#include <opencc/opencc.h>

#include <QByteArray>
#include <algorithm>
#include <QList>
#include <atomic>
#include <cstring>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace content {
namespace {

// Decodes one UTF-8 code point at p (len bytes available); returns its length, or
// 1 for an invalid byte (which is then treated as a separator).
int decodeUtf8(const unsigned char *p, int len, char32_t *out)
{
    const unsigned char c = p[0];
    if (c < 0x80) {
        *out = c;
        return 1;
    }
    int n = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 0 || n > len) {
        *out = 0xFFFD;
        return 1;
    }
    char32_t v = c & (0x7F >> n);
    for (int i = 1; i < n; ++i) {
        if ((p[i] & 0xC0) != 0x80) {
            *out = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (p[i] & 0x3F);
    }
    *out = v;
    return n;
}

void appendUtf8(std::string &s, char32_t c)
{
    if (c < 0x80) {
        s += char(c);
    } else if (c < 0x800) {
        s += char(0xC0 | (c >> 6));
        s += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        s += char(0xE0 | (c >> 12));
        s += char(0x80 | ((c >> 6) & 0x3F));
        s += char(0x80 | (c & 0x3F));
    } else {
        s += char(0xF0 | (c >> 18));
        s += char(0x80 | ((c >> 12) & 0x3F));
        s += char(0x80 | ((c >> 6) & 0x3F));
        s += char(0x80 | (c & 0x3F));
    }
}

// Traditional → simplified, through OpenCC's t2s conversion. Characters of the Basic
// Multilingual Plane's CJK blocks are looked up in a flat table read without a lock
// (search folds every character of every highlighted title and snippet), each filled
// the first time it is met; the rare supplementary-plane characters are kept in a map
// behind the lock. (Filling the whole table at once, in one OpenCC call, took 55 ms
// when the first catalog opened and delayed the kiosk's first frame: not kept.)
opencc_t converter()
{
    static opencc_t c = opencc_open("t2s.json");
    return c == reinterpret_cast<opencc_t>(-1) ? nullptr : c;
}

// The one CJK character OpenCC made of `original`, or `original` itself.
char32_t convertedOrSame(const char *p, size_t len, char32_t original)
{
    char32_t decoded = 0;
    const int n = len ? decodeUtf8(reinterpret_cast<const unsigned char *>(p), int(len), &decoded)
                      : 0;
    return n > 0 && size_t(n) == len && isCjk(decoded) ? decoded : original;
}

char32_t convertWithOpenCC(char32_t c)
{
    char32_t result = c;
    if (!converter())
        return result;
    std::string in;
    appendUtf8(in, c);
    if (char *out = opencc_convert_utf8(converter(), in.data(), in.size())) {
        result = convertedOrSame(out, strlen(out), c);
        opencc_convert_utf8_free(out);
    }
    return result;
}

constexpr char32_t kTableStart = 0x3400, kTableEnd = 0xA000;   // CJK Ext. A … Unified
constexpr char32_t kCompatStart = 0xF900, kCompatEnd = 0xFB00; // Compatibility Ideographs
constexpr int kTableSize = int((kTableEnd - kTableStart) + (kCompatEnd - kCompatStart));

int tableSlot(char32_t c)
{
    if (c >= kTableStart && c < kTableEnd)
        return int(c - kTableStart);
    if (c >= kCompatStart && c < kCompatEnd)
        return int(kTableEnd - kTableStart + (c - kCompatStart));
    return -1;
}

std::mutex &conversionLock() // OpenCC's converter and the map are not thread-safe
{
    static std::mutex lock;
    return lock;
}

// 0 = not looked up yet.
std::atomic<char32_t> table[kTableSize];

char32_t simplified(char32_t c)
{
    const int slot = tableSlot(c);
    if (slot >= 0) {
        const char32_t known = table[slot].load(std::memory_order_relaxed);
        if (known)
            return known;
    }
    static std::unordered_map<char32_t, char32_t> others;
    std::lock_guard<std::mutex> guard(conversionLock());
    if (slot >= 0) {
        const char32_t result = convertWithOpenCC(c);
        table[slot].store(result, std::memory_order_relaxed);
        return result;
    }
    const auto it = others.find(c);
    if (it != others.end())
        return it->second;
    return others.emplace(c, convertWithOpenCC(c)).first->second;
}

enum class CharClass { Separator, Cjk, Word };

char32_t fold(char32_t c, CharClass *cls)
{
    if (c >= 0xFF01 && c <= 0xFF5E) // full-width ASCII
        c -= 0xFEE0;
    if (c >= 'A' && c <= 'Z')
        c += 'a' - 'A';
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        *cls = CharClass::Word;
        return c;
    }
    if (isCjk(c)) {
        *cls = CharClass::Cjk;
        return simplified(c);
    }
    *cls = CharClass::Separator;
    return c;
}

struct Unit
{
    char32_t c;
    int start, end; // byte offsets in the input
};

using TokenCallback = int (*)(void *, int, const char *, int, int, int);

int emitCjkRun(const std::vector<Unit> &run, bool query, void *ctx, TokenCallback xToken)
{
    std::string token;
    // The token of n characters starting at i, with the byte range it covers.
    auto emitToken = [&](size_t i, size_t n, int flags) {
        token.clear();
        for (size_t k = i; k < i + n; ++k)
            appendUtf8(token, run[k].c);
        return xToken(ctx, flags, token.data(), int(token.size()), run[i].start,
                      run[i + n - 1].end);
    };
    if (query) {
        if (run.size() <= 2)
            return emitToken(0, run.size(), 0);
        for (size_t i = 0; i + 2 < run.size(); ++i)
            if (int rc = emitToken(i, 3, 0))
                return rc;
        return SQLITE_OK;
    }
    for (size_t i = 0; i < run.size(); ++i) {
        if (int rc = emitToken(i, 1, 0))
            return rc;
        for (size_t n = 2; n <= 3 && i + n <= run.size(); ++n)
            if (int rc = emitToken(i, n, FTS5_TOKEN_COLOCATED))
                return rc;
    }
    return SQLITE_OK;
}

int tokenize(Fts5Tokenizer *, void *ctx, int flags, const char *text, int length,
             TokenCallback xToken)
{
    const bool query = (flags & FTS5_TOKENIZE_QUERY) != 0;
    const auto *p = reinterpret_cast<const unsigned char *>(text);
    std::vector<Unit> cjk;
    std::string word;
    int wordStart = 0, wordEnd = 0;
    auto flushWord = [&]() -> int {
        if (word.empty())
            return SQLITE_OK;
        // Over-long "words" (base64 blobs, URLs run together) are cut, not indexed whole.
        if (word.size() > 64)
            word.resize(64);
        const int rc = xToken(ctx, 0, word.data(), int(word.size()), wordStart, wordEnd);
        word.clear();
        return rc;
    };
    auto flushCjk = [&]() -> int {
        if (cjk.empty())
            return SQLITE_OK;
        const int rc = emitCjkRun(cjk, query, ctx, xToken);
        cjk.clear();
        return rc;
    };
    int i = 0;
    while (i < length) {
        char32_t c = 0;
        const int n = decodeUtf8(p + i, length - i, &c);
        CharClass cls;
        const char32_t f = fold(c, &cls);
        if (cls == CharClass::Word) {
            if (int rc = flushCjk())
                return rc;
            if (word.empty())
                wordStart = i;
            word += char(f);
            wordEnd = i + n;
        } else if (cls == CharClass::Cjk) {
            if (int rc = flushWord())
                return rc;
            cjk.push_back({f, i, i + n});
        } else {
            if (int rc = flushWord())
                return rc;
            if (int rc = flushCjk())
                return rc;
        }
        i += n;
    }
    if (int rc = flushWord())
        return rc;
    return flushCjk();
}

int createTokenizer(void *, const char **, int, Fts5Tokenizer **out)
{
    static int instance; // stateless: any non-null handle will do
    *out = reinterpret_cast<Fts5Tokenizer *>(&instance);
    return SQLITE_OK;
}

void deleteTokenizer(Fts5Tokenizer *) {}

fts5_api *fts5ApiOf(sqlite3 *db)
{
    fts5_api *api = nullptr;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK)
        return nullptr;
    sqlite3_bind_pointer(stmt, 1, static_cast<void *>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    return api;
}

} // namespace

bool isCjk(char32_t c)
{
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F);
}

bool registerCjkTokenizer(sqlite3 *db, QString *error)
{
    fts5_api *api = fts5ApiOf(db);
    if (!api || api->iVersion < 2) {
        if (error)
            *error = QStringLiteral("this SQLite has no FTS5");
        return false;
    }
    static fts5_tokenizer tokenizer = {createTokenizer, deleteTokenizer, tokenize};
    const int rc = api->xCreateTokenizer(api, kCjkTokenizerName, nullptr, &tokenizer, nullptr);
    if (rc != SQLITE_OK && error)
        *error = QString::fromUtf8(sqlite3_errstr(rc));
    return rc == SQLITE_OK;
}

bool foldingChanges(QByteArrayView utf8)
{
    const auto *p = reinterpret_cast<const unsigned char *>(utf8.data());
    const qsizetype n = utf8.size();
    for (qsizetype i = 0; i < n;) {
        char32_t c;
        i += decodeUtf8(p + i, int(std::min<qsizetype>(n - i, 4)), &c);
        CharClass cls;
        // Full-width punctuation (，。：) folds too, but separators are never part of a
        // term, so only letters, digits and Chinese characters count.
        if (fold(c, &cls) != c && cls != CharClass::Separator)
            return true;
    }
    return false;
}

QString foldForSearch(const QString &text)
{
    // Written straight into the buffer: search folds every highlighted title and snippet.
    QString out(text.size(), Qt::Uninitialized);
    char16_t *to = reinterpret_cast<char16_t *>(out.data());
    [[maybe_unused]] const char16_t *begin = to;
    const QChar *from = text.constData();
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        char32_t c = from[i].unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < n && from[i + 1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(from[i], from[i + 1]);
            ++i;
        }
        CharClass cls;
        char32_t f = fold(c, &cls);
        // Kept the same length, so that positions in the folded text are positions in
        // the original (highlighting relies on it): a character whose fold would need
        // more or fewer UTF-16 units than it has stays as it is.
        if (QChar::requiresSurrogates(f) != QChar::requiresSurrogates(c))
            f = c;
        if (QChar::requiresSurrogates(f)) {
            *to++ = QChar::highSurrogate(f);
            *to++ = QChar::lowSurrogate(f);
        } else {
            *to++ = char16_t(f);
        }
    }
    Q_ASSERT(to - begin == n);
    return out;
}

} // namespace content
