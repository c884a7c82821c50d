// content/ui-keys.txt is the list of screen texts the kiosk shows, and catalog-build
// refuses a catalog whose zh-Hans texts lack any of them. The list is only worth that if
// it is complete: these tests read the kiosk's QML and C++ and fail on any text key they
// name that is not listed, and on any member of a key family built at run time
// (print.problem.<code>, staff.problem.<code>, …) that is not listed.
#include "cupsclient.h"
#include "uitextkeys.h"

#include <QDir>
#include <QDirIterator>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

namespace {

QString repoRoot()
{
    return QDir(qEnvironmentVariable("KIOSK_DEMO_SOURCES") + "/../..").absolutePath();
}

QString readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// path → text of every file under dir (relative to the repository) with one of suffixes.
QMap<QString, QString> sources(const QString &dir, const QStringList &suffixes)
{
    QMap<QString, QString> out;
    QDirIterator it(repoRoot() + '/' + dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        for (const QString &s : suffixes)
            if (path.endsWith(s))
                out.insert(QDir(repoRoot()).relativeFilePath(path), readAll(path));
    }
    return out;
}

QSet<QString> listed()
{
    const QStringList keys = content::uiTextKeys();
    return QSet<QString>(keys.cbegin(), keys.cend());
}

// The first segments of the listed keys (bar, home, staff, …): a literal in the code
// that starts with one of these and looks like a key is a screen text.
QSet<QString> namespaces()
{
    QSet<QString> out;
    for (const QString &k : content::uiTextKeys())
        out.insert(k.section('.', 0, 0));
    return out;
}

// The body of the C++ function named name in text (from its opening brace to the
// matching closing one).
QString functionBody(const QString &text, const QString &name)
{
    const qsizetype at = text.indexOf(QRegularExpression("\\b" + name + "\\([^;{]*\\)\\s*\\{"));
    if (at < 0)
        return {};
    qsizetype i = text.indexOf('{', at), depth = 0;
    const qsizetype start = i;
    for (; i < text.size(); ++i) {
        depth += text[i] == '{';
        depth -= text[i] == '}';
        if (depth == 0)
            break;
    }
    return text.mid(start, i - start);
}

QStringList literals(const QString &text, const QString &pattern)
{
    QStringList out;
    auto it = QRegularExpression(pattern).globalMatch(text);
    while (it.hasNext())
        out.append(it.next().captured(1));
    return out;
}

} // namespace

class TestUiTextKeys : public QObject
{
    Q_OBJECT

    void requireListed(const QStringList &keys, const QString &where)
    {
        const QSet<QString> known = listed();
        QStringList missing;
        for (const QString &k : keys)
            if (!known.contains(k))
                missing.append(k);
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("%1 uses screen texts missing from "
                                                              "content/ui-keys.txt: %2")
                                                   .arg(where, missing.join(", "))));
    }

