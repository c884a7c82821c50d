// CompositionSingleton<T>: a service the composition root creates once and hands to
// QML as a singleton (QML_SINGLETON finds the static create()). The services have
// no default constructor on purpose: Qt 6.4 would otherwise construct a second,
// unconnected instance for QML instead of calling create().
#pragma once

#include <QJSEngine>
#include <QPointer>

class QQmlEngine;

namespace kiosk {

template <typename T> class CompositionSingleton
{
public:
    static T *instance() { return s_instance.data(); }
    static void setInstance(T *instance) { s_instance = instance; }
    static T *create(QQmlEngine *, QJSEngine *)
    {
        Q_ASSERT_X(s_instance, "CompositionSingleton::create", "created before the composition root");
        QJSEngine::setObjectOwnership(s_instance.data(), QJSEngine::CppOwnership);
        return s_instance.data();
    }

private:
    static inline QPointer<T> s_instance;
};

} // namespace kiosk
