// The keyboard-wedge scanner path without a scanner: this machine has no
// /dev/uinput, so no virtual input device can be created and the evdev read +
// EVIOCGRAB path is not exercised here. What is tested: the key-event decoder on
// evtest-format transcripts (press/release order of the kernel's HID layer, Shift
// as a separate key), Shift/CapsLock/keypad handling, overlong and unmapped keys,
// and the EvdevScanner's decoder path and open errors on its worker thread.
#include "evdevscanner.h"
#include "keywedge.h"
#include "scannerservice.h"

#include <QFile>
#include <QRegularExpression>
#include <QtTest>
#include <linux/input-event-codes.h>

using namespace device;

Q_DECLARE_METATYPE(device::Scanner::State)
Q_DECLARE_METATYPE(device::Scanner::Problem)

namespace {
struct KeyEvent
{
    int code, value;
};

QList<KeyEvent> readEvtest(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    static const QRegularExpression re(QStringLiteral("type 1 \\(EV_KEY\\), code (\\d+) \\(\\w+\\), value (\\d)"));
    QList<KeyEvent> out;
    while (!f.atEnd()) {
        const auto m = re.match(QString::fromUtf8(f.readLine()));
        if (m.hasMatch())
            out.append({m.captured(1).toInt(), m.captured(2).toInt()});
    }
    return out;
}

QStringList decodeAll(KeyWedgeDecoder &d, const QList<KeyEvent> &events)
{
    QStringList out;
    for (const KeyEvent &e : events)
        if (auto s = d.key(e.code, e.value))
            out << (s->overlong ? QStringLiteral("<overlong>") : s->unmapped ? QStringLiteral("<unmapped>") : s->text);
    return out;
}

QList<KeyEvent> press(int code) { return {{code, 1}, {code, 0}}; }
} // namespace

class KeyWedgeTest : public QObject
{
    Q_OBJECT
private slots:
    void transcriptDecodes()
    {
        const auto events = readEvtest(QStringLiteral(KIOSK_TEST_DATA "/wedge-scans.evtest"));
        QVERIFY(events.size() > 100); // the file was read
        KeyWedgeDecoder d;
        QCOMPARE(decodeAll(d, events),
                 (QStringList{QStringLiteral("https://zwgk.example.gov.cn/kiosk/item/g-birth-cert"),
                              QStringLiteral("GK-20261120-0042-6")}));
        QVERIFY(!d.hasPartial());
    }

    void shiftCapsKeypadAndRepeat()
    {
        KeyWedgeDecoder d;
        QList<KeyEvent> ev;
        ev << KeyEvent{KEY_RIGHTSHIFT, 1} << press(KEY_A) << KeyEvent{KEY_RIGHTSHIFT, 0} << press(KEY_A);
        ev << press(KEY_CAPSLOCK) << press(KEY_B) << KeyEvent{KEY_LEFTSHIFT, 1} << press(KEY_B)
           << press(KEY_1) << KeyEvent{KEY_LEFTSHIFT, 0} << press(KEY_CAPSLOCK);
        ev << press(KEY_KP7) << KeyEvent{KEY_C, 1} << KeyEvent{KEY_C, 2} << KeyEvent{KEY_C, 0};
        ev << press(KEY_LEFTCTRL) << press(KEY_KPENTER);
        QCOMPARE(decodeAll(d, ev), QStringList{QStringLiteral("AaBb!7cc")});
    }

    void bareEnterOverlongUnmapped()
    {
        KeyWedgeDecoder d;
        QVERIFY(decodeAll(d, press(KEY_ENTER)).isEmpty());
        QList<KeyEvent> ev;
        for (int i = 0; i < KeyWedgeDecoder::MaxScanLength + 5; ++i)
            ev << press(KEY_X);
        ev << press(KEY_ENTER) << press(KEY_F5) << press(KEY_Y) << press(KEY_ENTER) << press(KEY_Z) << press(KEY_ENTER);
        QCOMPARE(decodeAll(d, ev), (QStringList{"<overlong>", "<unmapped>", "z"}));
        d.key(KEY_Q, 1);
        QVERIFY(d.dropPartial());
        QVERIFY(!d.dropPartial());
    }

    void driverDecoderPath()
    {
        qRegisterMetaType<Scanner::Problem>();
        EvdevScanner s({});
        QSignalSpy scans(&s, &Scanner::scanned);
        QSignalSpy failures(&s, &Scanner::scanFailed);
        for (const KeyEvent &e : readEvtest(QStringLiteral(KIOSK_TEST_DATA "/wedge-scans.evtest")))
            s.handleKey(e.code, e.value);
        QCOMPARE(scans.size(), 2);
        QCOMPARE(scans.at(1).at(0).toString(), QStringLiteral("GK-20261120-0042-6"));
        QVERIFY(failures.isEmpty());
    }

    void openErrorsSaySo_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("says");
        QTest::newRow("missing") << "/dev/input/by-id/no-such-scanner-event-kbd" << "not connected";
        QTest::newRow("not an input device") << "/dev/null" << "not an input device";
    }
    void openErrorsSaySo()
    {
        QFETCH(QString, path);
        QFETCH(QString, says);
        qRegisterMetaType<Scanner::State>();
        qRegisterMetaType<Scanner::Problem>();
        ScannerService service(new EvdevScanner({path, 300, 1000}));
        QSignalSpy states(&service, &ScannerService::stateChanged);
        service.start();
        QVERIFY(states.wait(5000));
        QCOMPARE(states.first().at(0).value<Scanner::State>(), Scanner::State::Absent);
        QVERIFY2(states.first().at(2).toString().contains(says), qPrintable(states.first().at(2).toString()));
        QVERIFY(service.stop());
    }
};

QTEST_GUILESS_MAIN(KeyWedgeTest)
#include "tst_keywedge.moc"
