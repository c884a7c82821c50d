#include "routes.h"

#include <iterator>

namespace kiosk {

namespace {
constexpr Route kRoutes[] = {
    {"home", nullptr, "browse/HomeScreen.qml"},
    {"stage", "stage", "browse/StageScreen.qml"},
    {"guide", "guide", "browse/GuideScreen.qml"},
    {"policies", nullptr, "browse/PolicyLibraryScreen.qml"},
    {"policy", "policy", "browse/PolicyScreen.qml"},
    {"interpretation", "interpretation", "browse/InterpretationScreen.qml"},
    {"qa", "qa", "browse/QaScreen.qml"},
    {"gazette", "gazette", "browse/GazetteScreen.qml"},
    {"point", "point", "browse/PointScreen.qml"},
    {"scenario", "scenario", "browse/ScenarioScreen.qml"},
    {"browse", nullptr, "browse/BrowseScreen.qml"},
    {"coming", nullptr, "browse/ComingScreen.qml"},
    {"search", nullptr, "search/SearchScreen.qml"},
    {"tracking", nullptr, "scan/TrackingScreen.qml"},
};
} // namespace

QString Routes::screenForKind(const QString &kind)
{
    for (const Route &r : kRoutes)
        if (r.itemKind && kind == QLatin1String(r.itemKind))
            return QString::fromLatin1(r.screen);
    return {};
}

QString Routes::qmlFileFor(const QString &screen)
{
    for (const Route &r : kRoutes)
        if (screen == QLatin1String(r.screen))
            return QString::fromLatin1(r.qmlFile);
    return QString::fromLatin1(std::begin(kRoutes)->qmlFile);
}

QStringList Routes::screens()
{
    QStringList all;
    for (const Route &r : kRoutes)
        all.append(QString::fromLatin1(r.screen));
    return all;
}

} // namespace kiosk
