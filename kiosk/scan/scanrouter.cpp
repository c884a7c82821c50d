#include "scanrouter.h"

#include "catalogservice.h"
#include "itemopener.h"
#include "navigator.h"
#include "qrimageprovider.h"

#include <QLoggingCategory>

namespace kiosk {

Q_LOGGING_CATEGORY(lcScan, "kiosk.scan")

namespace {
constexpr int kNoticeMs = 10000; // long enough to read twice at a slow pace
}

ScanRouter::ScanRouter(CatalogService *catalog, Navigator *navigator, content::LinkRules rules,
                       Session *session, QObject *parent)
    : QObject(parent), SessionScoped(session, "the notice about a scan"), m_catalog(catalog), m_navigator(navigator), m_rules(std::move(rules))
{
    m_noticeTimer.setSingleShot(true);
    m_noticeTimer.setInterval(kNoticeMs);
    connect(&m_noticeTimer, &QTimer::timeout, this, &ScanRouter::dismissNotice);
    // A notice belongs to the screen it was shown on.
    connect(m_navigator, &Navigator::currentChanged, this, &ScanRouter::dismissNotice);
}

QString ScanRouter::noticeKeyFor(content::KioskLink::Rejection why)
{
    using R = content::KioskLink::Rejection;
    switch (why) {
    case R::None: return {};
    case R::Empty:
    case R::NotText:
    case R::ControlCharacters: return QStringLiteral("scan.unreadable");
    case R::TooLong: return QStringLiteral("scan.too_long");
    case R::PhoneNumber: return QStringLiteral("scan.phone_number");
    case R::ForeignUrl: return QStringLiteral("scan.foreign_url");
    case R::UnknownPage: return QStringLiteral("scan.unknown_page");
    case R::BadTrackingCode: return QStringLiteral("scan.bad_tracking");
    case R::Unrecognized: return QStringLiteral("scan.unrecognized");
    }
    return QStringLiteral("scan.unrecognized");
}

void ScanRouter::handleScan(const QString &text)
{
    const content::KioskLink code = content::KioskLink::parse(text, m_rules);
    qCInfo(lcScan) << "scan:" << code.kind << code.rejection;
    switch (code.kind) {
    case content::KioskLink::Kind::Item: {
        openItemById(m_catalog, m_navigator, this, code.itemId, [this](bool found) {
            if (!found) {
                qCInfo(lcScan) << "scan: item not in this catalog";
                showNotice(QStringLiteral("scan.not_in_catalog"));
            }
            emit scanHandled(content::KioskLink::Kind::Item);
        });
        return; // handled once the catalog answers
    }
    case content::KioskLink::Kind::Tracking:
        m_navigator->open(QStringLiteral("tracking"),
                          {{"code", code.trackingCode},
                           {"date", code.trackingDate.toString(Qt::ISODate)}});
        break;
    case content::KioskLink::Kind::Rejected:
        showNotice(noticeKeyFor(code.rejection), code.host);
        break;
    }
    emit scanHandled(code.kind);
}

void ScanRouter::handleScanFailure(device::Scanner::Problem problem)
{
    qCInfo(lcScan) << "scan failed:" << problem;
    showNotice(problem == device::Scanner::Problem::Overlong ? QStringLiteral("scan.too_long")
                                                              : QStringLiteral("scan.unreadable"));
    emit scanHandled(content::KioskLink::Kind::Rejected);
}

void ScanRouter::scannerStateChanged(device::Scanner::State before, device::Scanner::State now)
{
    if (before == now)
        return;
    m_readyScanners += now == device::Scanner::State::Ready ? 1 : -1;
    m_readyScanners = qMax(0, m_readyScanners);
    emit scannerChanged();
}

void ScanRouter::showNotice(const QString &key, const QString &argument)
{
    m_noticeKey = key;
    m_noticeArgument = argument;
    m_noticeTimer.start();
    emit noticeChanged();
}

void ScanRouter::dismissNotice()
{
    m_noticeTimer.stop();
    if (m_noticeKey.isEmpty())
        return;
    m_noticeKey.clear();
    m_noticeArgument.clear();
    emit noticeChanged();
}

QString ScanRouter::pageUrl(const QString &itemId) const
{
    return m_rules.pageBaseUrls.isEmpty() ? QString()
                                          : content::KioskLink::pageUrl(m_rules.pageBaseUrls.first(), itemId);
}

QString ScanRouter::pageQrSource(const QString &itemId) const
{
    const QString url = pageUrl(itemId);
    return url.isEmpty() ? QString() : QrImageProvider::sourceFor(url);
}

} // namespace kiosk
