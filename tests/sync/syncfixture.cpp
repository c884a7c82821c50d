#include "syncfixture.h"

#include "catalogstore.h"
#include "testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace synctest {

using namespace catalogsync;

namespace {

quint16 freeLoopbackPort()
{
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    quint16 port = 0;
    if (::bind(s, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0 &&
        ::getsockname(s, reinterpret_cast<sockaddr *>(&a), &len) == 0)
        port = ntohs(a.sin_port);
    ::close(s);
    return port;
}

bool portAnswers(quint16 port)
{
    const int s = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(port);
    const bool ok = ::connect(s, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0;
    ::close(s);
    return ok;
}

bool sendAll(int fd, const char *data, qint64 size)
{
    while (size > 0) {
        const ssize_t n = ::send(fd, data, size_t(size), MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        data += n;
        size -= n;
    }
    return true;
}

// Waits up to timeoutMs for fd to become readable; false on timeout or error.
bool readable(int fd, int timeoutMs)
{
    pollfd p{fd, POLLIN, 0};
    return ::poll(&p, 1, timeoutMs) > 0;
}

} // namespace

// ---- nginx ------------------------------------------------------------------

NginxServer::~NginxServer() { stop(); }

QString NginxServer::start(const QString &documentRoot)
{
    for (int attempt = 0; attempt < 3; ++attempt) { // a port may be taken between probe and bind
        m_port = freeLoopbackPort();
        const QString d = m_dir.path();
        for (const char *sub : {"body", "proxy", "fastcgi", "uwsgi", "scgi"})
            QDir().mkpath(d + '/' + sub);
        const QString conf = QStringLiteral(
            "daemon off;\nmaster_process off;\nworker_processes 1;\npid %1/nginx.pid;\n"
            "error_log %1/error.log warn;\nevents { worker_connections 64; }\n"
            "http {\n  default_type application/octet-stream;\n  types { application/json json; }\n"
            "  log_format sync '$request_uri $status $body_bytes_sent';\n"
            "  access_log %1/access.log sync;\n"
            "  client_body_temp_path %1/body; proxy_temp_path %1/proxy; fastcgi_temp_path %1/fastcgi;\n"
            "  uwsgi_temp_path %1/uwsgi; scgi_temp_path %1/scgi;\n  keepalive_timeout 30;\n"
            "  server { listen 127.0.0.1:%2; root %3; location / { } }\n}\n")
                                 .arg(d).arg(m_port).arg(documentRoot);
        testsupport::writeFile(d + "/nginx.conf", conf);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(QStringLiteral("nginx"), {"-p", d, "-e", d + "/error.log", "-c", d + "/nginx.conf"});
        if (!m_process.waitForStarted(5000))
            return QStringLiteral("nginx did not start (is nginx-light installed?)");
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 10000 && m_process.state() == QProcess::Running) {
            if (portAnswers(m_port))
                return {};
            m_process.waitForFinished(50); // returns early if nginx exits
        }
        stop();
    }
    return QStringLiteral("nginx did not answer: ") + testsupport::readFile(m_dir.filePath("error.log"));
}

void NginxServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QStringList NginxServer::accessLog() const
{
    return testsupport::readFile(m_dir.filePath("access.log")).split('\n', Qt::SkipEmptyParts);
}

qint64 NginxServer::bodyBytesLogged() const
{
    qint64 sum = 0;
    for (const QString &line : accessLog())
        sum += line.section(' ', 2, 2).toLongLong();
    return sum;
}

void NginxServer::clearAccessLog()
{
    QFile f(m_dir.filePath("access.log"));
    if (f.open(QIODevice::ReadWrite))
        f.resize(0); // nginx appends (O_APPEND), so truncating in place is safe
}

// ---- fault proxy ------------------------------------------------------------

FaultProxy::FaultProxy(quint16 upstreamPort) : m_upstream(upstreamPort)
{
    m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const int one = 1;
    ::setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    if (::bind(m_listen, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0 && ::listen(m_listen, 8) == 0 &&
        ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&a), &len) == 0)
        m_port = ntohs(a.sin_port);
    m_thread = std::thread([this] { serve(); });
}

FaultProxy::~FaultProxy()
{
    m_stop = true;
    m_thread.join();
    ::close(m_listen);
}

void FaultProxy::setFault(Fault fault, const QString &pathSuffix, qint64 bytes, int times)
{
    m_times = 0;
    m_suffix = pathSuffix.toUtf8();
    m_faultBytes = bytes;
    m_fault = fault;
    m_times = times;
}

void FaultProxy::serve()
{
    while (!m_stop) { // checks m_stop at least every 100 ms
        if (!readable(m_listen, 100))
            continue;
        const int client = ::accept4(m_listen, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0)
            continue;
        handleConnection(client);
        ::close(client);
    }
}

void FaultProxy::handleConnection(int client)
{
    QByteArray request;
    char buf[16 * 1024];
    while (!request.contains("\r\n\r\n")) {
        if (request.size() > 64 * 1024 || !readable(client, 5000))
            return;
        const ssize_t n = ::recv(client, buf, sizeof buf, 0);
        if (n <= 0)
            return;
        request.append(buf, n);
    }
    const QByteArray path = request.left(request.indexOf("\r\n")).split(' ').value(1);
    Fault fault = Fault::None;
    if (m_times > 0 && path.endsWith(m_suffix)) {
        m_times -= 1;
        m_injected += 1;
        fault = m_fault;
    }
    if (fault == Fault::Status500) {
        const char r[] = "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        sendAll(client, r, sizeof r - 1);
        return;
    }
    if (fault == Fault::EndlessBody) {
        const char h[] = "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n";
        sendAll(client, h, sizeof h - 1);
        QByteArray chunk(16 * 1024, 'x');
        // Bounded: 1 GiB at most, normally far less — the client hangs up at its cap.
        for (int i = 0; i < 65536 && !m_stop; ++i) {
            if (!sendAll(client, chunk.constData(), chunk.size()))
                break;
            m_endlessSent += chunk.size();
        }
        return;
    }
    if (fault == Fault::Stall) {
        const char h[] = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n";
        sendAll(client, h, sizeof h - 1);
        for (int i = 0; i < 600 && !m_stop; ++i) // until the client gives up, at most 60 s
            if (readable(client, 100) && ::recv(client, buf, sizeof buf, 0) <= 0)
                break;
        return;
    }
    // Pass through (or cut): one request per upstream connection, closed after it.
    const int up = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(m_upstream);
    if (::connect(up, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0) {
        ::close(up);
        return;
    }
    const qsizetype end = request.indexOf("\r\n\r\n");
    const QByteArray forwarded = request.left(end) + "\r\nConnection: close\r\n\r\n";
    qint64 relayed = 0;
    const qint64 cutAt = fault == Fault::CutAfterBytes ? m_faultBytes.load() : -1;
    QByteArray head; // the response's headers, until their end is seen
    bool inBody = false;
    const auto relay = [&](const char *data, qint64 n) {
        if (fault != Fault::Trickle)
            return sendAll(client, data, n);
        // Headers at full speed, then the body a byte at a time, each a little too late
        // to count as a stall (libcurl's speed check counts body bytes only); bounded by
        // the client hanging up (send fails) or the proxy stopping.
        qint64 i = 0;
        if (!inBody) {
            const qsizetype before = head.size();
            head.append(data, n);
            const qsizetype end = head.indexOf("\r\n\r\n");
            if (end < 0)
                return sendAll(client, data, n);
            i = end + 4 - before;
            inBody = true;
            if (!sendAll(client, data, i))
                return false;
        }
        for (; i < n && !m_stop; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(m_faultBytes.load()));
            if (!sendAll(client, data + i, 1))
                return false;
        }
        return !m_stop;
    };
    if (sendAll(up, forwarded.constData(), forwarded.size())) {
        for (int i = 0; i < 100000 && readable(up, 10000); ++i) {
            ssize_t n = ::recv(up, buf, sizeof buf, 0);
            if (n <= 0)
                break;
            if (cutAt >= 0 && relayed + n > cutAt)
                n = cutAt - relayed;
            if (n > 0 && !relay(buf, n))
                break;
            relayed += n;
            if (cutAt >= 0 && relayed >= cutAt)
                break; // drop the connection mid-response
        }
    }
    ::close(up);
}

// ---- repository -------------------------------------------------------------

QString TestRepository::create()
{
    if (!testsupport::copyTree(testsupport::demoSources(), sources()))
        return QStringLiteral("cannot copy the demo sources");
    RootPolicy policy;
    policy.rootKeys = {rootKey.publicKey};
    policy.timestampKeys = {timestampKey.publicKey};
    policy.manifestKeys = {manifestKey.publicKey};
    policy.expires = QDateTime::currentDateTimeUtc().addDays(365);
    return RepositoryPublisher(repo()).writeRoot(policy, {rootKey});
}

QString TestRepository::publish(qint64 version, int timestampDays)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    RepositoryPublisher publisher(repo());
    // The publisher refuses to publish what a kiosk would refuse, so a stale
    // repository is made as one becomes stale: published, then its timestamp expires.
    const QString e = publisher.publish(sources(), version, now.addDays(90), now.addDays(qMax(timestampDays, 1)),
                                        {manifestKey}, {timestampKey});
    return e.isEmpty() && timestampDays <= 0 ? publisher.renewTimestamp(now.addDays(timestampDays), {timestampKey}) : e;
}

