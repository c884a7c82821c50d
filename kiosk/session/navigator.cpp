#include "navigator.h"

#include "routes.h"

#include <QPointer>

namespace kiosk {

namespace {
constexpr int kMaxDepth = 50; // a resident following links never exhausts memory
}

Navigator::Navigator(Session *session, QObject *parent)
    : QObject(parent), SessionScoped(session, "where the resident is")
{
    m_stack.append(Entry{QStringLiteral("home"), {}}); }

void Navigator::open(const QString &screen, const QVariantMap &params)
{
    if (screen.isEmpty())
        return;
    if (screen == QLatin1String("home")) {
        home();
        return;
    }
    if (m_stack.size() >= kMaxDepth)
        m_stack.remove(1);
    m_stack.append(Entry{screen, params});
    emit currentChanged();
}

QString Navigator::screenFile() const { return Routes::qmlFileFor(screen()); }

void Navigator::openItem(const QString &kind, const QString &id)
{
    const QString screen = Routes::screenForKind(kind);
    if (!screen.isEmpty() && !id.isEmpty())
        open(screen, {{"id", id}});
}

bool Navigator::openLink(const QString &url, const QString &kindHint)
{
    if (!url.startsWith(QLatin1String("item:")))
        return false;
    const QString id = url.mid(5);
    if (!kindHint.isEmpty())
        openItem(kindHint, id);
    else
        emit itemLinkActivated(id);
    return true;
}

void Navigator::back()
{
    if (m_stack.size() > 1) {
        m_stack.removeLast();
        emit currentChanged();
    }
}

void Navigator::home()
{
    if (m_stack.size() == 1 && m_stack.first().params.isEmpty())
        return;
    m_stack = {Entry{QStringLiteral("home"), {}}};
    emit currentChanged();
}

} // namespace kiosk
