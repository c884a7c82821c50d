// libFuzzer target: whatever reaches the search box — typed, pasted, scanned — is
// answered without a crash or an SQL error, with at most the page asked for, and with
// titles and snippets whose highlight tags are balanced (they are shown as rich text).
// The catalog is the demo catalog, built once when the target starts.
#include "catalogbuilder.h"
#include "catalogstore.h"

#include <QDir>
#include <QTemporaryDir>
#include <cstdint>
#include <cstdlib>

namespace {

bool balanced(const QString &html)
{
    int open = 0;
    for (qsizetype at = html.indexOf('<'); at >= 0; at = html.indexOf('<', at + 1)) {
        if (html.mid(at, 3) == QLatin1String("<b>"))
            ++open;
        else if (html.mid(at, 4) == QLatin1String("</b>"))
            --open;
        else
            return false; // any other tag: text was not escaped
        if (open < 0 || open > 1)
            return false;
    }
    return open == 0;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static content::CatalogStore *store = [] {
        static QTemporaryDir dir;
        const QString db = dir.filePath("catalog.db");
        if (!content::buildCatalog(QStringLiteral(KIOSK_DEMO_SOURCES), db).ok())
            abort(); // the fuzz run is meaningless without the catalog
        auto *s = new content::CatalogStore;
        s->open(db);
        return s;
    }();
    const QString query =
        QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(std::min<size_t>(size, 512)));
    content::SearchResults r;
    try {
        r = store->search(query, QStringLiteral("zh-Hans"), 20);
    } catch (...) {
        __builtin_trap(); // an error would reach the screen
    }
    if (r.hits.size() > 20)
        __builtin_trap();
    for (const auto &hit : r.hits)
        if (!balanced(hit.titleHtml) || !balanced(hit.snippetHtml))
            __builtin_trap();
    return 0;
}
