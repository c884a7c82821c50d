// SAM frames: exact command bytes, and a response parser that survives whatever a
// serial line delivers (pieces, garbage, false preambles, damaged frames).
#include "samframe.h"

#include <QtTest>

using namespace device;

namespace {
QByteArray bytes(std::initializer_list<int> list)
{
    QByteArray b;
    for (int v : list)
        b.append(char(v));
    return b;
}

// A response built by hand here (not with SamFrame) so codec and test cannot share a bug.
QByteArray response(quint8 sw3, const QByteArray &data = {})
{
    QByteArray payload = bytes({0, 0, sw3}) + data;
    const int len = int(payload.size()) + 1;
    QByteArray f = bytes({0xAA, 0xAA, 0xAA, 0x96, 0x69, len >> 8, len & 0xFF}) + payload;
    int chk = 0;
    for (qsizetype i = 5; i < f.size(); ++i)
        chk ^= quint8(f[i]);
    return f.append(char(chk));
}
} // namespace

class SamFrameTest : public QObject
{
    Q_OBJECT
private slots:
    void commandBytes_data()
    {
        QTest::addColumn<int>("cmd");
        QTest::addColumn<int>("para");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("expected");
        // The spec's worked example.
        QTest::newRow("find") << 0x20 << 0x01 << QByteArray()
                              << bytes({0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x20, 0x01, 0x22});
        // 00^03^11^FF = ED; 00^03^20^02 = 21; 00^03^30^01 = 32; 00^04^61^FF^50 = CA
        QTest::newRow("sam status") << 0x11 << 0xFF << QByteArray()
                                    << bytes({0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x11, 0xFF, 0xED});
        QTest::newRow("select") << 0x20 << 0x02 << QByteArray()
                                << bytes({0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x20, 0x02, 0x21});
        QTest::newRow("read") << 0x30 << 0x01 << QByteArray()
                              << bytes({0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x30, 0x01, 0x32});
        QTest::newRow("rf frame") << 0x61 << 0xFF << bytes({0x50})
                                  << bytes({0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x04, 0x61, 0xFF, 0x50, 0xCA});
    }
    void commandBytes()
    {
        QFETCH(int, cmd);
        QFETCH(int, para);
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, expected);
        QCOMPARE(SamFrame::command(quint8(cmd), quint8(para), data).toHex(' '), expected.toHex(' '));
    }

    void wholeFrame()
    {
        SamFrameParser p;
        p.feed(response(0x9F, QByteArray(4, '\0')));
        const auto payload = p.next();
        QVERIFY(payload);
        const auto r = SamResponse::fromPayload(*payload);
        QVERIFY(r);
        QCOMPARE(r->sw3, quint8(0x9F));
        QVERIFY(r->data.view() == QByteArray(4, '\0'));
        QVERIFY(!p.next());
        QCOMPARE(p.buffered(), 0);
    }

    void byteByByte()
    {
        SamFrameParser p;
        const QByteArray f = response(0x90, QByteArray(1284, 'x')); // a read-base sized frame
        QCOMPARE(f.size(), 1295);
        for (qsizetype i = 0; i < f.size() - 1; ++i) {
            p.feed(f.sliced(i, 1));
            QVERIFY2(!p.next(), "a partial frame must not be yielded");
        }
        p.feed(f.last(1));
        const auto payload = p.next();
        QVERIFY(payload);
        QCOMPARE(payload->size(), 1287);
    }

    void garbageBeforeAndBetween()
    {
        SamFrameParser p;
        // Noise including a false, truncated preamble, then two frames in one chunk.
        p.feed(bytes({0x00, 0xFF, 0xAA, 0xAA, 0x96, 0xAA, 0xAA, 0xAA, 0x96}) + response(0x80) +
               bytes({0x13, 0x37}) + response(0x90));
        auto a = p.next();
        auto b = p.next();
        QVERIFY(a && b);
        QCOMPARE(quint8(a->at(2)), quint8(0x80));
        QCOMPARE(quint8(b->at(2)), quint8(0x90));
        QCOMPARE(p.garbageBytes(), 11);
    }

    void preambleSplitAcrossChunks()
    {
        SamFrameParser p;
        const QByteArray f = bytes({0x42, 0x42}) + response(0x90);
        p.feed(f.first(5)); // 42 42 AA AA AA
        QVERIFY(!p.next());
        p.feed(f.sliced(5));
        QVERIFY(p.next());
    }

    void badChecksumDroppedThenResync()
    {
        SamFrameParser p;
        QByteArray bad = response(0x90, "abc");
        bad[bad.size() - 1] = char(bad.back() ^ 0x01);
        p.feed(bad + response(0x9F));
        const auto r = p.next();
        QVERIFY(r);
        QCOMPARE(quint8(r->at(2)), quint8(0x9F));
        QCOMPARE(p.checksumErrors(), 1);
        QVERIFY(!p.next());
    }

    void absurdLengthsRejected()
    {
        SamFrameParser p;
        // LEN 0xFFFF and LEN 0x0001 (shorter than SW1 SW2 SW3 CHK) are impossible.
        p.feed(bytes({0xAA, 0xAA, 0xAA, 0x96, 0x69, 0xFF, 0xFF}) +
               bytes({0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x01, 0x00}) + response(0x90));
        const auto r = p.next();
        QVERIFY(r);
        QCOMPARE(quint8(r->at(2)), quint8(0x90));
        QCOMPARE(p.lengthErrors(), 2);
    }

    void stalledFalsePreambleSkipped()
    {
        SamFrameParser p;
        // A false header announcing 0x0800 bytes swallows the real frame behind it.
        p.feed(bytes({0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x08, 0x00}) + response(0x90));
        QVERIFY(!p.next());
        p.skipStalledFrame();
        const auto r = p.next();
        QVERIFY(r);
        QCOMPARE(quint8(r->at(2)), quint8(0x90));
    }

    void commandParser()
    {
        SamFrameParser p(2);
        p.feed(SamFrame::command(0x20, 0x01));
        const auto c = p.next();
        QVERIFY(c);
        QVERIFY(c->view() == bytes({0x20, 0x01}));
    }

    void clearWipesBuffer()
    {
        SamFrameParser p;
        QByteArray partial = response(0x90, "SECRET-CARD-TEXT").first(20);
        p.feed(partial);
        QVERIFY(!p.next());
        QVERIFY(p.buffered() > 0);
        p.clear();
        QCOMPARE(p.buffered(), 0);
    }

    void everySpecStatusHasText_data()
    {
        QTest::addColumn<int>("sw3");
        for (int c : {0x90, 0x9F, 0x80, 0x81, 0x10, 0x11, 0x21, 0x23, 0x24, 0x31, 0x32, 0x33, 0x40,
                      0x41, 0x47, 0x60, 0x66, 0x91})
            QTest::newRow(qPrintable(QString::number(c, 16))) << c;
    }
    void everySpecStatusHasText()
    {
        QFETCH(int, sw3);
        QVERIFY(!sam::statusText(quint8(sw3)).contains(QLatin1String("unexpected")));
    }
};

QTEST_GUILESS_MAIN(SamFrameTest)
#include "tst_samframe.moc"
