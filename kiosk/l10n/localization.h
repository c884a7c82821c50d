// Localization: the language of the current session and the screen texts of that
// language, which come from the catalog (ui/strings.yaml), never from code; and the
// formatters (TextFormat, the language's format.* patterns) that put texts together, so
// QML binds finished strings only. QML calls them through L10n (qml/L10n.qml), which
// makes the bindings re-evaluate when the language or the catalog changes.
#pragma once

#include "compositionsingleton.h"
#include "sessionscoped.h"
#include "textformat.h"

#include <QObject>
#include <QQmlEngine>
#include <QStringList>
#include <QVariantMap>

namespace kiosk {

class CatalogService;

class Localization : public QObject, public CompositionSingleton<Localization>, public SessionScoped
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Texts)
    QML_SINGLETON
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    // The configured languages the current catalog translates well enough (see
    // setMinimumCoverage); the default language always.
    Q_PROPERTY(QStringList offeredLanguages READ offeredLanguages NOTIFY offeredLanguagesChanged)
    Q_PROPERTY(bool rightToLeft READ rightToLeft NOTIFY languageChanged)
    // key → text, zh-Hans overlaid by the current language.
    Q_PROPERTY(QVariantMap strings READ strings NOTIFY stringsChanged)
    Q_PROPERTY(bool ready READ ready NOTIFY stringsChanged)
    // Counts up whenever the texts change: read by L10n so its bindings follow them.
    Q_PROPERTY(int revision READ revision NOTIFY stringsChanged)
    // Shown when the catalog cannot be read: built in (textformat.h), not catalog data.
    Q_PROPERTY(QString catalogUnreadableNotice READ catalogUnreadableNotice NOTIFY languageChanged)

public:
    Localization(CatalogService *catalog, QStringList offered, QString defaultLanguage,
                 Session *session = nullptr, QObject *parent = nullptr);

    // A visit's end returns to the default language.
    void forgetVisit() override { setLanguage(m_default); }
    bool holdsVisitData() const override { return m_language != m_default; }

    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    QStringList offeredLanguages() const { return m_available; }
    // A language other than the default is offered only while the catalog translates at
    // least percent of the screen texts (its ui_coverage.<lang>, from catalog-build); a
    // catalog that records no coverage has every configured language offered.
    void setMinimumCoverage(int percent);
    bool rightToLeft() const { return m_language == QLatin1String("ug"); }
    QVariantMap strings() const { return m_strings; }
    bool ready() const { return !m_strings.isEmpty(); }
    QString defaultLanguage() const { return m_default; }
    int revision() const { return m_revision; }
    QString catalogUnreadableNotice() const { return kiosk::catalogUnreadableNotice(m_language); }
    // The formatters of the current language, for view models composing in C++.
    const TextFormat &format() const { return m_format; }

    // The text for key; the key itself when the catalog lacks it (visible to editors).
    Q_INVOKABLE QString text(const QString &key) const;
    // Name of a language in that language, for the language button.
    Q_INVOKABLE QString nativeName(const QString &language) const;
    Q_INVOKABLE void cycleLanguage();

    // TextFormat of the current language (textformat.h has what each returns). Lists
    // are JS arrays; empty and undefined entries are left out.
    Q_INVOKABLE QString fill(const QString &key, const QVariantList &args) const;
    Q_INVOKABLE QString labelValue(const QString &label, const QString &value) const;
    Q_INVOKABLE QString titleCount(const QString &title, int count) const;
    Q_INVOKABLE QString titleNote(const QString &title, const QString &note) const;
    Q_INVOKABLE QString list(const QVariantList &items) const;
    Q_INVOKABLE QString phrases(const QVariantList &parts) const;
    Q_INVOKABLE QString fields(const QVariantList &parts) const;
    Q_INVOKABLE QString details(const QVariantList &parts) const;
    Q_INVOKABLE QString lines(const QVariantList &lines) const;
    Q_INVOKABLE QString tag(const QString &tag, const QString &text) const { return m_format.tag(tag, text); }
    Q_INVOKABLE QString quoted(const QString &title) const { return m_format.quoted(title); }
    Q_INVOKABLE QString bullet(const QString &text) const { return m_format.bullet(text); }
    Q_INVOKABLE QString numbered(const QVariant &number, const QString &text) const;
    Q_INVOKABLE QString pair(const QString &a, const QString &b) const { return m_format.pair(a, b); }
    Q_INVOKABLE QString stepped(const QString &label, int step) const { return m_format.stepped(label, step); }
    Q_INVOKABLE QString iconLabel(const QString &icon, const QString &label) const;
    Q_INVOKABLE QString toggled(const QString &label, bool on) const { return m_format.toggled(label, on); }
    Q_INVOKABLE QString typing(const QString &typed) const { return m_format.typing(typed); }
    Q_INVOKABLE QString address(const QString &url) const { return TextFormat::address(url); }

signals:
    void languageChanged();
    void offeredLanguagesChanged();
    void stringsChanged();

private:
    void reload();
    void updateOffered();
    CatalogService *m_catalog;
    QStringList m_offered; // configured
    QStringList m_available; // configured and translated enough
    int m_minCoverage = 0;
    QString m_default;
    QString m_language;
    QVariantMap m_strings;
    TextFormat m_format;
    int m_serial = 0;
    int m_revision = 0;
};

} // namespace kiosk
