#include "itemdetailviewmodel.h"
#include "itempresenter.h"

namespace kiosk {

ItemDetailViewModel::ItemDetailViewModel(QObject *parent) : CatalogViewModel(parent) {}

void ItemDetailViewModel::setItemId(const QString &id)
{
    if (id == m_itemId)
        return;
    m_itemId = id;
    emit inputChanged();
    scheduleReload();
}

void ItemDetailViewModel::setKind(const QString &kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    emit inputChanged();
    scheduleReload();
}

void ItemDetailViewModel::reload()
{
    if (m_itemId.isEmpty() || m_kind.isEmpty())
        return;
    const QString lang = language(), id = m_itemId, kind = m_kind;
    const TextTable t = texts();
    fetch(
        [lang, id, kind, t](const content::CatalogStore &s) -> QVariantMap {
            auto present = [&](const auto &opt, auto fn) {
                return opt ? fn(*opt, t) : QVariantMap();
            };
            if (kind == QLatin1String("guide"))
                return present(s.guide(id, lang), presentGuide);
            if (kind == QLatin1String("policy"))
                return present(s.policy(id, lang), presentPolicy);
            if (kind == QLatin1String("interpretation"))
                return present(s.interpretation(id, lang), presentInterpretation);
            if (kind == QLatin1String("qa"))
                return present(s.qa(id, lang), presentQa);
            if (kind == QLatin1String("gazette"))
                return present(s.gazetteIssue(id, lang), presentGazette);
            if (kind == QLatin1String("point"))
                return present(s.point(id, lang), presentPoint);
            if (kind == QLatin1String("scenario"))
                return present(s.scenario(id, lang), presentScenario);
            return {};
        },
        [this](const QVariantMap &item) {
            m_item = item;
            m_found = !item.isEmpty();
            emit changed();
        });
}

} // namespace kiosk
