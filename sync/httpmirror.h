// HttpMirror: the repository on a web server, CDN or object store, read with libcurl.
// One CURL handle serves every request of a sync, so keep-alive connections (and
// TLS sessions) are reused. Every body is capped: metadata at a small fixed size,
// blobs at the length the signed manifest declares.
#pragma once

#include "repositorymirror.h"

#include <QUrl>

typedef void CURL;

namespace catalogsync {

struct HttpOptions {
    int connectTimeoutSeconds = 15;
    // A transfer that moves no byte for this long is abandoned (stalled server).
    int stallTimeoutSeconds = 30;
    // Explicit proxy ("http://proxy:3128"); empty uses http_proxy/https_proxy/no_proxy
    // from the environment as libcurl does.
    QString proxy;
    // A server that trickles (a byte every few tenths of a second never stalls) is
    // bounded per file: each file must arrive within graceSeconds plus its declared
    // length (or, for metadata, its cap) at minBytesPerSecond. The sync as a whole is
    // bounded by RepositoryMirror::setBudget.
    int graceSeconds = 20;
    qint64 minBytesPerSecond = 8 * 1024;
};

class HttpMirror : public RepositoryMirror
{
public:
    HttpMirror(QUrl base, HttpOptions options = {});
    ~HttpMirror() override;
    HttpMirror(const HttpMirror &) = delete;
    HttpMirror &operator=(const HttpMirror &) = delete;

    QString description() const override;
    FetchResult fetchFile(const QString &relPath, qint64 cap, QByteArray *out,
                          QByteArray *etag = nullptr) override;
    FetchResult fetchBlob(const QString &relPath, qint64 length, const QString &partFile) override;

    // Connections opened so far (1 when keep-alive works for a whole sync).
    long connectionsOpened() const { return m_connections; }

private:
    struct Transfer;
    FetchResult perform(const QString &relPath, Transfer &t);
    static size_t onWrite(char *data, size_t size, size_t count, void *userdata);
    static size_t onHeader(char *data, size_t size, size_t count, void *userdata);

    QUrl m_base;
    HttpOptions m_options;
    CURL *m_curl = nullptr;
    long m_connections = 0;
};

} // namespace catalogsync
