// CatalogGenerations: the on-disk layout that lets a kiosk switch catalogs
// atomically. Each catalog generation is a directory of its own under
// ROOT/generations/; ROOT/current is a symlink to the one in use. Switching renames a
// freshly made symlink over `current` — one atomic step, so at every instant the
// kiosk finds either the old or the new generation, never a mix.
#pragma once

#include <QString>
#include <QStringList>

namespace catalogsync {

class CatalogGenerations
{
public:
    explicit CatalogGenerations(QString root);

    QString root() const { return m_root; }
    // Directory of the generation in use, or empty when none has been installed.
    QString currentDirectory() const;
    // The catalog database of the generation in use, or empty.
    QString currentCatalog() const;
    QStringList generationNames() const;

    // Makes generations/<name> current. Returns an empty string on success, else a
    // plain reason. The directory must already hold a complete, fsynced catalog.
    QString activate(const QString &name);
    // Removes every generation except the current one and the one before it.
    void pruneKeepingPrevious(const QString &previous);
    // Removes every generation except the current one and those named in keep.
    void pruneExcept(const QStringList &keep);

    static constexpr const char *kCatalogFile = "catalog.db";

private:
    // Renames a new symlink to target (relative to the root) over `current`.
    QString pointCurrentAt(const QString &target);

    QString m_root;
};

} // namespace catalogsync
