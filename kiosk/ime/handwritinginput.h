// HandwritingInput: the writing pad of the on-screen keyboard. Collects the strokes
// of one character in pad coordinates, has them recognised after every stroke (on the
// input engines' thread) and offers the candidates; choosing one commits it and
// clears the pad for the next character.
#pragma once

#include "handwritingrecognizer.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>

namespace kiosk {

class HandwritingInput : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QStringList candidates READ candidates NOTIFY changed)
    Q_PROPERTY(int strokeCount READ strokeCount NOTIFY changed)
    Q_PROPERTY(bool available READ available NOTIFY changed)

public:
    explicit HandwritingInput(QObject *parent = nullptr);

    QStringList candidates() const { return m_candidates; }
    int strokeCount() const { return int(m_strokes.size()); }
    bool available() const { return m_available; }

    // points: a list of QML points (Qt.point) in pad coordinates.
    Q_INVOKABLE void addStroke(const QVariantList &points, qreal padWidth, qreal padHeight);
    void addStroke(const Stroke &stroke, QSizeF pad);
    Q_INVOKABLE void undoStroke();
    Q_INVOKABLE void clear(); // 重写: start the character again
    Q_INVOKABLE void choose(int index);

    static constexpr int kCandidates = 10;

signals:
    void changed();
    void committed(const QString &text);
    void recognised(); // after every answer, for tests and screen readers

private:
    void recognise();

    QList<Stroke> m_strokes;
    QSizeF m_pad;
    QStringList m_candidates;
    int m_serial = 0;
    bool m_available = true;
};

} // namespace kiosk
