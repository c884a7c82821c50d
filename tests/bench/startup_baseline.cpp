// Baseline for the start-up benchmark: the same Qt Quick stack showing one line of
// Chinese text and nothing else. The kiosk's figures are reported as ratios to it,
// so machine speed cancels out.
#include "startupprobe.h"

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <cstdio>

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    QQmlApplicationEngine engine;
    engine.loadData(R"(
import QtQuick
Window {
    width: 1080; height: 1920; visible: true
    Text { anchors.centerIn: parent; text: "政务公开专区"; font.pixelSize: 48 }
})");
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().value(0));
    if (!window)
        return 1;
    QObject::connect(window, &QQuickWindow::frameSwapped, &app, [] {
        const double now = kiosk::startupprobe::millisecondsSinceProcessStart();
        std::printf("%s\n", qPrintable(kiosk::startupprobe::report(now, now)));
        std::fflush(stdout);
        QCoreApplication::exit(0);
    });
    return app.exec();
}
