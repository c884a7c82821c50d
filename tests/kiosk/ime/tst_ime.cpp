// The Chinese input methods of the on-screen keyboard, headless: the Google pinyin
// decoder (full pinyin, initials, partial choice, garbage), the merge that puts
// catalog words first, PinyinInput against the demo catalog, and zinnia recognising
// characters drawn from generated strokes.
#include "catalogservice.h"
#include "handwritinginput.h"
#include "handwritingrecognizer.h"
#include "inputengines.h"
#include "pinyinengine.h"
#include "pinyininput.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QtTest>

using namespace kiosk;

namespace {

// A stroke through the given corners, sampled every 20 units the way a finger
// reports a line.
Stroke path(std::initializer_list<QPointF> corners)
{
    const QList<QPointF> c(corners);
    Stroke s{c.first()};
    for (qsizetype i = 0; i + 1 < c.size(); ++i) {
        const int steps = std::max(2, int(QLineF(c[i], c[i + 1]).length() / 20));
        for (int k = 1; k <= steps; ++k)
            s.append(c[i] + (c[i + 1] - c[i]) * (qreal(k) / steps));
    }
    return s;
}

// Simple characters as a resident would write them on a 400 × 400 pad, stroke by
// stroke in the usual order (撇 curving, 捺 from the middle, 横折 as one stroke).
QList<Stroke> character(const QString &c)
{
    if (c == u"一")
        return {path({{60, 200}, {340, 195}})};
    if (c == u"二")
        return {path({{100, 130}, {300, 125}}), path({{50, 280}, {350, 275}})};
    if (c == u"三")
        return {path({{90, 90}, {310, 85}}), path({{110, 200}, {290, 197}}),
                path({{50, 320}, {350, 315}})};
    if (c == u"十")
        return {path({{60, 190}, {340, 185}}), path({{200, 50}, {200, 360}})};
    if (c == u"人")
        return {path({{200, 40}, {190, 150}, {60, 350}}), path({{195, 130}, {260, 250}, {350, 350}})};
    if (c == u"大")
        return {path({{70, 140}, {330, 140}}), path({{200, 40}, {190, 200}, {60, 360}}),
                path({{195, 170}, {260, 270}, {350, 360}})};
    if (c == u"口")
        return {path({{150, 150}, {150, 260}}), path({{150, 150}, {250, 150}, {250, 260}}),
                path({{150, 255}, {250, 255}})};
    if (c == u"上")
        return {path({{200, 60}, {200, 330}}), path({{200, 190}, {300, 190}}),
                path({{60, 330}, {340, 330}})};
    if (c == u"日")
        return {path({{140, 60}, {140, 340}}), path({{140, 60}, {260, 60}, {260, 340}}),
                path({{140, 200}, {260, 200}}), path({{140, 335}, {260, 335}})};
    return {};
}

} // namespace

class ImeTest : public QObject
{
    Q_OBJECT
    CatalogService *m_catalog = nullptr;
    InputEngines *m_engines = nullptr;

private slots:
    void initTestCase()
    {
        m_catalog = new CatalogService(this);
        CatalogService::setInstance(m_catalog);
        m_catalog->openCatalog(testsupport::demoCatalog());
        QTRY_VERIFY(m_catalog->ready());
    }

    // The decoder is process-wide; each engine test opens and closes it.
    void pinyinFullAndInitials()
    {
        PinyinEngine engine;
        QString error;
        QVERIFY2(engine.open(PinyinEngine::defaultDictionaryPath(), &error), qPrintable(error));

        PinyinState s = engine.decode("yibao", {}, 20);
        QCOMPARE(s.spelling, QStringLiteral("yi'bao"));
        QCOMPARE(s.candidates.value(0), QStringLiteral("医保"));
        QVERIFY(!s.complete);

        s = engine.decode("yb", {}, 20);
        QCOMPARE(s.spelling, QStringLiteral("y'b"));
        QVERIFY2(s.candidates.mid(0, 10).contains(QStringLiteral("一般")), qPrintable(s.candidates.join(' ')));

        s = engine.decode("ylbx", {}, 20);
        QVERIFY2(s.candidates.mid(0, 3).contains(QStringLiteral("医疗保险")), qPrintable(s.candidates.join(' ')));

        s = engine.decode("shebao", {}, 20);
        QCOMPARE(s.candidates.value(0), QStringLiteral("社保"));
        QVERIFY(s.candidates.size() <= 20);
    }

