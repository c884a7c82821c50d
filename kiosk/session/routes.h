// Routes: the kiosk's one table of screens — which screen shows an item of each
// catalog kind, and which QML file of the Kiosk.Ui module draws each screen. The
// navigator, the view (Main.qml binds Navigator.screenFile) and every link or scan
// that opens an item read this table; nothing else names screen files.
#pragma once

#include <QString>
#include <QStringList>

namespace kiosk {

struct Route {
    const char *screen;   // Navigator's name ("guide")
    const char *itemKind; // the catalog kind it shows, or nullptr for other screens
    const char *qmlFile;  // relative to the Kiosk.Ui module ("browse/GuideScreen.qml")
};

class Routes
{
public:
    // The screen that shows an item of this catalog kind; empty when none does.
    static QString screenForKind(const QString &kind);
    // The QML file of a screen; the home screen's for an unknown screen.
    static QString qmlFileFor(const QString &screen);
    static QStringList screens();
};

} // namespace kiosk
