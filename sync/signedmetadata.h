// The signed metadata of a catalog repository, and the order in which it is read:
//   1. readEnvelope() splits a file into the bytes that were signed and the
//      signatures, interpreting nothing else;
//   2. checkThreshold() verifies the signatures against keys already trusted;
//   3. only then RootMetadata/TimestampMetadata/ManifestMetadata::parse() interpret
//      the verified bytes — the very bytes that were verified, never the file again.
//
// File form: {"signed": {...}, "signatures": [{"keyid": HEX, "sig": HEX}, ...]}; the
// signature covers canonicalJson() of the "signed" object.
#pragma once

#include "signing.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <optional>

namespace catalogsync {

// Metadata files are small; anything bigger is refused unread.
constexpr qint64 kMaxMetadataBytes = 1024 * 1024;
// A manifest lists every source file; it may be larger than other metadata.
constexpr qint64 kMaxManifestBytes = 32 * 1024 * 1024;

struct MetadataSignature {
    QString keyId;
    QByteArray signature;
};

struct SignedEnvelope {
    QByteArray signedBytes; // canonical JSON of the "signed" object
    QList<MetadataSignature> signatures;
};

std::optional<SignedEnvelope> readEnvelope(const QByteArray &file, QString *why);
// Publisher side: signs canonicalJson(signedPart) with every key.
QByteArray makeEnvelope(const QJsonObject &signedPart, const QList<SigningKey> &keys);

struct RoleKeys {
    QStringList keyIds;
    int threshold = 1;
};

struct RootMetadata {
    qint64 version = 0;
    QDateTime expires;
    QHash<QString, QByteArray> keys; // key id → Ed25519 public key
    RoleKeys root, timestamp, manifest;

    static std::optional<RootMetadata> parse(const QByteArray &signedBytes, QString *why);
    QJsonObject toJson() const;
};

struct PinnedFile {
    QString sha256;
    qint64 length = 0;
    bool operator==(const PinnedFile &o) const { return sha256 == o.sha256 && length == o.length; }
};

struct TimestampMetadata {
    qint64 version = 0;
    QDateTime expires;
    qint64 manifestVersion = 0;
    PinnedFile manifest;

    static std::optional<TimestampMetadata> parse(const QByteArray &signedBytes, QString *why);
    QJsonObject toJson() const;
};

struct ManifestMetadata {
    qint64 version = 0;
    QDateTime expires;
    QMap<QString, PinnedFile> files; // source path → blob

    static std::optional<ManifestMetadata> parse(const QByteArray &signedBytes, QString *why);
    QJsonObject toJson() const;
};

// Empty when at least role.threshold distinct keys of the role have signed
// env.signedBytes; otherwise a plain reason naming `what` (e.g. "the timestamp file").
QString checkThreshold(const SignedEnvelope &env, const RootMetadata &root, const RoleKeys &role,
                       const QString &what);

// A manifest path may only name a file inside the generation directory.
bool isSafeSourcePath(const QString &path);
bool isSha256Hex(const QString &s);
QString formatExpiry(const QDateTime &t);

} // namespace catalogsync
