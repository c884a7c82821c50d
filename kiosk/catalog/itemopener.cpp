#include "itemopener.h"

#include "catalogservice.h"
#include "navigator.h"
#include "routes.h"

namespace kiosk {

void openItemById(CatalogService *catalog, Navigator *navigator, QObject *receiver, const QString &id,
                  std::function<void(bool found)> done)
{
    catalog->query(
        receiver, [id](const content::CatalogStore &s) { return s.kindOf(id); },
        [navigator, id, done](const QString &kind, const QString &) {
            const bool found = !Routes::screenForKind(kind).isEmpty();
            if (found)
                navigator->openItem(kind, id);
            if (done)
                done(found);
        });
}

} // namespace kiosk
