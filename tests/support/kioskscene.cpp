#include "kioskscene.h"

#include "navigator.h"
#include "testsupport.h"

#include <QDir>
#include <QMetaProperty>
#include <QPointingDevice>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>
#include <ZXing/ReadBarcode.h>

#include <algorithm>

// The kiosk's own QML modules, linked statically: every test of the scene gets them.
Q_IMPORT_QML_PLUGIN(Kiosk_CorePlugin)
Q_IMPORT_QML_PLUGIN(Kiosk_PrintPlugin)
Q_IMPORT_QML_PLUGIN(Kiosk_ImePlugin)
Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

using namespace kiosk;

namespace {

bool fail(const QString &why)
{
    qWarning().noquote() << why;
    return false;
}

// One touch screen for the whole test program.
QPointingDevice *touchScreen()
{
    static QPointingDevice *device = QTest::createTouchDevice();
    return device;
}

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

bool isFlickable(QQuickItem *item)
{
    return item->inherits("QQuickFlickable");
}

// Scrolls like a finger would: never past the ends of the content.
// The positions a Flickable can be scrolled to along one axis, margins included.
std::pair<qreal, qreal> scrollRange(QQuickItem *f, Qt::Orientation along)
{
    const bool down = along == Qt::Vertical;
    const auto get = [f](const char *name) { return f->property(name).toReal(); };
    const qreal origin = get(down ? "originY" : "originX");
    const qreal first = origin - get(down ? "topMargin" : "leftMargin");
    const qreal last = origin + get(down ? "contentHeight" : "contentWidth") -
                       (down ? f->height() : f->width()) +
                       get(down ? "bottomMargin" : "rightMargin");
    return {first, std::max(first, last)};
}

void scrollTo(QQuickItem *f, Qt::Orientation along, qreal position)
{
    const auto [first, last] = scrollRange(f, along);
    f->setProperty(along == Qt::Vertical ? "contentY" : "contentX", std::clamp(position, first, last));
    QTest::qWait(20);
}

// Where a finger lands on the item: its centre if that is in view (inside the window
// and every clipping parent), else the centre of the part in view. False when no part
// of it is in view; *centreShown says whether the centre is.
bool touchPoint(QQuickItem *item, QPoint *at, bool *centreShown)
{
    QRectF shown = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
    for (QQuickItem *p = item->parentItem(); p; p = p->parentItem())
        if (p->clip())
            shown &= p->mapRectToScene(QRectF(0, 0, p->width(), p->height()));
    if (QQuickWindow *w = item->window())
        shown &= QRectF(0, 0, w->width(), w->height());
    const QPoint centre = KioskScene::centre(item);
    *centreShown = !shown.isEmpty() && shown.contains(QPointF(centre));
    *at = *centreShown ? centre : shown.center().toPoint();
    return !shown.isEmpty();
}

} // namespace

KioskScene::~KioskScene()
{
    stop();
}

bool KioskScene::start(const KioskApp::Options &options)
{
    stop();
    m_orientation = options.orientation;
    m_app = std::make_unique<KioskApp>(options);
    m_engine = std::make_unique<QQmlApplicationEngine>();
    if (!m_app->start(*m_engine))
        return fail(QStringLiteral("the kiosk did not start (its QML did not load)"));
    m_window = m_app->window();
    if (!m_window)
        return fail(QStringLiteral("the kiosk has no window"));
    if (!QTest::qWaitForWindowExposed(m_window))
        return fail(QStringLiteral("the kiosk's window was never shown"));
    return waitReady(QStringLiteral("home"));
}

bool KioskScene::start(const QString &configPath, const QString &orientation)
{
    return start(KioskApp::Options{configPath, testsupport::demoCatalog(), orientation});
}

bool KioskScene::startWithEveryLanguage(const QString &orientation)
{
    if (!m_settingsDir)
        m_settingsDir = std::make_unique<QTemporaryDir>();
    const QString conf = m_settingsDir->filePath(QStringLiteral("kiosk.conf"));
    return m_settingsDir->isValid() &&
           testsupport::writeFile(conf, QStringLiteral("[language]\nmin_coverage_percent = 0\n")) &&
           start(conf, orientation);
}

void KioskScene::stop()
{
    m_engine.reset();
    m_app.reset();
    m_window = nullptr;
}

bool KioskScene::contentReady() const
{
    return m_window && m_window->property("contentReady").toBool();
}

