// Opening an item known only by its id (a body link "item:ID", a scanned code): the
// catalog says its kind, the route table which screen shows that kind. The one place
// both are asked; links and scans call this.
#pragma once

#include <QString>
#include <functional>

class QObject;

namespace kiosk {

class CatalogService;
class Navigator;

// Asks the catalog (on its worker) for the item's kind and opens its screen. done
// (optional) hears whether the catalog has such an item; nothing is called when the
// receiver is gone by then.
void openItemById(CatalogService *catalog, Navigator *navigator, QObject *receiver, const QString &id,
                  std::function<void(bool found)> done = {});

} // namespace kiosk
