#include "stageviewmodel.h"

namespace kiosk {

namespace {
struct StageData {
    content::Stage stage;
    QList<content::ItemRef> guides, scenarios;
};
} // namespace

StageViewModel::StageViewModel(QObject *parent)
    : CatalogViewModel(parent), m_guides(new ItemListModel(this))
{
}

void StageViewModel::setStageId(const QString &id)
{
    if (id == m_stageId)
        return;
    m_stageId = id;
    emit stageIdChanged();
    scheduleReload();
}

void StageViewModel::reload()
{
    if (m_stageId.isEmpty())
        return;
    const QString lang = language(), id = m_stageId;
    fetch(
        [lang, id](const content::CatalogStore &s) {
            StageData d;
            for (const QString &audience : {QStringLiteral("person"), QStringLiteral("business")})
                for (const auto &st : s.stages(audience, lang))
                    if (st.id == id)
                        d.stage = st;
            d.guides = s.guidesForStage(id, lang);
            d.scenarios = s.scenariosForStage(id, lang);
            return d;
        },
        [this](const StageData &d) {
            m_title = d.stage.title;
            m_summary = d.stage.summary;
            m_guides->setItems(d.guides);
            m_scenarios = toVariantList(d.scenarios);
            emit changed();
        });
}

} // namespace kiosk
