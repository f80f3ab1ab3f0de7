#pragma once

#include "core/bao/BaoError.h"
#include "core/bao/BaoSettings.h"
#include "core/bao/BaoTypes.h"
#include "core/bao/CancelToken.h"
#include "core/bao/ClusterRoute.h"
#include "core/bao/HttpTransport.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace baokeys::bao {

class ClientFlow;
class IoEngine;

// One connection to OpenBao's secp256k1 engine: token and namespace headers,
// the configured mount, a per-request timeout, TLS with the system CAs or a
// given CA file. The settings' transport carries the requests
// (QNetworkAccessManager by default; see HttpTransport). Every answer becomes
// a typed BaoResult; answers are validated (point encoding, address = hash of
// the public key, signature size) before they are returned.
//
// Several addresses (an HA cluster, see BaoSettings::address) are one server
// to the caller: requests go to the active node, found through sys/health
// and shared with every client of the same addresses (ClusterRoute). A node
// that cannot be reached is left for the next one: a request safe to repeat
// goes there after any connection failure, a create, import or delete only
// when no connection could be opened (otherwise its outcome is unknown, as
// with one address). A standby's 307 to a node of the list is followed once
// per node with the same method, body and token; a 307 anywhere else is a
// SecurityFault and the token is not sent there.
//
// Thread-safety: NOT thread-safe. An instance belongs to the thread that
// first uses it (its transport is thread-affine) and must be used and
// destroyed there. The calls block until the answer arrives, which is meant
// for worker threads (QThreadPool, QtConcurrent); for many threads, give each
// its own BaoClient (BaoKeyring does). A client made on an IoEngine instead
// belongs to its one caller at a time (a batch lane) and only signs,
// asynchronously, on the engine's threads. A call is aborted from any thread
// through the CancelToken passed to it or set with setCancelToken(): it then
// returns BaoErrorKind::Cancelled.
class BaoClient {
public:
    explicit BaoClient(BaoSettings settings);
    // The same client over a given transport instead of the one the settings
    // ask for: the fuzz target (tests/fuzz/fuzz_bao_answers.cpp) hands it
    // answers from memory.
    BaoClient(BaoSettings settings, std::unique_ptr<HttpTransport> transport);
    // A client for signAsync() only, its Beast connection on `engine`'s loop
    // (a batch lane): no thread waits for its answers. The engine must
    // outlive it. Not for the blocking calls.
    BaoClient(BaoSettings settings, IoEngine &engine);
    ~BaoClient();
    BaoClient(const BaoClient &) = delete;
    BaoClient &operator=(const BaoClient &) = delete;

    const BaoSettings &settings() const { return m_settings; }

    // A token that applies to every following call until replaced.
    void setCancelToken(const CancelToken &token);
    void clearCancelToken();

    // --- system / token -------------------------------------------------
    // Every health code (200, 429, 472, 473, 501, 503) is an answer, not an error.
    BaoResult<HealthInfo> health();
    BaoResult<TokenInfo> lookupSelf();
    // Health + lookup-self, for a "Test connection" button, and every node
    // of a cluster. Never fails: problems are in ConnectionStatus::error.
    ConnectionStatus status();
    // sys/health of every address, in the listed order, with its round trip.
    QList<NodeStatus> nodes();

    // --- engine ---------------------------------------------------------
    BaoResult<KeyInfo> createKey(const QString &name, bool exportable);
    BaoResult<KeyInfo> readKey(const QString &name);
    // An empty engine (404 with no errors) is an empty listing, not an error.
    BaoResult<KeyListing> listKeys();
    // The names only, without reading key_info: cheap for a collision check.
    BaoResult<QStringList> listKeyNames();
    BaoResult<void> deleteKey(const QString &name);
    BaoResult<KeyInfo> importKey(const QString &name, const crypto::SecureBytes &privateKey, bool exportable);
    BaoResult<ExportedKey> exportKey(const QString &name);
    BaoResult<SignResponse> sign(const QString &name, QByteArrayView input, const SignOptions &options = {});
    // The same request and the same cluster rules (failover, redirects,
    // waits before a retry), without blocking: `done` gets the result on the
    // engine's loop, and this client's next call may start from there. One
    // call at a time per client; the client must live until `done` ran.
    void signAsync(const QString &name, QByteArrayView input, const SignOptions &options,
                   std::function<void(BaoResult<SignResponse>)> done);

    // "<mount>/keys/<name>": how the key is addressed on the server.
    QString keyPath(const QString &name) const;

private:
    friend class ClientFlow; // the exchanges, as coroutines (BaoClient.cpp)
    static constexpr int MaxAttemptsWhenAskedToWait = 5;
    static constexpr qint64 MaxRetryWaitMs = 2000;

    HttpAnswer send(const QByteArray &method, const QString &path, const QJsonObject *body,
                    bool authenticated);
    NodeStatus probe(int index);
    QUrl urlOf(int index, const QString &path) const;
    BaoResult<QJsonObject> listData();
    BaoResult<QJsonObject> engineCall(const QByteArray &method, const QString &path, const QJsonObject *body,
                                      bool *emptyNotFound = nullptr);
    // An engine answer as a typed result: the "data" object, or the error its status and body say.
    static BaoResult<QJsonObject> engineAnswer(HttpAnswer reply, const QString &path, bool *emptyNotFound);
    std::optional<BaoError> signRequest(const QString &name, QByteArrayView input, const SignOptions &options,
                                        QJsonObject *body) const;
    static BaoResult<SignResponse> signAnswer(BaoResult<QJsonObject> data);

    BaoSettings m_settings;
    std::unique_ptr<HttpTransport> m_transport;
    std::shared_ptr<ClusterRoute> m_route;
    int m_lastNode = 0; // the node the last request went to
    CancelToken m_cancel;
    bool m_hasCancel = false;
};

} // namespace baokeys::bao
