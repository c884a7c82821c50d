// HandwritingRecognizer: one handwritten Chinese character (a list of strokes) to
// candidate characters, over zinnia with the Tegaki simplified-Chinese model
// (Debian: libzinnia0, tegaki-zinnia-simplified-chinese). Headless (Qt Core only);
// not thread-safe: InputEngines runs it on its worker thread.
#pragma once

#include <QList>
#include <QPointF>
#include <QSizeF>
#include <QStringList>
#include <memory>

namespace zinnia {
class Recognizer;
}

namespace kiosk {

using Stroke = QList<QPointF>;

class HandwritingRecognizer
{
public:
    HandwritingRecognizer();
    ~HandwritingRecognizer();
    HandwritingRecognizer(const HandwritingRecognizer &) = delete;
    HandwritingRecognizer &operator=(const HandwritingRecognizer &) = delete;

    bool open(const QString &modelPath, QString *error);
    bool isOpen() const { return m_open; }

    // Strokes in the pad's own coordinates (0..pad.width × 0..pad.height); they are
    // scaled into the model's square, keeping the aspect ratio, so a character drawn on
    // a wide pad is not stretched. Best candidates first, at most `limit`.
    QStringList recognize(const QList<Stroke> &strokes, QSizeF pad, int limit) const;

    static QString defaultModelPath();
    // Tegaki trained its zinnia models on writings of 1000 × 1000.
    static constexpr int kModelSize = 1000;

private:
    std::unique_ptr<zinnia::Recognizer> m_recognizer;
    bool m_open = false;
};

} // namespace kiosk
