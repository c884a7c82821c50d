// Localization: the language of the current session and the screen texts of that
// language, which come from the catalog (ui/strings.yaml), never from code.
#pragma once

#include "compositionsingleton.h"
#include "sessionscoped.h"

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
    Q_PROPERTY(QStringList offeredLanguages READ offeredLanguages CONSTANT)
    Q_PROPERTY(bool rightToLeft READ rightToLeft NOTIFY languageChanged)
    // key → text, zh-Hans overlaid by the current language.
    Q_PROPERTY(QVariantMap strings READ strings NOTIFY stringsChanged)
    Q_PROPERTY(bool ready READ ready NOTIFY stringsChanged)

public:
    Localization(CatalogService *catalog, QStringList offered, QString defaultLanguage,
                 Session *session = nullptr, QObject *parent = nullptr);

    // A visit's end returns to the default language.
    void forgetVisit() override { setLanguage(m_default); }
    bool holdsVisitData() const override { return m_language != m_default; }

    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    QStringList offeredLanguages() const { return m_offered; }
    bool rightToLeft() const { return m_language == QLatin1String("ug"); }
    QVariantMap strings() const { return m_strings; }
    bool ready() const { return !m_strings.isEmpty(); }
    QString defaultLanguage() const { return m_default; }

    // The text for key; the key itself when the catalog lacks it (visible to editors).
    Q_INVOKABLE QString text(const QString &key) const;
    // Name of a language in that language, for the language button.
    Q_INVOKABLE QString nativeName(const QString &language) const;
    Q_INVOKABLE void cycleLanguage();

signals:
    void languageChanged();
    void stringsChanged();

private:
    void reload();
    CatalogService *m_catalog;
    QStringList m_offered;
    QString m_default;
    QString m_language;
    QVariantMap m_strings;
    int m_serial = 0;
};

} // namespace kiosk