    void pinyinPartialChoice()
    {
        PinyinEngine engine;
        QString error;
        QVERIFY2(engine.open(PinyinEngine::defaultDictionaryPath(), &error), qPrintable(error));
        const PinyinState whole = engine.decode("yiliaobaoxian", {}, 20);
        const int yiliao = int(whole.candidates.indexOf(QStringLiteral("医疗")));
        QVERIFY2(yiliao > 0, qPrintable(whole.candidates.join(' ')));

        // 医疗 for the first two syllables; the rest stays open.
        const PinyinState partial = engine.decode("yiliaobaoxian", {yiliao}, 20);
        QCOMPARE(partial.fixed, QStringLiteral("医疗"));
        QVERIFY(!partial.complete);
        const int baoxian = int(partial.candidates.indexOf(QStringLiteral("保险")));
        QVERIFY2(baoxian >= 0, qPrintable(partial.candidates.join(' ')));

        const PinyinState done = engine.decode("yiliaobaoxian", {yiliao, baoxian}, 20);
        QVERIFY(done.complete);
        QCOMPARE(done.fixed, QStringLiteral("医疗保险"));
        QVERIFY(done.candidates.isEmpty());

        // A choice that no longer exists is ignored rather than trusted.
        const PinyinState stale = engine.decode("yiliaobaoxian", {100000}, 20);
        QVERIFY(stale.fixed.isEmpty());
        QCOMPARE(stale.candidates, whole.candidates);
    }

    // For some runs of initials the decoder has no whole sentence, so its candidate 0
    // is empty and the bar starts at its candidate 1; after choices it may not spell
    // out its own fixed part either. Taking the first word shown must give that word,
    // and the finished text must be what was chosen (it was an empty commit).
    void pinyinChoiceWhereTheDecoderHasNoSentence()
    {
        PinyinEngine engine;
        QString error;
        QVERIFY2(engine.open(PinyinEngine::defaultDictionaryPath(), &error), qPrintable(error));
        const QString letters = QStringLiteral("btltqyx");
        QList<int> choices;
        QString expected;
        PinyinState s = engine.decode(letters, choices, 20);
        for (int step = 0; step < letters.size() && !s.complete; ++step) {
            QVERIFY2(!s.candidates.isEmpty(), qPrintable(s.spelling));
            expected += s.candidates.first();
            choices.append(0);
            s = engine.decode(letters, choices, 20);
            QCOMPARE(s.fixed, expected);
        }
        QVERIFY(s.complete);
        QCOMPARE(s.fixed.size(), letters.size()); // one character per initial
        QCOMPARE(s.fixed.left(2), QStringLiteral("不同")); // the first word shown
    }

    void pinyinGarbageAndEmpty()
    {
        PinyinEngine engine;
        QString error;
        QVERIFY2(engine.open(PinyinEngine::defaultDictionaryPath(), &error), qPrintable(error));
        QVERIFY(engine.decode("", {}, 20).candidates.isEmpty());
        QVERIFY(engine.decode("", {}, 20).spelling.isEmpty());
        // Not a syllable anywhere: nothing offered, nothing invented.
        const PinyinState v = engine.decode("vvv", {}, 20);
        QVERIFY2(v.candidates.isEmpty(), qPrintable(v.candidates.join(' ')));
        // Characters outside a–z never reach the decoder.
        QCOMPARE(engine.decode("yi1 bao!?医", {}, 20).candidates.value(0), QStringLiteral("医保"));
        // Overlong input is cut before it reaches the decoder, which would abort the
        // whole kiosk on 14 repeated initials.
        for (QChar c : QStringLiteral("zsa")) {
            const PinyinState lng = engine.decode(QString(500, c), {}, 20);
            QCOMPARE(lng.spelling.count(c), PinyinEngine::kMaxLetters);
        }
        // A second decoder in the same process is refused with a reason.
        PinyinEngine second;
        QVERIFY(!second.open(PinyinEngine::defaultDictionaryPath(), &error));
        QVERIFY(error.contains("already open"));
    }

