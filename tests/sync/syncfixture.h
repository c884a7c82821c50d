// Real parts for the sync tests: an nginx serving a repository on 127.0.0.1, a
// fault-injecting proxy in front of it, and a publisher with test keys.
#pragma once

#include "repositorypublisher.h"
#include "signing.h"

#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <atomic>
#include <thread>

namespace synctest {

// nginx in the foreground (daemon off), every path under its own temp dir.
class NginxServer
{
public:
    ~NginxServer();
    // Empty on success, else why nginx did not start.
    QString start(const QString &documentRoot);
    void stop();
    quint16 port() const { return m_port; }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    // "URI STATUS BODY_BYTES" per request, from nginx's own access log.
    QStringList accessLog() const;
    qint64 bodyBytesLogged() const;
    void clearAccessLog();

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

// A tiny HTTP/1.1 proxy of the test's own between the kiosk and nginx. It passes
// requests through, except for the one path given a fault.
class FaultProxy
{
public:
    enum class Fault {
        None,
        CutAfterBytes,  // relay that many response bytes, then drop the connection
        EndlessBody,    // 200 with no length and bytes forever (until the client quits)
        Status500,      // answer 500 Internal Server Error
        Stall,          // send headers, then nothing
        Trickle         // relay the headers, then the body one byte every `bytes` milliseconds
    };
    explicit FaultProxy(quint16 upstreamPort);
    ~FaultProxy();
    quint16 port() const { return m_port; }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    // The fault applies to requests whose path ends with pathSuffix, `times` times.
    void setFault(Fault fault, const QString &pathSuffix, qint64 bytes = 0, int times = 1);
    qint64 endlessBytesSent() const { return m_endlessSent; }
    int faultsInjected() const { return m_injected; }

private:
    void serve();
    void handleConnection(int client);

    quint16 m_upstream;
    quint16 m_port = 0;
    int m_listen = -1;
    std::atomic_bool m_stop{false};
    std::thread m_thread;
    std::atomic<Fault> m_fault{Fault::None};
    QByteArray m_suffix;
    std::atomic<qint64> m_faultBytes{0};
    std::atomic_int m_times{0};
    std::atomic<qint64> m_endlessSent{0};
    std::atomic_int m_injected{0};
};

// A signed repository in a temp dir, published from an editable copy of the demo.
struct TestRepository {
    QTemporaryDir dir;
    QString sources() const { return dir.filePath("src"); }
    QString repo() const { return dir.filePath("repo"); }
    catalogsync::SigningKey rootKey = catalogsync::SigningKey::generate();
    catalogsync::SigningKey timestampKey = catalogsync::SigningKey::generate();
    catalogsync::SigningKey manifestKey = catalogsync::SigningKey::generate();

    // Copies the demo sources and writes root version 1. Empty on success.
    QString create();
    QString publish(qint64 version, int timestampDays = 7);
    QByteArray rootFile(int version = 1) const;
    // A one-line edit of one guide (changes exactly one source file).
    bool editGuide(const QString &marker);
    // Snapshot of the repository as it is now (to replay or mix later).
    bool snapshot(const QString &to) const;
};

// Runs cp -a (keeps symlinks) — used to save and restore a kiosk's sync root.
bool copyPreserving(const QString &from, const QString &to);
QByteArray readAll(const QString &path);
bool writeAll(const QString &path, const QByteArray &bytes);
// The title of guide g-dibao in a catalog database (what a resident would see).
QString guideTitle(const QString &catalogPath);
// PRAGMA integrity_check of a catalog database ("ok" when sound).
QString integrityCheck(const QString &catalogPath);

} // namespace synctest