private slots:
    void listIsWellFormed()
    {
        const QStringList keys = content::uiTextKeys();
        QVERIFY(keys.size() > 100);
        QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()).size(), keys.size()); // no duplicates
    }

    void everyKeyTheCodeNamesIsListed()
    {
        // A key-shaped literal: "bar.home", 'staff.pin_prompt'. File names and logging
        // categories are not keys (their first segment is no text namespace).
        const QRegularExpression literal(QStringLiteral("[\"']([a-z][a-z0-9_]*(?:\\.[a-z0-9_]+)+)[\"']"));
        const QSet<QString> spaces = namespaces();
        const QSet<QString> fileTypes = {"h", "cpp", "qml", "yaml", "md", "db", "png", "svg",
                                         "json", "conf", "txt", "pdf", "js"};
        auto files = sources("qml", {".qml", ".js"});
        files.insert(sources("kiosk", {".cpp", ".h"}));
        QVERIFY(files.size() > 40);
        int seen = 0;
        for (auto f = files.cbegin(); f != files.cend(); ++f) {
            QStringList keys;
            auto it = literal.globalMatch(f.value());
            while (it.hasNext()) {
                const QString k = it.next().captured(1);
                if (spaces.contains(k.section('.', 0, 0)) && !fileTypes.contains(k.section('.', -1)))
                    keys.append(k);
            }
            seen += int(keys.size());
            requireListed(keys, f.key());
        }
        QVERIFY2(seen > 150, "the scan found too few keys: is the pattern still right?");
    }

    void everyPrinterProblemHasAText()
    {
        QStringList keys;
        for (int p = int(device::PrinterProblem::NoService); p <= int(device::PrinterProblem::Other); ++p)
            keys.append("print.problem." + device::problemCode(device::PrinterProblem(p)));
        requireListed(keys, "device::problemCode");
    }

    void everySyncProblemHasAText()
    {
        // SyncReport::problem codes: what catalogupdater's defaultProblem and problemOf
        // return, and every code set or passed explicitly anywhere in sync/.
        QStringList codes;
        const auto files = sources("sync", {".cpp"});
        const QString updater = files.value("sync/catalogupdater.cpp");
        QVERIFY(!updater.isEmpty());
        for (const QString &fn : {QStringLiteral("defaultProblem"), QStringLiteral("problemOf")}) {
            const QString body = functionBody(updater, fn);
            QVERIFY2(!body.isEmpty(), qPrintable(fn + " not found in sync/catalogupdater.cpp"));
            codes += literals(body, QStringLiteral("QStringLiteral\\(\"([a-z_]+)\"\\)"));
        }
        for (const QString &text : files) {
            codes += literals(text, QStringLiteral("problem\\w*\\s*=\\s*QStringLiteral\\(\"([a-z_]+)\"\\)"));
            codes += literals(text, QStringLiteral("end\\(Outcome::\\w+,[^;]*QStringLiteral\\(\"([a-z_]+)\"\\)\\)"));
        }
        codes.removeDuplicates();
        QVERIFY2(codes.size() >= 8, qPrintable(codes.join(", ")));
        QStringList keys;
        for (const QString &c : codes)
            keys.append("staff.problem." + c);
        requireListed(keys, "sync/ (SyncReport::problem)");
    }

    void everySearchGroupHasATitle()
    {
        const QString model = readAll(repoRoot() + "/kiosk/search/searchviewmodel.cpp");
        const QString order = model.section("kGroupOrder", 1).section(';', 0, 0);
        const QStringList kinds = literals(order, QStringLiteral("\"([a-z]+)\""));
        QVERIFY2(kinds.size() >= 8, qPrintable(order));
        QStringList keys;
        for (const QString &k : kinds)
            keys.append("search.kind." + k);
        requireListed(keys, "kiosk/search (kGroupOrder)");
    }

    void everyKeyboardModeHasALabel()
    {
        const QString qml = readAll(repoRoot() + "/qml/ime/KioskKeyboard.qml");
        // "ime.mode." + modelData, or the template literal `ime.mode.${modelData}`.
        qsizetype use = qml.indexOf("\"ime.mode.\"");
        if (use < 0)
            use = qml.indexOf("`ime.mode.${");
        QVERIFY2(use > 0, "KioskKeyboard.qml no longer builds ime.mode.<mode>: update this test");
        const qsizetype model = qml.lastIndexOf("model:", use);
        const QString list = qml.mid(model, qml.indexOf(']', model) - model);
        const QStringList modes = literals(list, QStringLiteral("\"([a-z]+)\""));
        QVERIFY2(modes.size() >= 3, qPrintable(list));
        QStringList keys;
        for (const QString &m : modes)
            keys.append("ime.mode." + m);
        requireListed(keys, "qml/ime/KioskKeyboard.qml");
    }

    // TextFormat's patterns: every one it has a built-in zh-Hans for (for catalogs from
    // before format.* existed) is one a catalog must carry.
    void everyTextPatternIsListed()
    {
        const QString cpp = readAll(repoRoot() + "/kiosk/l10n/textformat.cpp");
        const QStringList keys =
            literals(functionBody(cpp, "builtInZhHans"), QStringLiteral("QStringLiteral\\(\"(format\\.[a-z_.]+)\"\\)"));
        QVERIFY2(keys.size() >= 15, "kiosk/l10n/textformat.cpp no longer has builtInZhHans: update this test");
        requireListed(keys, "kiosk/l10n/textformat.cpp");
    }

    void everyTrustRoleHasAName()
    {
        requireListed({"staff.meta.root", "staff.meta.timestamp", "staff.meta.manifest"},
                      "kiosk/staff (expiry warnings)");
    }
};

QTEST_GUILESS_MAIN(TestUiTextKeys)
#include "tst_uitextkeys.moc"
