// PinyinInput: the pinyin mode of the on-screen keyboard. Keeps the letters typed
// and the candidates chosen so far, asks the pinyin engine (on its worker thread) and
// the catalog's pinyin lexicon (on the catalog thread), and shows catalog words first
// in a paged candidate bar. Choosing a candidate for the leading syllables only
// ("yiliaobaoxian" → 医疗) keeps the rest open; `committed` carries the finished text.
#pragma once

#include "catalogviewmodel.h"
#include "pinyinengine.h"

#include <QQmlEngine>

namespace kiosk {

class PinyinInput : public CatalogViewModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString letters READ letters NOTIFY changed)
    Q_PROPERTY(QString spelling READ spelling NOTIFY changed)
    Q_PROPERTY(QString fixed READ fixed NOTIFY changed)
    Q_PROPERTY(QStringList candidates READ candidates NOTIFY changed)
    Q_PROPERTY(QList<bool> fromCatalog READ fromCatalog NOTIFY changed)
    Q_PROPERTY(int page READ page NOTIFY changed)
    Q_PROPERTY(int pageStart READ pageStart NOTIFY changed)
    Q_PROPERTY(int total READ total NOTIFY changed)
    Q_PROPERTY(int pageSize READ pageSize WRITE setPageSize NOTIFY changed)
    Q_PROPERTY(bool composing READ composing NOTIFY changed)
    Q_PROPERTY(bool available READ available NOTIFY changed)

public:
    explicit PinyinInput(QObject *parent = nullptr);

    QString letters() const { return m_letters; }
    QString spelling() const { return m_state.spelling; }
    QString fixed() const { return m_state.fixed; }
    QStringList candidates() const; // the current page
    QList<bool> fromCatalog() const; // per candidate on the page: a catalog word
    QStringList allCandidates() const;
    int page() const { return int(m_pageStarts.size()) - 1; }
    // Where the current page starts in allCandidates(), and how many there are.
    int pageStart() const { return m_pageStarts.last(); }
    int total() const { return int(m_all.size()); }
    int pageSize() const { return m_pageSize; }
    void setPageSize(int size);
    bool composing() const { return !m_letters.isEmpty(); }
    bool available() const { return m_available; }

    Q_INVOKABLE void type(const QString &letter);
    // Undoes the last choice, else removes the last letter; false when there was
    // nothing to undo (the keyboard then deletes in the text field).
    Q_INVOKABLE bool backspace();
    Q_INVOKABLE void choose(int indexOnPage);
    // The next page starts after the `shown` candidates the bar had room for (all of
    // the page when 0): a long word that did not fit leads the next page.
    Q_INVOKABLE void nextPage(int shown = 0);
    Q_INVOKABLE void previousPage();
    Q_INVOKABLE void reset();

    static constexpr int kEngineCandidates = 60;
    static constexpr int kCatalogCandidates = 8;

signals:
    void changed();
    void committed(const QString &text);
    void candidatesReady(); // after every answer, for tests and screen readers

protected:
    void reload() override { refresh(); }

private:
    void refresh();
    void publish(int serial, const PinyinState &state, const QStringList &catalogWords);

    QString m_letters;
    QList<int> m_choices;
    PinyinState m_state;
    QList<PinyinCandidate> m_all;
    int m_publishedSerial = 0; // the request the candidates on show answer
    QString m_deferredText;    // chosen while a newer answer was on its way
    int m_deferredIndex = -1;
    QList<int> m_pageStarts{0}; // a page's start per page turned forward
    int m_pageSize = 6;
    int m_serial = 0;
    bool m_available = true;
};

} // namespace kiosk