    void pinyinMissingDictionary()
    {
        PinyinEngine engine;
        QString error;
        QVERIFY(!engine.open("/nonexistent/dict_pinyin.dat", &error));
        QVERIFY(error.contains("/nonexistent/dict_pinyin.dat"));
        QVERIFY(engine.decode("yibao", {}, 20).candidates.isEmpty());
        // The process-wide decoder is still free for a working engine.
        QVERIFY2(engine.open(PinyinEngine::defaultDictionaryPath(), &error), qPrintable(error));
    }

    void mergePutsCatalogWordsFirst()
    {
        const auto merged = mergeCandidates({"医保", "医疗保险"}, {"一般", "医保", "以"});
        QCOMPARE(merged.size(), 4);
        QCOMPARE(merged[0], (PinyinCandidate{"医保", -1}));
        QCOMPARE(merged[1], (PinyinCandidate{"医疗保险", -1}));
        QCOMPARE(merged[2], (PinyinCandidate{"一般", 0}));
        QCOMPARE(merged[3], (PinyinCandidate{"以", 2})); // keeps the engine's own index
        QVERIFY(mergeCandidates({}, {}).isEmpty());
    }

    // From here on the engines run on their worker thread, as in the kiosk.
    void startEngines()
    {
        m_engines = new InputEngines(this);
        InputEngines::setInstance(m_engines);
    }

    // A keyboard closed while the engine works: its answer is dropped, and Qt's
    // continuation is never handed the gone receiver (built with QT_FORCE_ASSERTS;
    // see tst_viewmodels' answerForAGoneReceiverIsDropped).
    void answerForAGoneReceiverIsDropped()
    {
        QVERIFY(testsupport::dropsAnswerForGoneReceiver([this](QObject *receiver, auto work, auto done) {
            m_engines->run(receiver, [work](InputEngineSet &) { return work(); }, done);
        }));
    }

    QStringList catalogWords(const QString &latin)
    {
        QStringList words;
        bool done = false;
        m_catalog->query(
            this, [latin](const content::CatalogStore &s) { return s.pinyinCandidates(latin, 8); },
            [&](const QStringList &w, const QString &) { words = w; done = true; });
        [&] { QTRY_VERIFY(done); }();
        return words;
    }

    static void typeLetters(PinyinInput &input, const QString &letters)
    {
        QSignalSpy ready(&input, &PinyinInput::candidatesReady);
        for (QChar c : letters)
            input.type(c);
        QTRY_VERIFY(!ready.isEmpty() && !input.allCandidates().isEmpty());
        QCOMPARE(input.letters(), letters);
    }

    void pinyinInputCatalogWordsFirst_data()
    {
        QTest::addColumn<QString>("letters");
        QTest::newRow("full pinyin") << "yibao";
        QTest::newRow("initials") << "yb";
    }
    void pinyinInputCatalogWordsFirst()
    {
        QFETCH(QString, letters);
        const QStringList words = catalogWords(letters);
        QVERIFY2(words.contains(QStringLiteral("医保")), qPrintable(words.join(' ')));

        PinyinInput input;
        input.setPageSize(5);
        typeLetters(input, letters);
        QVERIFY(input.available());
        // The catalog's words lead in the lexicon's order; the engine's own follow.
        const QStringList all = input.allCandidates();
        QCOMPARE(all.mid(0, words.size()), words);
        QVERIFY(all.indexOf(QStringLiteral("医保")) < 3);
        QVERIFY2(all.size() > words.size() + 10, qPrintable(all.join(' ')));
        QCOMPARE(all.count(QStringLiteral("医保")), 1);
        QVERIFY(input.fromCatalog().value(0));

        // Paging through the bar.
        QCOMPARE(input.candidates(), all.mid(0, 5));
        QVERIFY(input.total() >= 15); // three pages at least
        input.nextPage();
        QCOMPARE(input.page(), 1);
        QCOMPARE(input.candidates(), all.mid(5, 5));
        input.previousPage();
        input.previousPage(); // already on the first page
        QCOMPARE(input.page(), 0);
        // The bar had room for two words only: the third leads the next page, and
        // going back returns to where the page started.
        input.nextPage(2);
        QCOMPARE(input.pageStart(), 2);
        QCOMPARE(input.candidates(), all.mid(2, 5));
        input.nextPage();
        QCOMPARE(input.candidates(), all.mid(7, 5));
        input.previousPage();
        QCOMPARE(input.candidates(), all.mid(2, 5));
        input.previousPage();
        QCOMPARE(input.pageStart(), 0);

        // Choosing the catalog word commits it whole and empties the bar.
        QSignalSpy committed(&input, &PinyinInput::committed);
        input.choose(int(all.indexOf(QStringLiteral("医保"))));
        QCOMPARE(committed.size(), 1);
        QCOMPARE(committed[0][0].toString(), QStringLiteral("医保"));
        QVERIFY(!input.composing());
        QVERIFY(input.candidates().isEmpty());
    }

