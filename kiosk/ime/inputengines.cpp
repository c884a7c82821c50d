#include "inputengines.h"

#include <QLoggingCategory>

namespace kiosk {

Q_LOGGING_CATEGORY(lcInput, "kiosk.ime")

InputEngineSet::InputEngineSet(QString dictionaryPath, QString modelPath)
    : m_dictionaryPath(std::move(dictionaryPath)), m_modelPath(std::move(modelPath))
{
}

const PinyinEngine *InputEngineSet::pinyin()
{
    if (!m_pinyinTried) {
        m_pinyinTried = true;
        QString error;
        if (!m_pinyin.open(m_dictionaryPath, &error))
            qCWarning(lcInput).noquote() << "pinyin input unavailable:" << error;
    }
    return m_pinyin.isOpen() ? &m_pinyin : nullptr;
}

const HandwritingRecognizer *InputEngineSet::handwriting()
{
    if (!m_handwritingTried) {
        m_handwritingTried = true;
        QString error;
        if (!m_handwriting.open(m_modelPath, &error))
            qCWarning(lcInput).noquote() << "handwriting input unavailable:" << error;
    }
    return m_handwriting.isOpen() ? &m_handwriting : nullptr;
}

InputEngines::InputEngines(QObject *parent, const QString &dictionaryPath, const QString &modelPath)
    : QObject(parent), m_engines(std::make_shared<InputEngineSet>(dictionaryPath, modelPath))
{
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1); // the decoder's state stays with one thread
}

InputEngines::~InputEngines()
{
    m_pool.waitForDone();
    // The engines close on the worker's last reference or here, after the pool is idle.
}

} // namespace kiosk
