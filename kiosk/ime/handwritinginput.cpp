#include "handwritinginput.h"
#include "inputengines.h"

namespace kiosk {

namespace {
struct Recognised {
    QStringList candidates;
    bool available = false;
};
} // namespace

HandwritingInput::HandwritingInput(QObject *parent) : QObject(parent) {}

void HandwritingInput::addStroke(const QVariantList &points, qreal padWidth, qreal padHeight)
{
    Stroke stroke;
    for (const QVariant &p : points)
        stroke.append(p.toPointF());
    addStroke(stroke, QSizeF(padWidth, padHeight));
}

void HandwritingInput::addStroke(const Stroke &stroke, QSizeF pad)
{
    if (stroke.isEmpty() || pad.isEmpty())
        return;
    m_pad = pad;
    m_strokes.append(stroke);
    recognise();
}

void HandwritingInput::undoStroke()
{
    if (m_strokes.isEmpty())
        return;
    m_strokes.removeLast();
    recognise();
}

void HandwritingInput::clear()
{
    ++m_serial;
    m_strokes.clear();
    m_candidates.clear();
    emit changed();
}

void HandwritingInput::choose(int index)
{
    if (index < 0 || index >= m_candidates.size())
        return;
    const QString text = m_candidates[index];
    clear();
    emit committed(text);
}

void HandwritingInput::recognise()
{
    const int serial = ++m_serial;
    emit changed(); // the stroke count
    if (m_strokes.isEmpty()) {
        m_candidates.clear();
        emit changed();
        return;
    }
    InputEngines *engines = InputEngines::instance();
    if (!engines) {
        m_available = false;
        emit changed();
        return;
    }
    const QList<Stroke> strokes = m_strokes;
    const QSizeF pad = m_pad;
    engines->run(
        this,
        [strokes, pad](InputEngineSet &set) {
            Recognised r;
            if (const HandwritingRecognizer *h = set.handwriting()) {
                r.available = true;
                r.candidates = h->recognize(strokes, pad, kCandidates);
            }
            return r;
        },
        [this, serial](const Recognised &r) {
            if (serial != m_serial)
                return; // another stroke came in meanwhile
            m_available = r.available;
            m_candidates = r.candidates;
            emit changed();
            emit recognised();
        });
}

} // namespace kiosk
