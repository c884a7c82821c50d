#include "kioskscene.h"

#include "navigator.h"
#include "testsupport.h"

#include <QDir>
#include <QMetaProperty>
#include <QQuickWindow>
#include <QtTest>
#include <ZXing/ReadBarcode.h>

namespace {
QQuickItem *findIn(QQuickItem *root, const QString &name)
{
    if (root->objectName() == name && root->isVisible())
        return root;
    for (QQuickItem *child : root->childItems())
        if (QQuickItem *hit = findIn(child, name))
            return hit;
    return nullptr;
}

void collect(QObject *o, QStringList &out)
{
    const QMetaObject *mo = o->metaObject();
    for (int i = 0; i < mo->propertyCount(); ++i) {
        const QMetaProperty p = mo->property(i);
        if (p.metaType().id() == QMetaType::QString)
            out << p.read(o).toString();
    }
    if (auto *item = qobject_cast<QQuickItem *>(o)) {
        for (QQuickItem *child : item->childItems())
            collect(child, out);
    }
    for (QObject *child : o->children())
        if (!qobject_cast<QQuickItem *>(child))
            collect(child, out); // attached objects (Accessible) and helpers
}
} // namespace

bool KioskScene::start(const QString &configPath, const QString &orientation)
{
    stop();
    m_app = std::make_unique<KioskApp>(KioskApp::Options{configPath, testsupport::demoCatalog(), orientation});
    m_engine = std::make_unique<QQmlApplicationEngine>();
    if (!m_app->start(*m_engine))
        return false;
    m_window = m_app->window();
    return m_window && QTest::qWaitForWindowExposed(m_window) && waitReady(QStringLiteral("home"));
}

void KioskScene::stop()
{
    m_engine.reset();
    m_app.reset();
    m_window = nullptr;
}

bool KioskScene::waitReady(const QString &screen, int timeoutMs)
{
    const bool ok = QTest::qWaitFor(
        [&] { return Navigator::instance()->screen() == screen && m_window->property("contentReady").toBool(); },
        timeoutMs);
    QTest::qWait(50);
    return ok;
}

QQuickItem *KioskScene::find(const QString &objectName) const
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return findIn(m_window->contentItem(), objectName);
}

void KioskScene::reveal(QQuickItem *item)
{
    for (QQuickItem *p = item->parentItem(); p; p = p->parentItem()) {
        if (!p->inherits("QQuickFlickable"))
            continue;
        const QPointF at = item->mapToItem(p, QPointF(0, 0));
        const qreal maxY = std::max<qreal>(0, p->property("contentHeight").toReal() - p->height());
        const qreal y = std::clamp(p->property("contentY").toReal() + at.y() - 40, 0.0, maxY);
        p->setProperty("contentY", y);
        QTest::qWait(50);
        return;
    }
}

QString KioskScene::qrOnScreen(QQuickItem *qr)
{
    const QImage shot = m_window->grabWindow().convertToFormat(QImage::Format_Grayscale8);
    const QRectF r = qr->mapRectToScene(QRectF(0, 0, qr->width(), qr->height()));
    const QImage crop = shot.copy(r.toAlignedRect().adjusted(-10, -10, 10, 10));
    const ZXing::ImageView view(crop.constBits(), crop.width(), crop.height(), ZXing::ImageFormat::Lum,
                                int(crop.bytesPerLine()));
    const ZXing::Result result = ZXing::ReadBarcode(view);
    return result.isValid() ? QString::fromStdString(result.text()) : QString();
}

QStringList KioskScene::sceneTexts() const
{
    QStringList out;
    collect(m_window->contentItem(), out);
    out.removeAll(QString());
    return out;
}

bool KioskScene::saveScreenshot(const QString &name) const
{
    const QString dir = testsupport::outputDirectory() + QStringLiteral("/screens/scan");
    QDir().mkpath(dir);
    return m_window->grabWindow().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}
