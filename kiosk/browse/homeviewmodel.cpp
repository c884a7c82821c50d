#include "homeviewmodel.h"
#include "itemlistmodel.h"

namespace kiosk {

namespace {

struct HomeData {
    QList<content::Stage> person, business;
    QList<content::HomeEntry> entries;
    QList<content::ItemRef> scenarios;
};

QVariantList stagesToList(const QList<content::Stage> &stages)
{
    QVariantList out;
    for (const auto &s : stages)
        out.append(QVariantMap{{"itemId", s.id},       {"title", s.title},
                               {"summary", s.summary}, {"icon", s.icon},
                               {"guideCount", s.guideCount}});
    return out;
}

} // namespace

HomeViewModel::HomeViewModel(QObject *parent) : CatalogViewModel(parent) { scheduleReload(); }

void HomeViewModel::reload()
{
    const QString lang = language();
    fetch(
        [lang](const content::CatalogStore &s) {
            return HomeData{s.stages("person", lang), s.stages("business", lang), s.homeEntries(),
                            s.scenarios(lang)};
        },
        [this](const HomeData &d) {
            m_person = stagesToList(d.person);
            m_business = stagesToList(d.business);
            m_entries.clear();
            for (const auto &e : d.entries) {
                // Where each entry leads is decided here, not in the view.
                const bool available = e.status == QStringLiteral("available");
                QString screen = QStringLiteral("browse");
                if (!available)
                    screen = QStringLiteral("coming");
                else if (e.target == QStringLiteral("policies"))
                    screen = QStringLiteral("policies");
                m_entries.append(QVariantMap{
                    {"id", e.id},
                    {"labelKey", e.labelKey},
                    {"target", e.target},
                    {"available", available},
                    {"screen", screen},
                    {"params", QVariantMap{{"section", e.target}, {"label", e.labelKey}}}});
            }
            m_scenarios = toVariantList(d.scenarios);
            emit changed();
        });
}

} // namespace kiosk