    void pinyinInputPartialChoiceAndBackspace()
    {
        PinyinInput input;
        input.setPageSize(100);
        typeLetters(input, "yiliaobaoxian");
        QCOMPARE(input.spelling(), QStringLiteral("yi'liao'bao'xian"));
        QSignalSpy ready(&input, &PinyinInput::candidatesReady);
        QSignalSpy committed(&input, &PinyinInput::committed);
        int i = int(input.candidates().indexOf(QStringLiteral("医疗")));
        QVERIFY(i >= 0);
        input.choose(i);
        QTRY_COMPARE(input.fixed(), QStringLiteral("医疗"));
        QVERIFY(committed.isEmpty());
        QVERIFY(!input.fromCatalog().contains(true)); // catalog words stand for the whole input
        i = int(input.candidates().indexOf(QStringLiteral("保险")));
        QVERIFY2(i >= 0, qPrintable(input.candidates().join(' ')));

        // Backspace undoes the choice before it touches the letters.
        QVERIFY(input.backspace());
        QTRY_VERIFY(input.fixed().isEmpty() && !input.candidates().isEmpty());
        QCOMPARE(input.letters(), QStringLiteral("yiliaobaoxian"));
        input.choose(int(input.candidates().indexOf(QStringLiteral("医疗"))));
        QTRY_COMPARE(input.fixed(), QStringLiteral("医疗"));
        input.choose(int(input.candidates().indexOf(QStringLiteral("保险"))));
        QTRY_COMPARE(committed.size(), 1);
        QCOMPARE(committed[0][0].toString(), QStringLiteral("医疗保险"));
        QVERIFY(!input.composing());

        // Letters go one by one; with none left the field's own delete takes over.
        typeLetters(input, "ab");
        QVERIFY(input.backspace());
        QVERIFY(input.backspace());
        QVERIFY(!input.backspace());
        QTRY_VERIFY(input.candidates().isEmpty());
    }

    // Space (the first candidate) pressed before the answer for the last letters is
    // in: the choice waits for that answer instead of taking a stale word.
    void pinyinInputChoiceWaitsForAnswer()
    {
        PinyinInput input;
        typeLetters(input, "sh");
        const QString stale = input.candidates().value(0);
        QSignalSpy committed(&input, &PinyinInput::committed);
        for (QChar c : QStringLiteral("ebao"))
            input.type(c);
        input.choose(0);
        QTRY_COMPARE(committed.size(), 1);
        const QString expected = mergeCandidates(catalogWords("shebao"), {}).value(0).text;
        QCOMPARE(committed[0][0].toString(), expected.isEmpty() ? QStringLiteral("社保") : expected);
        QVERIFY(committed[0][0].toString() != stale);
        QVERIFY(!input.composing());
    }

    void pinyinInputGarbage()
    {
        PinyinInput input;
        QSignalSpy ready(&input, &PinyinInput::candidatesReady);
        input.type("1");
        input.type("医");
        input.type("ab");
        QCOMPARE(input.letters(), QString()); // only single letters a–z are pinyin
        for (int i = 0; i < 3; ++i)
            input.type("v");
        QTRY_VERIFY(!ready.isEmpty());
        QCOMPARE(input.letters(), QStringLiteral("vvv"));
        QVERIFY(input.candidates().isEmpty());
        input.choose(0); // nothing there: no commit, no crash
        input.choose(-1);
        input.reset();
        QVERIFY(!input.composing());
    }

