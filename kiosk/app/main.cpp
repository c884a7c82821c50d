// The kiosk executable: only assembles the libraries (see docs/ARCHITECTURE.md).
#include "kioskapp.h"
#include "startupprobe.h"
#include "staffpin.h"

#include <QCommandLineParser>
#include <QDir>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>

Q_IMPORT_QML_PLUGIN(Kiosk_CorePlugin)
Q_IMPORT_QML_PLUGIN(Kiosk_PrintPlugin)
Q_IMPORT_QML_PLUGIN(Kiosk_ImePlugin)
Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

using namespace kiosk;

namespace {

// Without a display Qt would abort with a platform-plugin error. Say what is
// happening instead and render offscreen, writing screenshots a person can open.
bool prepareHeadless()
{
    if (!qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") ||
        !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        return false;
    std::fprintf(stderr,
                 "kiosk: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
                 "       Rendering offscreen and writing screenshots instead. To see the kiosk\n"
                 "       live, run it on the kiosk's screen, or under a virtual display:\n"
                 "         xvfb-run -a -s '-screen 0 1080x1920x24' build/kiosk/kiosk\n"
                 "       Press Ctrl+C to stop.\n");
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("QT_QUICK_BACKEND", "software");
    return true;
}

// Calls fn once, right after the first frame that shows catalog content (the main
// view's contentReady), asking for frames until then.
template <typename Fn> void whenContentShown(QQuickWindow *window, Fn fn)
{
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = QObject::connect(window, &QQuickWindow::frameSwapped, window,
                                   [window, fn, connection] {
                                       if (!window->property("contentReady").toBool()) {
                                           window->update();
                                           return;
                                       }
                                       QObject::disconnect(*connection);
                                       fn();
                                   });
    window->update();
}

} // namespace

int main(int argc, char **argv)
{
    // --hash-pin only prints a line: no window, no notice about the display.
    const bool hashOnly = std::any_of(argv + 1, argv + argc, [](const char *a) {
        return std::strcmp(a, "--hash-pin") == 0;
    });
    if (hashOnly)
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const bool headless = prepareHeadless();
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName("disclosure-kiosk");
    QGuiApplication::setOrganizationName("disclosure-kiosk");

    QCommandLineParser cli;
    cli.setApplicationDescription("Self-service kiosk for government information-disclosure zones");
    cli.addHelpOption();
    QCommandLineOption configOpt("config", "Settings file.", "file");
    QCommandLineOption catalogOpt("catalog", "Catalog database to show.", "file");
    QCommandLineOption orientOpt("orientation", "portrait or landscape.", "orientation");
    QCommandLineOption shotOpt("screenshot", "Save the first complete frame to this PNG.", "file");
    QCommandLineOption quitOpt("quit-after-screenshot", "Exit once the screenshot is saved.");
    QCommandLineOption startupOpt("report-startup",
                                  "Print start-up time and peak memory as JSON, then exit.");
    QCommandLineOption hashPinOpt("hash-pin",
                                  "Read a staff PIN (10 to 32 digits) from standard input and "
                                  "print the line for kiosk.conf (staff/pin_hash), then exit.");
    cli.addOptions({configOpt, catalogOpt, orientOpt, shotOpt, quitOpt, startupOpt});
    cli.addOption(hashPinOpt);
    cli.process(app);
    if (cli.isSet(hashPinOpt)) {
        char line[256] = {};
        const QString pin = std::fgets(line, sizeof line, stdin) ? QString::fromUtf8(line).trimmed() : QString();
        const QString problem = config::pinRuleProblem(pin);
        if (!problem.isEmpty()) {
            std::fprintf(stderr, "kiosk: %s\n", qPrintable(problem));
            return 2;
        }
        const QString hash = config::hashPin(pin);
        if (hash.isEmpty())
            return 1;
        std::printf("pin_hash = \"%s\"\n", qPrintable(hash));
        return 0;
    }

    KioskApp kiosk({cli.value(configOpt), cli.value(catalogOpt), cli.value(orientOpt)});
    QQmlApplicationEngine engine;
    if (!kiosk.start(engine))
        return 1;

    QQuickWindow *window = kiosk.window();
    if (cli.isSet(startupOpt)) {
        auto firstFrame = std::make_shared<double>(-1);
        QObject::connect(window, &QQuickWindow::frameSwapped, &app, [firstFrame] {
            if (*firstFrame < 0)
                *firstFrame = startupprobe::millisecondsSinceProcessStart();
        });
        whenContentShown(window, [firstFrame] {
            const double now = startupprobe::millisecondsSinceProcessStart();
            std::printf("%s\n", qPrintable(startupprobe::report(*firstFrame, now)));
            std::fflush(stdout);
            QCoreApplication::exit(0);
        });
    }

    QString screenshot = cli.value(shotOpt);
    if (screenshot.isEmpty() && headless)
        screenshot = QDir::current().absoluteFilePath("kiosk-screenshots/home.png");
    if (!screenshot.isEmpty()) {
        const bool quitAfter = cli.isSet(quitOpt);
        whenContentShown(window, [window, screenshot, quitAfter] {
            QDir().mkpath(QFileInfo(screenshot).absolutePath());
            const bool saved = window->grabWindow().save(screenshot);
            std::fprintf(stderr, "kiosk: %s %s\n", saved ? "screenshot saved to" : "could not save",
                         qPrintable(screenshot));
            if (quitAfter)
                QCoreApplication::exit(saved ? 0 : 1);
        });
    }
    return app.exec();
}