bool KioskScene::waitReady(const QString &screen, int timeoutMs)
{
    Navigator *navigator = Navigator::instance();
    if (!QTest::qWaitFor([&] { return navigator->screen() == screen; }, timeoutMs))
        return fail(QStringLiteral("the kiosk shows the screen '%1', not '%2'")
                        .arg(navigator->screen(), screen));
    if (!QTest::qWaitFor([&] { return contentReady(); }, timeoutMs))
        return fail(QStringLiteral("the screen '%1' never showed its content").arg(screen));
    QTest::qWait(50); // let the frame with the content render
    return true;
}

bool KioskScene::openItem(const QString &kind, const QString &id)
{
    Navigator::instance()->openItem(kind, id);
    return waitReady(kind);
}

QQuickItem *KioskScene::find(const QString &objectName, QQuickItem *within) const
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QQuickItem *root = within ? within : (m_window ? m_window->contentItem() : nullptr);
    return root ? findIn(root, objectName) : nullptr;
}

QQuickItem *KioskScene::seek(const QString &objectName)
{
    QQuickItem *item = find(objectName);
    for (int attempt = 0; attempt < 40 && !item; ++attempt) {
        scrollBy(600);
        item = find(objectName);
    }
    return item;
}

QQuickItem *KioskScene::settled(const QString &objectName)
{
    QPoint last(-1, -1);
    for (int settle = 0; settle < 40; ++settle) {
        QQuickItem *item = find(objectName);
        if (!item)
            return nullptr;
        const QPoint now = centre(item);
        if (now == last && !flickableMoving(item))
            return item;
        last = now;
        QTest::qWait(40);
    }
    return find(objectName);
}

QString KioskScene::textOf(const QString &objectName) const
{
    QQuickItem *item = find(objectName);
    return item ? item->property("text").toString() : QString();
}

void KioskScene::orientationRows()
{
    QTest::addColumn<QString>("orientation");
    QTest::newRow("portrait") << QStringLiteral("portrait");
    QTest::newRow("landscape") << QStringLiteral("landscape");
}

QPoint KioskScene::centre(QQuickItem *item)
{
    return item->mapToScene(QPointF(item->width() / 2, item->height() / 2)).toPoint();
}

QStringList KioskScene::sceneTexts() const
{
    QStringList out;
    collect(m_window->contentItem(), out);
    out.removeAll(QString());
    return out;
}

QQuickItem *KioskScene::mainFlickable() const
{
    QQuickItem *loader = find(QStringLiteral("screenLoader"));
    if (!loader || loader->childItems().isEmpty())
        return nullptr;
    QQuickItem *screen = loader->childItems().first();
    return isFlickable(screen) ? screen : nullptr;
}

bool KioskScene::flickableMoving(QQuickItem *item) const
{
    if (QQuickItem *f = mainFlickable(); f && f->property("moving").toBool())
        return true;
    for (QQuickItem *p = item->parentItem(); p; p = p->parentItem())
        if (isFlickable(p) && p->property("moving").toBool())
            return true;
    return false;
}

void KioskScene::scrollBy(qreal dy)
{
    if (QQuickItem *f = mainFlickable())
        scrollTo(f, Qt::Vertical, f->property("contentY").toReal() + dy);
}

void KioskScene::scrollToTop()
{
    if (QQuickItem *f = mainFlickable())
        scrollTo(f, Qt::Vertical, -1e9);
}

bool KioskScene::pageDown()
{
    QQuickItem *f = mainFlickable();
    if (!f)
        return false;
    const qreal before = f->property("contentY").toReal();
    const qreal last = scrollRange(f, Qt::Vertical).second;
    if (before >= last - 1)
        return false;
    f->setProperty("contentY", std::min(before + f->height() * 0.85, last));
    return true;
}

void KioskScene::reveal(QQuickItem *item)
{
    // Innermost first: scrolling an outer Flickable does not move the item in an inner one.
    for (QQuickItem *f = item->parentItem(); f; f = f->parentItem()) {
        if (!isFlickable(f))
            continue;
        const QPointF at = item->mapToItem(f, QPointF(0, 0));
        if (at.y() < 0 || at.y() + std::min(item->height(), f->height()) > f->height())
            scrollTo(f, Qt::Vertical, f->property("contentY").toReal() + at.y() - 40);
        const bool sideways = f->property("contentWidth").toReal() > f->width();
        if (sideways && (at.x() < 0 || at.x() + std::min(item->width(), f->width()) > f->width()))
            scrollTo(f, Qt::Horizontal, f->property("contentX").toReal() + at.x() - 40);
    }
}

