#include "httpmirror.h"

#include "synclog.h"

#include <QElapsedTimer>
#include <QFile>
#include <curl/curl.h>
#include <mutex>

namespace catalogsync {

struct HttpMirror::Transfer {
    HttpMirror *mirror = nullptr;
    qint64 cap = 0;          // most bytes the finished body (with resumed part) may hold
    qint64 resumeFrom = 0;   // bytes already in the part file
    QByteArray *buffer = nullptr;
    QFile *file = nullptr;
    bool firstChunk = true;
    bool overflow = false;
    bool writeFailed = false;
    long status = 0;         // HTTP status of the response being received
    qint64 received = 0;
    QByteArray etag;
    std::pair<const RepositoryMirror *, bool> cancel{nullptr, false}; // the flag was seen set
};

namespace {

constexpr qint64 kMaxErrorBody = 64 * 1024;

// libcurl calls this at least once a second, also while nothing arrives.
int onProgress(void *userdata, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    auto *cancelled = static_cast<std::pair<const RepositoryMirror *, bool> *>(userdata);
    cancelled->second = cancelled->first->cancelled();
    return cancelled->second ? 1 : 0;
}

void ensureCurl()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

} // namespace

HttpMirror::HttpMirror(QUrl base, HttpOptions options)
    : m_base(std::move(base)), m_options(std::move(options))
{
    ensureCurl();
    m_curl = curl_easy_init();
}

HttpMirror::~HttpMirror()
{
    if (m_curl)
        curl_easy_cleanup(m_curl);
}

QString HttpMirror::description() const { return m_base.toString(QUrl::RemoveUserInfo); }

size_t HttpMirror::onWrite(char *data, size_t size, size_t count, void *userdata)
{
    auto *t = static_cast<Transfer *>(userdata);
    const qint64 n = qint64(size * count);
    if (t->firstChunk) {
        t->firstChunk = false;
        curl_easy_getinfo(t->mirror->m_curl, CURLINFO_RESPONSE_CODE, &t->status);
        // The server ignored our Range and sends the whole file: start the part over.
        if (t->file && t->resumeFrom > 0 && t->status == 200) {
            if (!t->file->resize(0)) {
                t->writeFailed = true;
                return 0;
            }
            t->file->seek(0);
            t->resumeFrom = 0;
        }
    }
    // Error pages are read and dropped (not with FAILONERROR, which would close the
    // connection that the next request reuses), and capped like everything else.
    if (t->status >= 300) {
        t->received += n;
        t->mirror->countBytes(n);
        return t->received > kMaxErrorBody ? 0 : size_t(n);
    }
    if (t->resumeFrom + t->received + n > t->cap) {
        t->overflow = true; // endless or oversized body: abort the transfer here
        return 0;
    }
    if (t->buffer) {
        t->buffer->append(data, n);
    } else if (t->file->write(data, n) != n) {
        t->writeFailed = true;
        return 0;
    }
    t->received += n;
    t->mirror->countBytes(n);
    return size_t(n);
}

size_t HttpMirror::onHeader(char *data, size_t size, size_t count, void *userdata)
{
    auto *t = static_cast<Transfer *>(userdata);
    const QByteArray line(data, qsizetype(size * count));
    if (line.size() < 1024 && line.toLower().startsWith("etag:"))
        t->etag = line.mid(5).trimmed();
    return size * count;
}

FetchResult HttpMirror::perform(const QString &relPath, Transfer &t)
{
    if (!m_curl)
        return {FetchResult::Failed, QStringLiteral("the network library could not start")};
    const QString where = QStringLiteral("%1 from %2").arg(relPath, description());
    if (FetchResult left = budgetLeft(where); !left.ok())
        return left;
    // This file's time: a grace for the connection plus its bytes at the slowest rate a
    // working line delivers; never past the sync's own deadline.
    const qint64 expected = qMax<qint64>(0, t.cap - t.resumeFrom);
    qint64 limitMs = 1000 * (m_options.graceSeconds + expected / qMax<qint64>(1, m_options.minBytesPerSecond));
    const bool byDeadline = !deadline().isForever() && deadline().remainingTime() < limitMs;
    if (byDeadline)
        limitMs = qMax<qint64>(1, deadline().remainingTime());
    t.cancel.first = this;
    QUrl url = m_base;
    url.setPath(m_base.path().endsWith('/') ? m_base.path() + relPath : m_base.path() + '/' + relPath);
    const QByteArray urlBytes = url.toEncoded();
    t.mirror = this;

    // Reset clears the options of the previous request but keeps its live connection.
    curl_easy_reset(m_curl);
    curl_easy_setopt(m_curl, CURLOPT_URL, urlBytes.constData());
    curl_easy_setopt(m_curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(m_curl, CURLOPT_NOSIGNAL, 1L); // we run on a worker thread
    curl_easy_setopt(m_curl, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(m_curl, CURLOPT_MAXREDIRS, 3L);
    curl_easy_setopt(m_curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(m_curl, CURLOPT_CONNECTTIMEOUT, long(m_options.connectTimeoutSeconds));
    curl_easy_setopt(m_curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(m_curl, CURLOPT_LOW_SPEED_TIME, long(m_options.stallTimeoutSeconds));
    curl_easy_setopt(m_curl, CURLOPT_TIMEOUT_MS, long(limitMs));
    curl_easy_setopt(m_curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(m_curl, CURLOPT_XFERINFOFUNCTION, &onProgress);
    curl_easy_setopt(m_curl, CURLOPT_XFERINFODATA, &t.cancel);
    // A declared Content-Length above the cap is refused before any body arrives.
    curl_easy_setopt(m_curl, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(t.cap));
    curl_easy_setopt(m_curl, CURLOPT_USERAGENT, "disclosure-kiosk-sync/1");
    const QByteArray proxy = m_options.proxy.toUtf8();
    if (!proxy.isEmpty())
        curl_easy_setopt(m_curl, CURLOPT_PROXY, proxy.constData());
    // CURLOPT_RANGE rather than RESUME_FROM: a server that ignores ranges and sends the
    // whole file (200) is then handled in onWrite instead of failing the download.
    const QByteArray range = QByteArray::number(t.resumeFrom) + '-';
    if (t.resumeFrom > 0)
        curl_easy_setopt(m_curl, CURLOPT_RANGE, range.constData());
    curl_easy_setopt(m_curl, CURLOPT_WRITEFUNCTION, &HttpMirror::onWrite);
    curl_easy_setopt(m_curl, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(m_curl, CURLOPT_HEADERFUNCTION, &HttpMirror::onHeader);
    curl_easy_setopt(m_curl, CURLOPT_HEADERDATA, &t);
    curl_slist *headers = nullptr;
    if (!t.etag.isEmpty()) {
        headers = curl_slist_append(headers, ("If-None-Match: " + t.etag).constData());
        t.etag.clear();
    }
    curl_easy_setopt(m_curl, CURLOPT_HTTPHEADER, headers);

    QElapsedTimer took;
    took.start();
    const CURLcode rc = curl_easy_perform(m_curl);
    curl_slist_free_all(headers);
    long code = 0, newConnections = 0;
    curl_easy_getinfo(m_curl, CURLINFO_RESPONSE_CODE, &code);
    curl_easy_getinfo(m_curl, CURLINFO_NUM_CONNECTS, &newConnections);
    m_connections += newConnections;
    qCDebug(lcSync) << "GET" << url.toString() << "curl" << int(rc) << "http" << code << "bytes" << t.received;

    if (rc == CURLE_ABORTED_BY_CALLBACK && t.cancel.second)
        return {FetchResult::Stopped, QStringLiteral("the update was stopped while downloading %1").arg(where)};
    if (rc == CURLE_OK && code == 304)
        return {FetchResult::NotModified, {}};
    if (rc == CURLE_OK && (code == 200 || code == 206))
        return FetchResult::success();
    if (code == 404 && (rc == CURLE_OK || rc == CURLE_WRITE_ERROR))
        return {FetchResult::NotFound, QStringLiteral("%1: the server has no such file").arg(where)};
    if (code >= 300 && (rc == CURLE_OK || rc == CURLE_WRITE_ERROR))
        return {FetchResult::Failed, QStringLiteral("the catalog server answered with error %1 "
                                                    "for %2").arg(code).arg(where)};
    if (t.overflow || rc == CURLE_FILESIZE_EXCEEDED)
        return {FetchResult::TooLarge, QStringLiteral("%1 is larger than allowed; the download was "
                                                      "stopped").arg(where)};
    if (t.writeFailed && t.file)
        return writeFailure(*t.file);
    if (t.writeFailed)
        return {FetchResult::Failed, QStringLiteral("cannot save %1 (disk full?)").arg(where)};
    if (rc == CURLE_OPERATION_TIMEDOUT && took.elapsed() + 100 >= limitMs)
        return {FetchResult::TooSlow,
                byDeadline ? QStringLiteral("downloading %1 took longer than a catalog update may take; the "
                                            "next update continues where this one stopped").arg(where)
                           : QStringLiteral("the catalog server sends %1 too slowly (not within %2 s); the "
                                            "next update continues where this one stopped")
                                 .arg(where).arg(limitMs / 1000)};
    if (rc == CURLE_OPERATION_TIMEDOUT)
        return {FetchResult::Failed, QStringLiteral("the catalog server stopped sending %1 "
                                                    "(timed out)").arg(where)};
    if (rc == CURLE_COULDNT_CONNECT || rc == CURLE_COULDNT_RESOLVE_HOST || rc == CURLE_COULDNT_RESOLVE_PROXY)
        return {FetchResult::Failed, QStringLiteral("cannot reach the catalog server %1: %2")
                                         .arg(description(), QString::fromUtf8(curl_easy_strerror(rc)))};
    return {FetchResult::Failed, QStringLiteral("downloading %1 failed: %2")
                                     .arg(where, QString::fromUtf8(curl_easy_strerror(rc)))};
}

FetchResult HttpMirror::fetchFile(const QString &relPath, qint64 cap, QByteArray *out, QByteArray *etag)
{
    out->clear();
    Transfer t;
    t.cap = cap;
    t.buffer = out;
    if (etag)
        t.etag = *etag;
    FetchResult r = perform(relPath, t);
    if (r.ok() && etag)
        *etag = t.etag;
    return r;
}

FetchResult HttpMirror::fetchBlob(const QString &relPath, qint64 length, const QString &partFile)
{
    QFile file(partFile);
    if (!file.open(QIODevice::ReadWrite))
        return {FetchResult::Failed, QStringLiteral("cannot save the download to %1").arg(partFile)};
    qint64 have = file.size();
    if (have > length) { // not ours to resume: start over
        file.resize(0);
        have = 0;
    }
    if (have == length)
        return FetchResult::success();
    file.seek(have);
    Transfer t;
    t.cap = length;
    t.resumeFrom = have;
    t.file = &file;
    FetchResult r = perform(relPath, t);
    if (!file.flush() && r.ok())
        return writeFailure(file);
    // A complete response that is too short is the wrong file, not a broken transfer
    // (those end in an error above and are resumed next time).
    if (r.ok() && file.size() != length)
        return {FetchResult::WrongLength, QStringLiteral("%1 from %2 is %3 bytes, not the %4 the "
                                                         "manifest declares")
                                         .arg(relPath, description()).arg(file.size()).arg(length)};
    return r;
}

} // namespace catalogsync
