// The settings file: defaults, validation by name, and the documented file staying
// true to the schema.
#include "kiosksettings.h"
#include "staffpin.h"
#include "settingformats.h"
#include "settingsschema.h"
#include "testsupport.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace config;

class SettingsTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString write(const QString &text)
    {
        const QString path = m_dir.filePath(QStringLiteral("kiosk-%1.conf").arg(++m_n));
        testsupport::writeFile(path, text);
        return path;
    }
    int m_n = 0;

    static QStringList keysOf(const QList<SettingsIssue> &issues)
    {
        QStringList keys;
        for (const auto &i : issues)
            keys << i.key;
        return keys;
    }

private slots:
    void defaultsWithoutFile()
    {
        QList<SettingsIssue> issues;
        const KioskSettings s = KioskSettings::load(m_dir.filePath("missing.conf"), &issues);
        QCOMPARE(issues.size(), 1);
        QVERIFY(issues.first().message.contains("does not exist"));
        QCOMPARE(s.orientation(), QStringLiteral("portrait"));
        QCOMPARE(s.idleTimeoutSeconds(), 120);
        QCOMPARE(s.offeredLanguages(), (QStringList{"zh-Hans", "en", "ug"}));
        QCOMPARE(s.maxPagesPerSession(), 30);
    }

    void validValuesAreUsed()
    {
        QList<SettingsIssue> issues;
        const KioskSettings s = KioskSettings::load(
            write("[display]\norientation = landscape\ntext_scale = 1.5\n"
                  "[session]\nidle_timeout_seconds = 300\n"
                  "[language]\noffered = zh-Hans, en\ndefault = en\n"
                  "[devices]\nid_card_reader = /dev/ttyUSB3\n"),
            &issues);
        QVERIFY2(issues.isEmpty(), qPrintable(issues.value(0).message));
        QCOMPARE(s.orientation(), QStringLiteral("landscape"));
        QCOMPARE(s.textScale(), 1.5);
        QCOMPARE(s.idleTimeoutSeconds(), 300);
        QCOMPARE(s.offeredLanguages(), (QStringList{"zh-Hans", "en"}));
        QCOMPARE(s.defaultLanguage(), QStringLiteral("en"));
        QCOMPARE(s.value("devices/id_card_reader").toString(), QStringLiteral("/dev/ttyUSB3"));
        QVERIFY(!s.isDefault("session/idle_timeout_seconds"));
    }

    // Every fallback names the key, the bad value and the default really used.
    void badValuesAreNamedAndReplacedByDefaults_data()
    {
        QTest::addColumn<QString>("section");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("usedDefault"); // as the message must name it
        QTest::newRow("not a number") << "session" << "idle_timeout_seconds" << "soon" << "'120'";
        QTest::newRow("too small") << "session" << "idle_timeout_seconds" << "5" << "'120'";
        QTest::newRow("too large") << "print" << "max_pages_per_session" << "100000" << "'30'";
        QTest::newRow("unknown choice")
            << "display" << "orientation" << "upside-down" << "'portrait'";
        QTest::newRow("bad boolean") << "accessibility" << "elderly_mode" << "maybe" << "'false'";
        QTest::newRow("bad language")
            << "language" << "offered" << "zh-Hans,fr" << "'zh-Hans,en,ug'";
        QTest::newRow("device outside /dev") << "devices" << "qr_scanner" << "/tmp/x" << "'auto'";
        QTest::newRow("relative catalog") << "catalog" << "path" << "catalog.db" << "(empty)";
        QTest::newRow("scale out of range") << "display" << "text_scale" << "9" << "'1'";
        QTest::newRow("ftp repository") << "sync" << "url" << "ftp://catalog.example.gov.cn/zone1"
                                        << "(empty)";
        QTest::newRow("repository without scheme")
            << "sync" << "url" << "catalog.example.gov.cn/zone1" << "(empty)";
        QTest::newRow("repository without host") << "sync" << "url" << "https:///zone1"
                                                 << "(empty)";
        QTest::newRow("repository scheme typo")
            << "sync" << "url" << "htps://catalog.example.gov.cn" << "(empty)";
        QTest::newRow("repository as a file") << "sync" << "url" << "file:///srv/catalog"
                                              << "(empty)";
        // The kiosk's page address: each content screen shows <it>/item/ID as a QR code.
        QTest::newRow("page base without scheme")
            << "scan" << "page_base_url" << "zwgk.example.gov.cn/kiosk" << "(empty)";
        QTest::newRow("page base on ftp")
            << "scan" << "page_base_url" << "ftp://zwgk.example.gov.cn/kiosk" << "(empty)";
        QTest::newRow("page base without host")
            << "scan" << "page_base_url" << "https:///kiosk" << "(empty)";
        QTest::newRow("page base with a query")
            << "scan" << "page_base_url" << "https://zwgk.example.gov.cn/kiosk?from=qr"
            << "(empty)";
        QTest::newRow("page base with a user name")
            << "scan" << "page_base_url" << "https://staff@zwgk.example.gov.cn/kiosk" << "(empty)";
        // Hosts are written alone; a scanned address's host never equals "https://…".
        QTest::newRow("host with scheme")
            << "scan" << "allowed_hosts" << "https://www.example.gov.cn" << "(empty)";
        QTest::newRow("host with path") << "scan" << "allowed_hosts" << "www.example.gov.cn/gk"
                                        << "(empty)";
        QTest::newRow("host with port") << "scan" << "allowed_hosts" << "www.example.gov.cn:8080"
                                        << "(empty)";
        QTest::newRow("host with empty label")
            << "scan" << "allowed_hosts" << "www..example.gov.cn" << "(empty)";
        QTest::newRow("host label starting with a hyphen")
            << "scan" << "allowed_hosts" << "-www.example.gov.cn" << "(empty)";
        QTest::newRow("host with a space")
            << "scan" << "allowed_hosts" << "www.example.gov.cn,zwfw example.gov.cn" << "(empty)";
        QTest::newRow("relative mount root")
            << "sync" << "usb_mount_roots" << "media" << "'/media,/run/media'";
        QTest::newRow("mount root as a Qt resource path (found by fuzz_settings)")
            << "sync" << "usb_mount_roots" << "/media,:usb" << "'/media,/run/media'";
        QTest::newRow("catalog as a Qt resource path")
            << "catalog" << "path" << ":catalog.db" << "(empty)";
        QTest::newRow("one relative mount root among absolute ones")
            << "sync" << "usb_mount_roots" << "/media,run/media" << "'/media,/run/media'";
        QTest::newRow("FAT32 is vfat to the kernel")
            << "sync" << "usb_filesystem_types" << "fat32" << "'vfat,exfat'";
        QTest::newRow("one unknown filesystem type")
            << "sync" << "usb_filesystem_types" << "vfat,ext5" << "'vfat,exfat'";
        // Without %1 every printed QR code would silently fall back to kiosk-item:<id>.
        QTest::newRow("item link without %1")
            << "print" << "item_link" << "https://gk.example.gov.cn/item/" << "(empty)";
        QTest::newRow("item link without scheme")
            << "print" << "item_link" << "gk.example.gov.cn/item/%1" << "(empty)";
        QTest::newRow("item link on ftp")
            << "print" << "item_link" << "ftp://gk.example.gov.cn/item/%1" << "(empty)";
        QTest::newRow("print queue with a space")
            << "print" << "document_queue" << "Kiosk PDF" << "(empty)";
        QTest::newRow("print queue with a slash")
            << "print" << "document_queue" << "printers/KioskPDF" << "(empty)";
        QTest::newRow("print queue with a hash")
            << "print" << "document_queue" << "Kiosk#1" << "(empty)";
    }

    void badValuesAreNamedAndReplacedByDefaults()
    {
        QFETCH(QString, section);
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(QString, usedDefault);
        const QString key = section + '/' + name;
        QList<SettingsIssue> issues;
        const KioskSettings s = KioskSettings::load(
            write(QStringLiteral("[%1]\n%2 = %3\n[session]\nwarning_seconds = 40\n")
                      .arg(section, name, value)),
            &issues);
        QCOMPARE(keysOf(issues), QStringList{key});
        const QString message = issues.first().message;
        QVERIFY2(message.contains(key), qPrintable(message));
        QVERIFY2(message.contains("'" + value + "'"), qPrintable(message));
        QVERIFY2(message.contains("using the default " + usedDefault), qPrintable(message));
        QCOMPARE(s.value(key), findSetting(key)->defaultValue);
        QVERIFY(s.isDefault(key));
        // The rest of the file still counts.
        QCOMPARE(s.warningSeconds(), 40);
    }

    // Anything but an Argon2id hash in the form kiosk --hash-pin writes is refused, and
    // the staff screen stays closed (the empty default). The value is not repeated in
    // the message: staff may have typed the PIN itself where its hash belongs.
    void badPinHashIsRefusedUnshown_data()
    {
        QTest::addColumn<QString>("value");
        const QString salt = QStringLiteral("c2FsdHNhbHRzYWx0c2FsdA");
        const QString hash = QStringLiteral("aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g");
        QTest::newRow("not a hash") << "not-a-hash";
        QTest::newRow("the PIN itself") << "246813";
        QTest::newRow("argon2i, not argon2id")
            << "$argon2i$v=19$m=65536,t=2,p=1$" + salt + '$' + hash;
        QTest::newRow("older version") << "$argon2id$v=16$m=65536,t=2,p=1$" + salt + '$' + hash;
        QTest::newRow("no version") << "$argon2id$m=65536,t=2,p=1$" + salt + '$' + hash;
        QTest::newRow("zero passes") << "$argon2id$v=19$m=65536,t=0,p=1$" + salt + '$' + hash;
        QTest::newRow("memory past 32 bits")
            << "$argon2id$v=19$m=4294967296,t=2,p=1$" + salt + '$' + hash;
        QTest::newRow("parameters reordered")
            << "$argon2id$v=19$t=2,m=65536,p=1$" + salt + '$' + hash;
        QTest::newRow("no salt") << "$argon2id$v=19$m=65536,t=2,p=1$$" + hash;
        QTest::newRow("short salt") << "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$" + hash;
        QTest::newRow("short hash") << "$argon2id$v=19$m=65536,t=2,p=1$" + salt + "$aGFzaA";
        QTest::newRow("hash not base64") << "$argon2id$v=19$m=65536,t=2,p=1$" + salt + '$' +
                                                hash.chopped(4) + "h@sh";
        QTest::newRow("padded base64") << "$argon2id$v=19$m=65536,t=2,p=1$" + salt + "==$" + hash;
        QTest::newRow("impossible base64 length")
            << "$argon2id$v=19$m=65536,t=2,p=1$" + salt + '$' + hash + 'A' + 'A';
        QTest::newRow("trailing text") << "$argon2id$v=19$m=65536,t=2,p=1$" + salt + '$' + hash +
                                              "$x";
        QTest::newRow("longer than libsodium verifies")
            << "$argon2id$v=19$m=65536,t=2,p=1$" + salt + '$' + hash + QString(64, 'A');
    }

    void badPinHashIsRefusedUnshown()
    {
        QFETCH(QString, value);
        QList<SettingsIssue> issues;
        const KioskSettings s = KioskSettings::load(
            write(QStringLiteral("[staff]\npin_hash = \"%1\"\n").arg(value)), &issues);
        QCOMPARE(keysOf(issues), QStringList{"staff/pin_hash"});
        const QString message = issues.first().message;
        QVERIFY2(message.contains("staff/pin_hash"), qPrintable(message));
        QVERIFY2(message.contains("Argon2id"), qPrintable(message));
        QVERIFY2(message.contains("using the default (empty)"), qPrintable(message));
        QVERIFY2(!message.contains(value), qPrintable(message));
        QCOMPARE(s.value("staff/pin_hash").toString(), QString());
    }

    // What the kiosk itself writes is accepted, quoted as kiosk --hash-pin prints it or
    // not (QSettings then splits it at the commas); so are empty values and real addresses.
    void goodValuesAreAccepted_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("written");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("pin"); // a PIN the loaded staff/pin_hash must verify
        const QString pin = QStringLiteral("246813");
        const QString hash = config::hashPin(pin);
        const QString other = config::hashPin(QStringLiteral("0000000000"));
        QVERIFY(hash.startsWith("$argon2id$v=19$") && other.startsWith("$argon2id$v=19$"));
        QTest::newRow("hash from kiosk --hash-pin")
            << "staff/pin_hash" << '"' + hash + '"' << hash << pin;
        QTest::newRow("hash without its quotes") << "staff/pin_hash" << hash << hash << pin;
        QTest::newRow("another PIN's hash")
            << "staff/pin_hash" << '"' + other + '"' << other << "0000000000";
        QTest::newRow("no PIN") << "staff/pin_hash" << "" << "" << "";
        QTest::newRow("https repository") << "sync/url" << "https://catalog.example.gov.cn/zone1"
                                          << "https://catalog.example.gov.cn/zone1" << "";
        QTest::newRow("http repository on a port")
            << "sync/url" << "http://10.20.0.5:8080/catalog" << "http://10.20.0.5:8080/catalog"
            << "";
        QTest::newRow("no network sync") << "sync/url" << "" << "" << "";
        QTest::newRow("page base with a trailing slash")
            << "scan/page_base_url" << "https://zwgk.example.gov.cn/kiosk/"
            << "https://zwgk.example.gov.cn/kiosk/" << "";
        QTest::newRow("page base on a port") << "scan/page_base_url" << "http://10.20.0.5:8080/kiosk"
                                             << "http://10.20.0.5:8080/kiosk" << "";
        QTest::newRow("item link with a query")
            << "print/item_link" << "https://www.example.gov.cn/gk/show?id=%1"
            << "https://www.example.gov.cn/gk/show?id=%1" << "";
        QTest::newRow("CUPS queue") << "print/document_queue" << "Kiosk_PDF-2"
                                    << "Kiosk_PDF-2" << "";
        QTest::newRow("system camera") << "scan/camera" << "default" << "default" << "";
        QTest::newRow("camera by id") << "scan/camera" << "/dev/video2" << "/dev/video2" << "";
    }

    void goodValuesAreAccepted()
    {
        QFETCH(QString, key);
        QFETCH(QString, written);
        QFETCH(QString, expected);
        QFETCH(QString, pin);
        const QStringList part = key.split('/');
        QList<SettingsIssue> issues;
        const KioskSettings s = KioskSettings::load(
            write(QStringLiteral("[%1]\n%2 = %3\n").arg(part[0], part[1], written)), &issues);
        QVERIFY2(issues.isEmpty(), qPrintable(issues.value(0).message));
        QCOMPARE(s.value(key).toString(), expected);
        if (!pin.isEmpty())
            QVERIFY(config::verifyPin(s.value(key).toString(), pin));
    }

    // A bad item of a list is named with what is wrong with it, not just the whole line.
    void badListItemIsNamed_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("written");
        QTest::addColumn<QString>("named"); // what the message must say about the item
        QTest::newRow("relative root")
            << "sync/usb_mount_roots" << "/media,usb" << "'usb', which is not an absolute";
        QTest::newRow("unknown filesystem type")
            << "sync/usb_filesystem_types" << "exfat,fat32" << "'fat32', which is not a";
        QTest::newRow("address instead of host")
            << "scan/allowed_hosts" << "www.example.gov.cn,http://zwfw.example.gov.cn"
            << "'http://zwfw.example.gov.cn', which is not a host name";
        QTest::newRow("language not offered")
            << "language/offered" << "zh-Hans,fr" << "'fr', which is not";
    }

    void badListItemIsNamed()
    {
        QFETCH(QString, key);
        QFETCH(QString, written);
        QFETCH(QString, named);
        const QStringList part = key.split('/');
        QList<SettingsIssue> issues;
        const KioskSettings s = KioskSettings::load(
            write(QStringLiteral("[%1]\n%2 = %3\n").arg(part[0], part[1], written)), &issues);
        QCOMPARE(keysOf(issues), QStringList{key});
        QVERIFY2(issues.first().message.contains(named), qPrintable(issues.first().message));
        QCOMPARE(s.value(key), findSetting(key)->defaultValue);
    }

    // List-valued settings are split at commas, trimmed, normalised (host names and
    // filesystem types in lower case, folders cleaned) and freed of repeats in config/,
    // so the kiosk reads a list and splits nothing.
    void listsAreSplitTrimmedAndNormalised_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("written");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("mount roots with spaces and a trailing slash")
            << "sync/usb_mount_roots" << " /media/ , /run/media" << QStringList{"/media", "/run/media"};
        QTest::newRow("no mount roots: no USB import") << "sync/usb_mount_roots" << ""
                                                       << QStringList{};
        QTest::newRow("filesystem types in capitals")
            << "sync/usb_filesystem_types" << "VFAT, exFAT" << QStringList{"vfat", "exfat"};
        QTest::newRow("filesystem types of exFAT and NTFS through FUSE")
            << "sync/usb_filesystem_types" << "vfat,fuseblk,ntfs3"
            << QStringList{"vfat", "fuseblk", "ntfs3"};
        QTest::newRow("any filesystem type") << "sync/usb_filesystem_types" << ""
                                             << QStringList{};
        QTest::newRow("hosts in capitals with spaces")
            << "scan/allowed_hosts" << " WWW.Example.gov.cn , zwfw.example.gov.cn"
            << QStringList{"www.example.gov.cn", "zwfw.example.gov.cn"};
        QTest::newRow("a repeated host") << "scan/allowed_hosts" << "gk.example.gov.cn,gk.example.gov.cn"
                                         << QStringList{"gk.example.gov.cn"};
        QTest::newRow("an address's host on the LAN")
            << "scan/allowed_hosts" << "10.20.0.5,intranet" << QStringList{"10.20.0.5", "intranet"};
        QTest::newRow("no further hosts") << "scan/allowed_hosts" << "" << QStringList{};
    }

    void listsAreSplitTrimmedAndNormalised()
    {
        QFETCH(QString, key);
        QFETCH(QString, written);
        QFETCH(QStringList, expected);
        const QStringList part = key.split('/');
        QList<SettingsIssue> issues;
        const KioskSettings s = KioskSettings::load(
            write(QStringLiteral("[%1]\n%2 = %3\n").arg(part[0], part[1], written)), &issues);
        QVERIFY2(issues.isEmpty(), qPrintable(issues.value(0).message));
        QCOMPARE(s.value(key).typeId(), QMetaType::QStringList);
        QCOMPARE(s.value(key).toStringList(), expected);
    }

    // What the kiosk reads when kiosk.conf says nothing: the groups of the defaults.
    void groupsOfTheBuiltInDefaults()
    {
        const KioskSettings s;
        QCOMPARE(s.display().orientation, Orientation::Portrait);
        QCOMPARE(s.session().idleTimeoutSeconds, 120);
        QCOMPARE(s.session().warningSeconds, 30);
        QCOMPARE(s.session().maxExtensions, 10);
        QCOMPARE(s.languages().offered, (QStringList{"zh-Hans", "en", "ug"}));
        QCOMPARE(s.languages().defaultLanguage, QStringLiteral("zh-Hans"));
        const AccessibilityDefaults a = s.accessibilityDefaults();
        QVERIFY(!a.elderlyMode && !a.highContrast && !a.voice);
        QCOMPARE(a.textScale, 1.0);
        QCOMPARE(s.storage().localDatabase, QString());
        QCOMPARE(s.devices().idCardReader.kind, DeviceLocation::Kind::Auto);
        QCOMPARE(s.devices().qrScanner.kind, DeviceLocation::Kind::Auto);
        QCOMPARE(s.devices().receiptPrinter.kind, DeviceLocation::Kind::Auto);
        const ScanSettings scan = s.scan();
        QVERIFY(scan.pageBaseUrl.isEmpty());
        QCOMPARE(scan.allowedHosts, QStringList());
        QCOMPARE(scan.suffix, ScanSuffix::Any);
        QCOMPARE(scan.keyboardScanner.kind, DeviceLocation::Kind::Auto);
        QCOMPARE(scan.camera.kind, CameraChoice::Kind::None);
        const PrintSettings print = s.print();
        QCOMPARE(print.documentQueue, QString());
        QCOMPARE(print.maxPagesPerSession, 30);
        QCOMPARE(print.maxPagesPerDocument, 20);
        QCOMPARE(print.itemLink, QString());
        const SyncSettings sync = s.sync();
        QVERIFY(sync.url.isEmpty());
        QCOMPARE(sync.root, QStringLiteral("/var/lib/disclosure-kiosk/sync"));
        QCOMPARE(sync.pollIntervalMinutes, 60);
        QCOMPARE(sync.transferDeadlineMinutes, 30);
        QCOMPARE(sync.minRateKibPerSecond, 8);
        QCOMPARE(sync.usbMountRoots, (QStringList{"/media", "/run/media"}));
        QCOMPARE(sync.usbFilesystemTypes, (QStringList{"vfat", "exfat"}));
        QCOMPARE(sync.expiryWarningDays, 3);
        QCOMPARE(s.staff().pinHash, QString());
    }

    // Every group field follows its key: a file that sets every setting.
    void groupsHoldTheCheckedValues()
    {
        const QString hash = config::hashPin(QStringLiteral("2468013579"));
        QList<SettingsIssue> issues;
        const KioskSettings s = KioskSettings::load(
            write(QStringLiteral(
                      "[display]\norientation = landscape\ntext_scale = 1.25\n"
                      "[session]\nidle_timeout_seconds = 300\nwarning_seconds = 45\n"
                      "max_extensions = 12\n"
                      "[language]\noffered = en, ug\ndefault = ug\n"
                      "[storage]\nlocal_database = /srv/kiosk/local.db\n"
                      "[devices]\nid_card_reader = /dev/ttyUSB3\nqr_scanner = none\n"
                      "receipt_printer = /dev/usb/lp0\n"
                      "[print]\ndocument_queue = KioskPDF\nmax_pages_per_session = 40\n"
                      "max_pages_per_document = 15\nitem_link = https://gk.example.gov.cn/item/%1\n"
                      "[accessibility]\nelderly_mode = yes\nhigh_contrast = on\nvoice = 1\n"
                      "[scan]\npage_base_url = https://zwgk.example.gov.cn/kiosk\n"
                      "allowed_hosts = www.example.gov.cn, ZWFW.example.gov.cn\nsuffix = crlf\n"
                      "keyboard_scanner = none\ncamera = /dev/video2\n"
                      "[sync]\nurl = https://catalog.example.gov.cn/zone1\nroot = /srv/sync\n"
                      "poll_interval_minutes = 15\ntransfer_deadline_minutes = 10\n"
                      "min_rate_kib_per_second = 64\nusb_mount_roots = /media/kiosk/\n"
                      "usb_filesystem_types = vfat\nexpiry_warning_days = 7\n"
                      "[staff]\npin_hash = \"") +
                  hash + "\"\n"),
            &issues);
        QVERIFY2(issues.isEmpty(), qPrintable(issues.value(0).message));
        QCOMPARE(s.display().orientation, Orientation::Landscape);
        QCOMPARE(s.session().idleTimeoutSeconds, 300);
        QCOMPARE(s.session().warningSeconds, 45);
        QCOMPARE(s.session().maxExtensions, 12);
        QCOMPARE(s.languages().offered, (QStringList{"en", "ug"}));
        QCOMPARE(s.languages().defaultLanguage, QStringLiteral("ug"));
        const AccessibilityDefaults a = s.accessibilityDefaults();
        QVERIFY(a.elderlyMode && a.highContrast && a.voice);
        QCOMPARE(a.textScale, 1.25);
        QCOMPARE(s.storage().localDatabase, QStringLiteral("/srv/kiosk/local.db"));
        QCOMPARE(s.devices().idCardReader.kind, DeviceLocation::Kind::Path);
        QCOMPARE(s.devices().idCardReader.path, QStringLiteral("/dev/ttyUSB3"));
        QCOMPARE(s.devices().qrScanner.kind, DeviceLocation::Kind::NotFitted);
        QCOMPARE(s.devices().receiptPrinter.path, QStringLiteral("/dev/usb/lp0"));
        const PrintSettings print = s.print();
        QCOMPARE(print.documentQueue, QStringLiteral("KioskPDF"));
        QCOMPARE(print.maxPagesPerSession, 40);
        QCOMPARE(print.maxPagesPerDocument, 15);
        QCOMPARE(print.itemLink, QStringLiteral("https://gk.example.gov.cn/item/%1"));
        const ScanSettings scan = s.scan();
        QCOMPARE(scan.pageBaseUrl, QUrl("https://zwgk.example.gov.cn/kiosk"));
        QCOMPARE(scan.allowedHosts, (QStringList{"www.example.gov.cn", "zwfw.example.gov.cn"}));
        QCOMPARE(scan.suffix, ScanSuffix::CRLF);
        QCOMPARE(scan.keyboardScanner.kind, DeviceLocation::Kind::NotFitted);
        QCOMPARE(scan.camera.kind, CameraChoice::Kind::Id);
        QCOMPARE(scan.camera.id, QStringLiteral("/dev/video2"));
        const SyncSettings sync = s.sync();
        QCOMPARE(sync.url, QUrl("https://catalog.example.gov.cn/zone1"));
        QCOMPARE(sync.root, QStringLiteral("/srv/sync"));
        QCOMPARE(sync.pollIntervalMinutes, 15);
        QCOMPARE(sync.transferDeadlineMinutes, 10);
        QCOMPARE(sync.minRateKibPerSecond, 64);
        QCOMPARE(sync.usbMountRoots, QStringList{"/media/kiosk"});
        QCOMPARE(sync.usbFilesystemTypes, QStringList{"vfat"});
        QCOMPARE(sync.expiryWarningDays, 7);
        QCOMPARE(s.staff().pinHash, hash);
    }

    // The words kiosk.conf allows become enums the kiosk switches on, not strings it
    // compares.
    void choicesBecomeEnums_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("written");
        QTest::addColumn<int>("kind");   // the enum the key's group field must hold
        QTest::addColumn<QString>("text"); // its path or id, if any
        using D = DeviceLocation::Kind;
        using C = CameraChoice::Kind;
        QTest::newRow("reader auto") << "devices/id_card_reader" << "auto" << int(D::Auto) << "";
        QTest::newRow("reader none") << "devices/id_card_reader" << "none" << int(D::NotFitted) << "";
        QTest::newRow("reader path") << "devices/id_card_reader" << "/dev/serial/by-id/usb-sam"
                                     << int(D::Path) << "/dev/serial/by-id/usb-sam";
        QTest::newRow("scanner path") << "devices/qr_scanner" << "/dev/ttyACM0" << int(D::Path)
                                      << "/dev/ttyACM0";
        QTest::newRow("keyboard scanner path")
            << "scan/keyboard_scanner" << "/dev/input/event5" << int(D::Path) << "/dev/input/event5";
        QTest::newRow("camera none") << "scan/camera" << "none" << int(C::None) << "";
        QTest::newRow("camera left empty") << "scan/camera" << "" << int(C::None) << "";
        QTest::newRow("camera default") << "scan/camera" << "default" << int(C::SystemDefault) << "";
        QTest::newRow("camera id") << "scan/camera" << "/dev/video0" << int(C::Id) << "/dev/video0";
        QTest::newRow("suffix auto") << "scan/suffix" << "auto" << int(ScanSuffix::Any) << "";
        QTest::newRow("suffix cr") << "scan/suffix" << "cr" << int(ScanSuffix::CR) << "";
        QTest::newRow("suffix lf") << "scan/suffix" << "lf" << int(ScanSuffix::LF) << "";
        QTest::newRow("suffix crlf") << "scan/suffix" << "crlf" << int(ScanSuffix::CRLF) << "";
    }

    void choicesBecomeEnums()
    {
        QFETCH(QString, key);
        QFETCH(QString, written);
        QFETCH(int, kind);
        QFETCH(QString, text);
        const QStringList part = key.split('/');
        QList<SettingsIssue> issues;
        const KioskSettings s = KioskSettings::load(
            write(QStringLiteral("[%1]\n%2 = %3\n").arg(part[0], part[1], written)), &issues);
        QVERIFY2(issues.isEmpty(), qPrintable(issues.value(0).message));
        const DeviceSettings devices = s.devices();
        const ScanSettings scan = s.scan();
        const DeviceLocation *device = key == "devices/id_card_reader" ? &devices.idCardReader
                                       : key == "devices/qr_scanner"   ? &devices.qrScanner
                                       : key == "scan/keyboard_scanner" ? &scan.keyboardScanner
                                                                        : nullptr;
        if (device) {
            QCOMPARE(int(device->kind), kind);
            QCOMPARE(device->path, text);
        } else if (key == "scan/camera") {
            QCOMPARE(int(scan.camera.kind), kind);
            QCOMPARE(scan.camera.id, text);
        } else {
            QCOMPARE(int(scan.suffix), kind);
        }
    }

    void unknownKeysAreReported()
    {
        QList<SettingsIssue> issues;
        KioskSettings::load(write("[session]\nidle_timout_seconds = 60\n"), &issues);
        QCOMPARE(keysOf(issues), QStringList{"session/idle_timout_seconds"});
        QVERIFY(issues.first().message.contains("not a known setting"));
    }

    void defaultLanguageMustBeOffered()
    {
        QList<SettingsIssue> issues;
        const KioskSettings s =
            KioskSettings::load(write("[language]\noffered = en, ug\ndefault = zh-Hans\n"), &issues);
        QCOMPARE(keysOf(issues), QStringList{"language/default"});
        QVERIFY2(issues.first().message.contains("'zh-Hans'") &&
                     issues.first().message.contains("'en'"),
                 qPrintable(issues.first().message));
        QCOMPARE(s.defaultLanguage(), QStringLiteral("en"));
    }

    void garbageFileNeverCrashes()
    {
        QList<SettingsIssue> issues;
        const KioskSettings s =
            KioskSettings::load(write(QString::fromLatin1("\x01\x02[[[=\n\xff\xfe===\n")), &issues);
        QVERIFY(!issues.isEmpty());
        QCOMPARE(s.idleTimeoutSeconds(), 120);
    }

    // The shipped, documented file names every setting with its built-in default, so
    // the documentation cannot drift from the code.
    void documentedFileMatchesSchema()
    {
        QSettings ini(QStringLiteral(KIOSK_CONF_FILE), QSettings::IniFormat);
        QList<SettingsIssue> issues;
        const KioskSettings loaded = KioskSettings::load(QStringLiteral(KIOSK_CONF_FILE), &issues);
        QVERIFY2(issues.isEmpty(), qPrintable(issues.value(0).message));
        const KioskSettings defaults;
        for (const SettingSpec &spec : settingsSchema()) {
            QVERIFY2(ini.contains(spec.key), qPrintable(spec.key + " is not documented"));
            QCOMPARE(loaded.value(spec.key), defaults.value(spec.key));
        }
        QCOMPARE(ini.allKeys().size(), int(settingsSchema().size()));
        // The filesystem types it lists for USB sticks are the ones the schema accepts.
        QFile file(QStringLiteral(KIOSK_CONF_FILE));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        for (const QString &type : removableFilesystemTypes())
            QVERIFY2(text.contains(QRegularExpression("[ (]" + type + "[ ,.)]")),
                     qPrintable(type + " is not documented"));
    }
};

QTEST_GUILESS_MAIN(SettingsTest)
#include "tst_settings.moc"
