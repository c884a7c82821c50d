// Privacy: a card read through the real driver and worker thread, kept for a
// "session", then wiped. Afterwards its name and number are gone from the
// session's memory, and no log line of the whole run (every category, every level)
// nor any file written during the test contains them.
#include "idcardservice.h"
#include "idcardsimulator.h"
#include "simcards.h"

#include <QtTest>
#include <mutex>

using namespace device;

namespace {
std::mutex logMutex;
QStringList captured;

void capture(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    std::lock_guard lock(logMutex);
    captured << QString::fromUtf8(context.category ? context.category : "") + QLatin1Char(' ') + message;
}

bool containsUtf16(const void *memory, size_t size, const QString &needle)
{
    const QByteArrayView haystack(static_cast<const char *>(memory), qsizetype(size));
    return haystack.indexOf(QByteArrayView(reinterpret_cast<const char *>(needle.utf16()),
                                           needle.size() * 2)) >= 0;
}
} // namespace

class IdCardPrivacyTest : public QObject
{
    Q_OBJECT

    // What a kiosk session would hold while a resident fills in a form.
    struct Session
    {
        IdCard card;
    };

private slots:
    void readWipeAndSearch()
    {
        const QString name = QStringLiteral("张三丰");
        const QString number = QStringLiteral("11010519491231002X");
        const QString address = QStringLiteral("北京市朝阳区示例路1号");
        // No slack: a binary linked just before the run (this test's own, which
        // holds these literals) must not count as written during the test.
        const QDateTime started = QDateTime::currentDateTime();

        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
        const QtMessageHandler previous = qInstallMessageHandler(capture);

        IdCardSimulator sim;
        QVERIFY(sim.start());
        IdCardReaderConfig config;
        config.portPath = sim.devicePath();
        config.pollIntervalMs = 50;
        Session session;
        QString heldName, heldNumber; // views on the session's storage, taken before the wipe
        {
            IdCardService service(config);
            connect(&service, &IdCardService::cardRead, this,
                    [&](const IdCard &card) { session.card = card; });
            service.start();
            sim.placeCard(simcards::resident(), simcards::photo());
            QTRY_VERIFY_WITH_TIMEOUT(!session.card.idNumber.isEmpty(), 5000);
            QVERIFY(service.stop());
        }
        QCOMPARE(session.card.name, name);
        QCOMPARE(session.card.maskedName(), QStringLiteral("张*丰"));
        QCOMPARE(session.card.maskedIdNumber(), QStringLiteral("1101**********002X"));
        heldName = session.card.name;
        heldNumber = session.card.idNumber;

        // The session ends.
        session.card.wipe();

        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());

        // Memory: the fields are empty, and the storage they used holds zeros.
        QVERIFY(session.card.name.isEmpty() && session.card.idNumber.isEmpty());
        QVERIFY(!containsUtf16(heldName.constData(), size_t(heldName.size()) * 2, name));
        QVERIFY(!containsUtf16(heldNumber.constData(), size_t(heldNumber.size()) * 2, number));
        QCOMPARE(heldNumber, QString(18, QChar(0)));

        // Logs: the driver did log (events and codes) but nothing personal.
        QStringList logs;
        {
            std::lock_guard lock(logMutex);
            logs = captured;
        }
        QVERIFY2(logs.join(QLatin1Char('\n')).contains(QLatin1String("card read")),
                 "the capture must have seen the driver's log");
        for (const QString &line : logs) {
            for (const QString &secret : {name, number, address, QStringLiteral("19491231"),
                                          number.left(6) + QStringLiteral("19491231")})
                QVERIFY2(!line.contains(secret), qPrintable(QStringLiteral("logged: ") + line));
        }

        // Files: nothing written under the temp directory or the working directory
        // during the test holds the name or number (UTF-8 or UTF-16).
        const QByteArrayList needles {name.toUtf8(), number.toUtf8(),
                                      QByteArray(reinterpret_cast<const char *>(name.utf16()), name.size() * 2)};
        int scanned = 0, visited = 0; // bounded walk of possibly large trees
        for (const QString &root : {QDir::tempPath(), QDir::currentPath()}) {
            QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoSymLinks,
                            QDirIterator::Subdirectories);
            while (it.hasNext() && scanned < 5000 && ++visited < 100000) {
                const QFileInfo info(it.next());
                if (info.lastModified() < started || info.size() > 16 * 1024 * 1024 ||
                    info.absoluteFilePath() == QCoreApplication::applicationFilePath())
                    continue;
                QFile f(info.filePath());
                if (!f.open(QIODevice::ReadOnly))
                    continue;
                const QByteArray content = f.readAll();
                ++scanned;
                for (const QByteArray &n : needles)
                    QVERIFY2(!content.contains(n), qPrintable(info.filePath()));
            }
        }
    }
};

QTEST_GUILESS_MAIN(IdCardPrivacyTest)
#include "tst_idcardprivacy.moc"
