// The settings file: defaults, validation by name, and the documented file staying
// true to the schema.
#include "kiosksettings.h"
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

    void badValuesAreNamedAndReplacedByDefaults_data()
    {
        QTest::addColumn<QString>("section");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::newRow("not a number") << "session" << "idle_timeout_seconds" << "soon";
        QTest::newRow("too small") << "session" << "idle_timeout_seconds" << "5";
        QTest::newRow("too large") << "print" << "max_pages_per_session" << "100000";
        QTest::newRow("unknown choice") << "display" << "orientation" << "upside-down";
        QTest::newRow("bad boolean") << "accessibility" << "elderly_mode" << "maybe";
        QTest::newRow("bad language") << "language" << "offered" << "zh-Hans, fr";
        QTest::newRow("device outside /dev") << "devices" << "qr_scanner" << "/tmp/x";
        QTest::newRow("relative catalog") << "catalog" << "path" << "catalog.db";
        QTest::newRow("scale out of range") << "display" << "text_scale" << "9";
    }

    void badValuesAreNamedAndReplacedByDefaults()
    {
        QFETCH(QString, section);
        QFETCH(QString, name);
        QFETCH(QString, value);
        const QString key = section + '/' + name;
        QList<SettingsIssue> issues;
        const KioskSettings s = KioskSettings::load(
            write(QStringLiteral("[%1]\n%2 = %3\n[session]\nwarning_seconds = 40\n")
                      .arg(section, name, value)),
            &issues);
        QCOMPARE(keysOf(issues), QStringList{key});
        QVERIFY2(issues.first().message.contains(key), qPrintable(issues.first().message));
        QVERIFY2(issues.first().message.contains("default"), qPrintable(issues.first().message));
        QCOMPARE(s.value(key), findSetting(key)->defaultValue);
        QVERIFY(s.isDefault(key));
        // The rest of the file still counts.
        QCOMPARE(s.warningSeconds(), 40);
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
    }
};

QTEST_GUILESS_MAIN(SettingsTest)
#include "tst_settings.moc"