QByteArray TestRepository::rootFile(int version) const
{
    return readAll(repo() + QStringLiteral("/%1.root.json").arg(version));
}

bool TestRepository::editGuide(const QString &marker)
{
    return testsupport::editFile(sources() + "/guides/g-dibao.md", "title: 最低生活保障申请",
                                 "title: 最低生活保障申请" + marker);
}

bool TestRepository::snapshot(const QString &to) const { return copyPreserving(repo(), to); }

bool copyPreserving(const QString &from, const QString &to)
{
    return QProcess::execute(QStringLiteral("cp"), {"-a", from, to}) == 0;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QString guideTitle(const QString &catalogPath)
{
    try {
        content::CatalogStore store;
        store.open(catalogPath);
        const auto g = store.guide(QStringLiteral("g-dibao"), QStringLiteral("zh-Hans"));
        return g ? g->title : QStringLiteral("<no guide>");
    } catch (const std::exception &e) {
        return QStringLiteral("<error: %1>").arg(QString::fromUtf8(e.what()));
    }
}

QString integrityCheck(const QString &catalogPath)
{
    try {
        content::SqliteDb db;
        db.open(catalogPath, content::SqliteDb::Mode::ReadOnly);
        content::Statement st = db.prepare("PRAGMA integrity_check");
        return st.step() ? st.text(0) : QStringLiteral("<no answer>");
    } catch (const std::exception &e) {
        return QStringLiteral("<error: %1>").arg(QString::fromUtf8(e.what()));
    }
}

} // namespace synctest
