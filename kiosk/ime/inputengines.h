// InputEngines: the pinyin decoder and the handwriting recognizer on a worker thread
// of their own. Decoding a keystroke takes under a millisecond, but recognising a
// character takes ~10 ms (most of a frame) and the first use loads the dictionary and
// the model, so neither runs on the UI thread. One thread also serialises the pinyin
// decoder, whose state is process-wide. Created by the composition root.
#pragma once

#include "compositionsingleton.h"
#include "handwritingrecognizer.h"
#include "pinyinengine.h"
#include "workeranswer.h"

#include <QFuture>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <memory>

namespace kiosk {

// The engines as the worker thread sees them; opened on first use.
class InputEngineSet
{
public:
    InputEngineSet(QString dictionaryPath, QString modelPath);
    // nullptr when the engine cannot be opened (the reason is logged once).
    const PinyinEngine *pinyin();
    const HandwritingRecognizer *handwriting();

private:
    QString m_dictionaryPath, m_modelPath;
    PinyinEngine m_pinyin;
    HandwritingRecognizer m_handwriting;
    bool m_pinyinTried = false, m_handwritingTried = false;
};

class InputEngines : public QObject, public CompositionSingleton<InputEngines>
{
    Q_OBJECT
public:
    explicit InputEngines(QObject *parent,
                          const QString &dictionaryPath = PinyinEngine::defaultDictionaryPath(),
                          const QString &modelPath = HandwritingRecognizer::defaultModelPath());
    ~InputEngines() override;

    // Runs job(engines) on the worker thread, then done(result) on this object's
    // thread, which is the receiver's (the UI thread); dropped if the receiver is gone
    // by then.
    template <typename Job, typename Done> void run(QObject *receiver, Job job, Done done);

private:
    QThreadPool m_pool; // exactly one thread
    std::shared_ptr<InputEngineSet> m_engines;
};

template <typename Job, typename Done> void InputEngines::run(QObject *receiver, Job job, Done done)
{
    using Result = std::invoke_result_t<Job, InputEngineSet &>;
    auto engines = m_engines;
    QFuture<Result> future = QtConcurrent::run(&m_pool, [engines, job]() { return job(*engines); });
    deliverOrDrop(future, this, receiver, done);
}

} // namespace kiosk
