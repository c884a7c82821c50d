// CardBytes and the frame parser built on it leave no copy of what they held: the
// process's whole writable memory (memoryscan) holds the secret exactly once while
// it is held, however often the buffer grew or moved it, and nowhere once it is
// released. The secret goes in one unmasked byte at a time, so the test itself
// never holds it in clear.
#include "cardbytes.h"
#include "cardneedles.h"
#include "memoryscan.h"
#include "samframe.h"

#include <QtTest>

using namespace device;

namespace {
const memoryscan::Needle &secret() { return cardneedles::numberLatin1; }

template <typename Sink> void feedUnmasked(const memoryscan::Needle &n, Sink sink)
{
    for (qsizetype i = 0; i < n.size(); ++i) {
        const char c = char(n.masked[i] ^ memoryscan::maskOf(size_t(i)));
        sink(c);
    }
}

int copiesInMemory()
{
    return int(memoryscan::scanWritableMemory({secret()}).size());
}
} // namespace

class CardBytesTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QCOMPARE(copiesInMemory(), 0); }

    void growingAndShrinkingLeaveNoCopy()
    {
        CardBytes b;
        b.append(QByteArray(60, '.'));
        feedUnmasked(secret(), [&b](char c) { b.append(QByteArrayView(&c, 1)); }); // grows past 64
        QCOMPARE(b.size(), 60 + secret().size());
        QCOMPARE(copiesInMemory(), 1);
        b.removeFront(30); // moves the secret down
        QCOMPARE(copiesInMemory(), 1);
        b.append(QByteArray(4000, '.')); // moves it to a new block
        QCOMPARE(copiesInMemory(), 1);
        QVERIFY(memoryscan::occursIn(b.view(), secret()));
        const CardBytes copy = b; // deep: a block of its own
        QCOMPARE(copiesInMemory(), 2);
        b.release();
        QCOMPARE(copiesInMemory(), 1);
        QVERIFY(b.isEmpty());
    }

    void sharedBytesGoWithTheLastCopyOrAtWipe()
    {
        CardBytes b;
        feedUnmasked(secret(), [&b](char c) { b.append(QByteArrayView(&c, 1)); });
        auto shared = std::make_unique<SharedCardBytes>(std::move(b));
        SharedCardBytes copy = *shared;
        QCOMPARE(copiesInMemory(), 1); // copies share one block
        shared.reset();
        QCOMPARE(copiesInMemory(), 1); // the copy still holds it
        copy = SharedCardBytes();
        QCOMPARE(copiesInMemory(), 0); // the last copy overwrote it

        CardBytes again;
        feedUnmasked(secret(), [&again](char c) { again.append(QByteArrayView(&c, 1)); });
        SharedCardBytes first(std::move(again));
        const SharedCardBytes second = first;
        first.wipe();
        QVERIFY(second.isEmpty()); // gone for every copy at once
        QCOMPARE(copiesInMemory(), 0);
    }

    void parserLeavesNoCopy()
    {
        // A response frame carrying the secret, fed a byte at a time as a slow line
        // delivers it: the parser's buffer grows by one byte 1300 times.
        SamFrameParser parser;
        const QByteArray before(600, '.'), after(600, '.');
        const int len = 3 + int(before.size() + secret().size() + after.size()) + 1;
        quint8 chk = 0;
        auto put = [&](char c, bool checked) {
            chk ^= checked ? quint8(c) : 0;
            parser.feed(QByteArrayView(&c, 1));
        };
        for (char c : QByteArray("\xAA\xAA\xAA\x96\x69", 5))
            put(c, false);
        for (char c : {char(len >> 8), char(len & 0xFF), char(0), char(0), char(0x90)})
            put(c, true);
        for (char c : before)
            put(c, true);
        feedUnmasked(secret(), [&](char c) { put(c, true); });
        for (char c : after)
            put(c, true);
        QCOMPARE(copiesInMemory(), 1);
        put(char(chk), false);
        std::optional<CardBytes> payload = parser.next();
        QVERIFY(payload);
        QCOMPARE(parser.buffered(), 0);
        std::optional<SamResponse> response = SamResponse::fromPayload(*payload);
        QVERIFY(response && response->sw3 == sam::Ok);
        QCOMPARE(copiesInMemory(), 2); // the payload and the response's data
        payload.reset();
        response.reset();
        QCOMPARE(copiesInMemory(), 0);
    }
};

QTEST_GUILESS_MAIN(CardBytesTest)
#include "tst_cardbytes.moc"
