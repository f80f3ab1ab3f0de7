#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace baokeys::signer {

class KeyStore;
struct KeyInfo;

// What the engine answers; the router wraps it in OpenBao's envelope.
struct EngineReply {
    int status = 200; // 200 (data), 204, 400 (errors), 404, 405, 500
    QJsonObject data;
    QStringList errors;

    static EngineReply ok(QJsonObject data) { return {200, std::move(data), {}}; }
    static EngineReply noContent() { return {204, {}, {}}; }
    static EngineReply badRequest(const QString &message) { return {400, {}, {message}}; }
    static EngineReply emptyNotFound() { return {404, {}, {}}; }
    // OpenBao's multierror wording, byte for byte.
    static EngineReply unsupportedPath()
    {
        return {404, {}, {QStringLiteral("1 error occurred:\n\t* unsupported path\n\n")}};
    }
    static EngineReply unsupportedOperation()
    {
        return {405, {}, {QStringLiteral("1 error occurred:\n\t* unsupported operation\n\n")}};
    }
};

// The secp256k1 secrets engine: routes a path inside the mount to keys/,
// keys/:name/import, export/, sign/ and verify/, checks the fields and runs
// the operation on the KeyStore. Private keys are copied into SecureBytes
// only for the duration of one operation.
// Thread-safety: handle() may be called from many threads at once (state
// lives in the thread-safe KeyStore).
class SecpEngine {
public:
    enum class Operation { Read, Write, Delete, List };

    explicit SecpEngine(KeyStore &keys);

    EngineReply handle(Operation operation, const QString &path, const QJsonObject &body) const;

    // The key a path addresses ("sign/worker-1" -> "worker-1"), or empty.
    static QString keyNameOf(const QString &path);

private:
    EngineReply createKey(const QString &name, const QJsonObject &body) const;
    EngineReply readKey(const QString &name) const;
    EngineReply listKeys() const;
    EngineReply deleteKey(const QString &name) const;
    EngineReply importKey(const QString &name, const QJsonObject &body) const;
    EngineReply exportKey(const QString &name) const;
    EngineReply sign(const QString &name, const QJsonObject &body) const;
    EngineReply verify(const QString &name, const QJsonObject &body) const;

    KeyStore &m_keys;
};

} // namespace baokeys::signer
