#include "settingformats.h"

#include <QDir>
#include <QUrl>

namespace config {

QStringList splitList(const QString &text)
{
    QStringList items;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString item = part.trimmed();
        if (!item.isEmpty())
            items << item;
    }
    return items;
}

// Anything but http(s) with a host (ftp://, a bare host name, a typo'd scheme) would
// only fail later: at every poll in the sync log, or on a resident's phone.
static std::optional<QUrl> webUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return std::nullopt;
    return url;
}

bool isWebAddress(const QString &text) { return webUrl(text).has_value(); }

bool isPageBaseAddress(const QString &text)
{
    const auto url = webUrl(text);
    return url && !url->hasQuery() && !url->hasFragment() && url->userInfo().isEmpty();
}

bool isItemLinkTemplate(const QString &text)
{
    // QUrl would read "%1" as a broken percent escape: check the link as printed.
    return text.contains(QLatin1String("%1")) &&
           isWebAddress(QString(text).replace(QLatin1String("%1"), QLatin1String("g-item")));
}

bool isPrintQueueName(const QString &text)
{
    if (text.isEmpty() || text.size() > 127)
        return false;
    for (const QChar c : text) {
        if (c.isSpace() || !c.isPrint() || QStringView(u"/\\#?'\"").contains(c))
            return false;
    }
    return true;
}

std::optional<QString> hostName(const QString &text)
{
    // QUrl::setHost would take "a:80" as an IPv6 attempt and "x/y" as invalid, but say
    // nothing a person can act on; these are the usual mistakes, refused up front.
    for (const QChar c : text)
        if (c.isSpace() || QStringView(u":/@?#[]\\").contains(c))
            return std::nullopt;
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return std::nullopt;
    // DNS's own limits, on the ASCII form an internationalised name travels in.
    const QByteArray ace = QUrl::toAce(url.host());
    if (ace.isEmpty() || ace.size() > 253)
        return std::nullopt;
    for (const QByteArray &label : ace.split('.'))
        if (label.isEmpty() || label.size() > 63 || label.startsWith('-') || label.endsWith('-'))
            return std::nullopt;
    return url.host();
}

bool isAbsolutePath(const QString &text) { return text.startsWith(QLatin1Char('/')); }

std::optional<QString> absoluteFolder(const QString &text)
{
    if (!isAbsolutePath(text))
        return std::nullopt;
    return QDir::cleanPath(text);
}

const QStringList &removableFilesystemTypes()
{
    // What a stick, card or disc is mounted as; fuseblk is exFAT or NTFS through FUSE.
    static const QStringList types = {"vfat",  "msdos", "exfat", "ntfs",    "ntfs3", "fuseblk",
                                      "ext2",  "ext3",  "ext4",  "btrfs",   "xfs",   "f2fs",
                                      "iso9660", "udf", "hfs",   "hfsplus"};
    return types;
}

std::optional<QString> removableFilesystemType(const QString &text)
{
    const QString name = text.toLower();
    if (!removableFilesystemTypes().contains(name))
        return std::nullopt;
    return name;
}

} // namespace config
