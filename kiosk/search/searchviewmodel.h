// SearchViewModel: the search screen. Searches as the resident types (debounced),
// groups results by kind, offers catalog words for pinyin typed on the on-screen
// keyboard, hot searches, and a helpful empty state. Every query is counted in the
// kiosk's local usage log (text, result count, whether a result was opened — no
// personal data), so editors can later see what residents could not find.
#pragma once

#include "catalogviewmodel.h"

#include <QTimer>
#include <QVariantList>

namespace kiosk {

class UsageLog;

class SearchViewModel : public CatalogViewModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(QVariantList groups READ groups NOTIFY resultsChanged)
    Q_PROPERTY(int total READ total NOTIFY resultsChanged)  // results shown
    // More results than shown exist: the count reads "more than", and showMore() pages on.
    Q_PROPERTY(bool more READ more NOTIFY resultsChanged)
    // The results came from showMore(): the list keeps its place.
    Q_PROPERTY(bool extended READ extended NOTIFY resultsChanged)
    Q_PROPERTY(bool relaxed READ relaxed NOTIFY resultsChanged)
    Q_PROPERTY(QStringList candidates READ candidates NOTIFY resultsChanged)
    Q_PROPERTY(QStringList triedTerms READ triedTerms NOTIFY resultsChanged)
    Q_PROPERTY(QStringList hotSearches READ hotSearches NOTIFY hotSearchesChanged)
    Q_PROPERTY(QVariantList suggestedStages READ suggestedStages NOTIFY hotSearchesChanged)
    Q_PROPERTY(bool searched READ searched NOTIFY resultsChanged)

public:
    explicit SearchViewModel(QObject *parent = nullptr);
    ~SearchViewModel() override;

    QString query() const { return m_query; }
    void setQuery(const QString &q);
    QVariantList groups() const { return m_groups; }
    int total() const { return m_total; }
    bool relaxed() const { return m_relaxed; }
    bool more() const { return m_more; }
    bool extended() const { return m_extended; }
    QStringList candidates() const { return m_candidates; }
    QStringList triedTerms() const { return m_tried; }
    QStringList hotSearches() const { return m_hot; }
    QVariantList suggestedStages() const { return m_stages; }
    bool searched() const { return m_searched; }

    Q_INVOKABLE void append(const QString &text);  // a key or a candidate word
    Q_INVOKABLE void backspace();
    Q_INVOKABLE void clear();
    // Replaces the trailing Latin letters (pinyin being typed) with a candidate word.
    Q_INVOKABLE void pickCandidate(const QString &word);
    // The resident opened a result: counted, then navigates.
    Q_INVOKABLE void opened(const QString &itemId);
    // The next page of results for the same query (kPage more).
    Q_INVOKABLE void showMore();

    static constexpr int kDebounceMs = 250;
    static constexpr int kPage = 60;

signals:
    void queryChanged();
    void resultsChanged();
    void hotSearchesChanged();

protected:
    void reload() override;

private:
    void runSearch();
    void logPending(bool opened);

    QString m_query;
    QTimer m_debounce;
    QVariantList m_groups, m_stages;
    QStringList m_candidates, m_tried, m_hot;
    int m_total = 0;
    int m_limit = kPage;
    bool m_more = false;
    bool m_extended = false;
    bool m_extending = false;
    bool m_relaxed = false;
    bool m_searched = false;
    QString m_pendingQuery; // last query shown, not yet written to the usage log
    int m_pendingCount = 0;
};

} // namespace kiosk