    void handwritingRecognisesSimpleCharacters_data()
    {
        QTest::addColumn<QString>("expected");
        for (const char *c : {"一", "二", "三", "十", "人", "大", "口", "上", "日"})
            QTest::newRow(c) << QString::fromUtf8(c);
    }
    void handwritingRecognisesSimpleCharacters()
    {
        QFETCH(QString, expected);
        HandwritingInput pad;
        QSignalSpy recognised(&pad, &HandwritingInput::recognised);
        const QList<Stroke> strokes = character(expected);
        QVERIFY(!strokes.isEmpty());
        for (const Stroke &s : strokes)
            pad.addStroke(s, QSizeF(400, 400));
        QCOMPARE(pad.strokeCount(), strokes.size());
        // Recognised after every stroke; the last answer is for the whole character.
        QTRY_VERIFY(!recognised.isEmpty() && !pad.candidates().isEmpty());
        QTRY_VERIFY2(pad.candidates().mid(0, 5).contains(expected), qPrintable(pad.candidates().join(' ')));
        QVERIFY(pad.available());

        QSignalSpy committed(&pad, &HandwritingInput::committed);
        pad.choose(int(pad.candidates().indexOf(expected)));
        QCOMPARE(committed.size(), 1);
        QCOMPARE(committed[0][0].toString(), expected);
        QCOMPARE(pad.strokeCount(), 0); // ready for the next character
        QVERIFY(pad.candidates().isEmpty());
    }

    void handwritingScalesAnyPad()
    {
        // The same 十 on a wide, short pad: scaled with its aspect kept.
        HandwritingRecognizer r;
        QString error;
        QVERIFY2(r.open(HandwritingRecognizer::defaultModelPath(), &error), qPrintable(error));
        QList<Stroke> wide;
        for (const Stroke &s : character(QStringLiteral("十"))) {
            Stroke moved;
            for (QPointF p : s)
                moved.append(QPointF(p.x() * 0.5 + 300, p.y() * 0.5));
            wide.append(moved);
        }
        QVERIFY(r.recognize(wide, QSizeF(800, 200), 5).contains(QStringLiteral("十")));
        QVERIFY(r.recognize({}, QSizeF(800, 200), 5).isEmpty());
        QVERIFY(r.recognize(wide, QSizeF(0, 0), 5).isEmpty());
    }

    void handwritingUndoClearAndBadModel()
    {
        HandwritingInput pad;
        QSignalSpy recognised(&pad, &HandwritingInput::recognised);
        for (const Stroke &s : character(QStringLiteral("二")))
            pad.addStroke(s, QSizeF(400, 400));
        QTRY_VERIFY(pad.candidates().mid(0, 5).contains(QStringLiteral("二")));
        pad.undoStroke();
        QCOMPARE(pad.strokeCount(), 1);
        QTRY_VERIFY2(pad.candidates().mid(0, 3).contains(QStringLiteral("一")), qPrintable(pad.candidates().join(' ')));
        pad.clear(); // 重写
        QCOMPARE(pad.strokeCount(), 0);
        QVERIFY(pad.candidates().isEmpty());
        pad.addStroke(Stroke{}, QSizeF(400, 400)); // a tap without a stroke
        QCOMPARE(pad.strokeCount(), 0);

        HandwritingRecognizer missing;
        QString error;
        QVERIFY(!missing.open("/nonexistent/model", &error));
        QVERIFY(error.contains("/nonexistent/model"));
        QVERIFY(missing.recognize(character(QStringLiteral("一")), QSizeF(400, 400), 5).isEmpty());
    }

    void enginesMissingKeepKeyboardUsable()
    {
        // Without the packages the keyboard still offers catalog words and says why.
        InputEngines::setInstance(nullptr);
        delete m_engines;
        InputEngines broken(nullptr, "/nonexistent/dict", "/nonexistent/model");
        InputEngines::setInstance(&broken);
        PinyinInput input;
        typeLetters(input, "yibao");
        QVERIFY(!input.available());
        QCOMPARE(input.allCandidates(), catalogWords("yibao"));
        HandwritingInput pad;
        QSignalSpy recognised(&pad, &HandwritingInput::recognised);
        pad.addStroke(character(QStringLiteral("一")).first(), QSizeF(400, 400));
        QTRY_VERIFY(!recognised.isEmpty()); // the answer may come before run() returns
        QVERIFY(!pad.available());
        QVERIFY(pad.candidates().isEmpty());
        InputEngines::setInstance(nullptr);
    }
};

QTEST_GUILESS_MAIN(ImeTest)
#include "tst_ime.moc"
