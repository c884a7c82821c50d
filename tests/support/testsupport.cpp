#include "testsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <mutex>

namespace testsupport {

static QString fromEnv(const char *name)
{
    const QString v = qEnvironmentVariable(name);
    if (v.isEmpty())
        qFatal("%s is not set; run the tests through ctest", name);
    return v;
}

QString demoSources() { return fromEnv("KIOSK_DEMO_SOURCES"); }
QString demoCatalog() { return fromEnv("KIOSK_DEMO_CATALOG"); }

QString outputDirectory()
{
    const QString dir = fromEnv("KIOSK_TEST_OUTPUT");
    QDir().mkpath(dir);
    return dir;
}

bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString src = it.next();
        const QString dst = to + '/' + QDir(from).relativeFilePath(src);
        if (!QDir().mkpath(QFileInfo(dst).absolutePath()) || !QFile::copy(src, dst))
            return false;
    }
    return true;
}

QString readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

bool writeFile(const QString &path, const QString &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(text.toUtf8()) >= 0;
}

bool editFile(const QString &path, const QString &from, const QString &to)
{
    QString text = readFile(path);
    const qsizetype at = text.indexOf(from);
    if (at < 0)
        return false;
    text.replace(at, from.size(), to);
    return writeFile(path, text);
}

namespace {
std::mutex g_logMutex;
QStringList g_lines;
QtMessageHandler g_previous = nullptr;

void captureLine(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    std::lock_guard lock(g_logMutex);
    g_lines << QString::fromUtf8(context.category ? context.category : "") + QLatin1Char(' ') + message;
}
} // namespace

void LogCapture::start()
{
    {
        std::lock_guard lock(g_logMutex);
        g_lines.clear();
    }
    g_previous = qInstallMessageHandler(captureLine);
}

void LogCapture::stop() { qInstallMessageHandler(g_previous); }

QStringList LogCapture::lines()
{
    std::lock_guard lock(g_logMutex);
    return g_lines;
}

} // namespace testsupport
