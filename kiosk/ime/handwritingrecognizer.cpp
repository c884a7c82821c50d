#include "handwritingrecognizer.h"

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <algorithm>
#include <zinnia.h>

namespace kiosk {

Q_LOGGING_CATEGORY(lcHandwriting, "kiosk.ime.handwriting")

HandwritingRecognizer::HandwritingRecognizer() = default;
HandwritingRecognizer::~HandwritingRecognizer() = default;

QString HandwritingRecognizer::defaultModelPath() { return QStringLiteral(KIOSK_HANDWRITING_MODEL); }

bool HandwritingRecognizer::open(const QString &modelPath, QString *error)
{
    if (m_open)
        return true;
    if (!QFileInfo(modelPath).isReadable()) {
        *error = QStringLiteral("handwriting model not readable: %1").arg(modelPath);
        return false;
    }
    m_recognizer.reset(zinnia::Recognizer::create());
    if (!m_recognizer || !m_recognizer->open(QFile::encodeName(modelPath).constData())) {
        *error = QStringLiteral("handwriting model could not be opened: %1 (%2)")
                     .arg(modelPath, m_recognizer ? QString::fromUtf8(m_recognizer->what())
                                                  : QStringLiteral("no recognizer"));
        m_recognizer.reset();
        return false;
    }
    m_open = true;
    qCInfo(lcHandwriting) << "handwriting model" << modelPath;
    return true;
}

QStringList HandwritingRecognizer::recognize(const QList<Stroke> &strokes, QSizeF pad, int limit) const
{
    QStringList out;
    if (!m_open || strokes.isEmpty() || pad.width() <= 0 || pad.height() <= 0 || limit <= 0)
        return out;
    const std::unique_ptr<zinnia::Character> character(zinnia::Character::create());
    character->set_width(kModelSize);
    character->set_height(kModelSize);
    // One scale for both axes, centred: the pad may be wider than tall.
    const qreal scale = kModelSize / std::max(pad.width(), pad.height());
    const qreal dx = (kModelSize - pad.width() * scale) / 2;
    const qreal dy = (kModelSize - pad.height() * scale) / 2;
    size_t id = 0;
    for (const Stroke &stroke : strokes) {
        if (stroke.isEmpty())
            continue;
        for (const QPointF &p : stroke) {
            const int x = int(std::clamp(p.x() * scale + dx, 0.0, qreal(kModelSize)));
            const int y = int(std::clamp(p.y() * scale + dy, 0.0, qreal(kModelSize)));
            character->add(id, x, y);
        }
        ++id;
    }
    if (id == 0)
        return out;
    const std::unique_ptr<zinnia::Result> result(m_recognizer->classify(*character, size_t(limit)));
    if (!result)
        return out;
    for (size_t i = 0; i < result->size(); ++i)
        out.append(QString::fromUtf8(result->value(i)));
    return out;
}

} // namespace kiosk