bool KioskScene::tap(const QString &objectName, int timeoutMs)
{
    QQuickItem *item = nullptr;
    (void)QTest::qWaitFor([&] { return (item = seek(objectName)) && item->isEnabled(); },
                          timeoutMs);
    if (!item)
        return fail(QStringLiteral("no visible item named ") + objectName);
    if (!item->isEnabled())
        return fail(objectName + QStringLiteral(" is disabled"));
    // Scrolling may have recreated list rows, and lists refilled by a filter move
    // their rows once laid out: tap only where the item has stopped moving, and
    // reveal it again if its centre came to rest out of view (a Flickable moved it
    // after the first reveal). An item taller than its view may never show its
    // centre: then the finger lands in the middle of the part that shows.
    QPoint at;
    bool inView = false;
    bool centreShown = false;
    for (int pass = 0; pass < 3 && !centreShown; ++pass) {
        item = find(objectName);
        if (!item)
            return fail(objectName + QStringLiteral(" vanished while scrolling"));
        reveal(item);
        item = settled(objectName);
        if (!item)
            return fail(objectName + QStringLiteral(" vanished while scrolling"));
        inView = touchPoint(item, &at, &centreShown);
    }
    if (!inView)
        return fail(objectName + QStringLiteral(" is off screen"));
    QTest::touchEvent(m_window, touchScreen()).press(0, at, m_window);
    QTest::touchEvent(m_window, touchScreen()).release(0, at, m_window);
    return true;
}

bool KioskScene::typeKeys(const QString &letters)
{
    for (QChar c : letters)
        if (!tap(QStringLiteral("key_") + c))
            return false;
    return true;
}

void KioskScene::hold(const QPoint &at, int ms)
{
    QTest::touchEvent(m_window, touchScreen()).press(0, at, m_window);
    QTest::qWait(ms);
    QTest::touchEvent(m_window, touchScreen()).release(0, at, m_window);
    QTest::qWait(50);
}

void KioskScene::stroke(QQuickItem *item, const QList<QPointF> &through)
{
    if (through.isEmpty())
        return;
    QList<QPoint> points;
    for (qsizetype i = 0; i + 1 < through.size(); ++i)
        for (int k = (i == 0 ? 0 : 1); k <= 8; ++k) {
            const QPointF f = through[i] + (through[i + 1] - through[i]) * (k / 8.0);
            points.append(
                item->mapToScene(QPointF(f.x() * item->width(), f.y() * item->height())).toPoint());
        }
    if (points.isEmpty()) // a single point: a touch on the spot
        points.append(item->mapToScene(QPointF(through[0].x() * item->width(),
                                               through[0].y() * item->height()))
                          .toPoint());
    QTest::touchEvent(m_window, touchScreen()).press(0, points.first(), m_window);
    for (const QPoint &p : points.mid(1))
        QTest::touchEvent(m_window, touchScreen()).move(0, p, m_window);
    QTest::touchEvent(m_window, touchScreen()).release(0, points.last(), m_window);
    QTest::qWait(30);
}

QString KioskScene::qrOnScreen(QQuickItem *qr) const
{
    const QImage shot = m_window->grabWindow().convertToFormat(QImage::Format_Grayscale8);
    const QRectF r = qr->mapRectToScene(QRectF(0, 0, qr->width(), qr->height()));
    const QImage crop = shot.copy(r.toAlignedRect().adjusted(-10, -10, 10, 10));
    const ZXing::ImageView view(crop.constBits(), crop.width(), crop.height(),
                                ZXing::ImageFormat::Lum, int(crop.bytesPerLine()));
    const ZXing::Result result = ZXing::ReadBarcode(view);
    return result.isValid() ? QString::fromStdString(result.text()) : QString();
}

bool KioskScene::shoot(const QString &name) const
{
    const QString folder = m_shotFolder.isEmpty() ? m_orientation : m_shotFolder;
    const QString dir = testsupport::outputDirectory() + QStringLiteral("/screens/") + folder;
    QDir().mkpath(dir);
    const QImage image = m_window->grabWindow();
    if (image.isNull())
        return fail(QStringLiteral("no screenshot of the window for ") + name);
    if (!image.save(dir + QLatin1Char('/') + name + QStringLiteral(".png")))
        return fail(QStringLiteral("cannot save the screenshot ") + name + QStringLiteral(" in ") +
                    dir);
    return true;
}
