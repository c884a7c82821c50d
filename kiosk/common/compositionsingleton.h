// CompositionSingleton<T>: a service the composition root creates once and hands to
// QML as a singleton (QML_SINGLETON finds the static create()). The services have
// no default constructor on purpose: Qt 6.4 would otherwise construct a second,
// unconnected instance for QML instead of calling create().
#pragma once

#include <QJSEngine>
#include <QPointer>
#include <type_traits>

class QQmlEngine;

namespace kiosk {

template <typename T> class CompositionSingleton
{
public:
    static T *instance() { return s_instance.data(); }
    static void setInstance(T *instance)
    {
        // Checked here, where T is complete and the composition root always calls: a
        // default constructor (even one made by a default argument) makes QML build an
        // instance of its own and never call create().
        static_assert(!std::is_default_constructible_v<T>,
                      "a composition singleton must not be default-constructible");
        s_instance = instance;
    }
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
