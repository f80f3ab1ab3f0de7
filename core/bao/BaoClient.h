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

#include <memory>

namespace baokeys::bao {

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
// its own BaoClient (BaoKeyring does). A call is aborted from any thread
// through the CancelToken passed to it or set with setCancelToken(): it then
// returns BaoErrorKind::Cancelled.
class BaoClient {
public:
    explicit BaoClient(BaoSettings settings);
    // The same client over a given transport instead of the one the settings
    // ask for: the fuzz target (tests/fuzz/fuzz_bao_answers.cpp) hands it
    // answers from memory.
    BaoClient(BaoSettings settings, std::unique_ptr<HttpTransport> transport);
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

    // "<mount>/keys/<name>": how the key is addressed on the server.
    QString keyPath(const QString &name) const;

private:
    // Waits before another try of a request a 429 or 503 answer asked to wait;
    // false when cancelled meanwhile.
    bool waitBeforeRetry(int retryAfterSeconds, int attempt);
    static constexpr int MaxAttemptsWhenAskedToWait = 5;
    static constexpr qint64 MaxRetryWaitMs = 2000;

    HttpAnswer send(const QByteArray &method, const QString &path, const QJsonObject *body,
                    bool authenticated);
    // One exchange with `url`, the token and namespace headers only when `authenticated`.
    HttpAnswer exchange(const QByteArray &method, const QUrl &url, const QJsonObject *body,
                        bool authenticated, bool repeatable);
    // The node to send to: the route's current one, else the first that
    // answers sys/health as active (else a standby, which redirects), tried in
    // ClusterRoute::searchOrder(after); -1 when none answers at all.
    int chooseNode(int after);
    NodeStatus probe(int index);
    QUrl urlOf(int index, const QString &path) const;
    BaoResult<QJsonObject> listData();
    BaoResult<QJsonObject> engineCall(const QByteArray &method, const QString &path, const QJsonObject *body,
                                      bool *emptyNotFound = nullptr);

    BaoSettings m_settings;
    std::unique_ptr<HttpTransport> m_transport;
    std::shared_ptr<ClusterRoute> m_route;
    int m_lastNode = 0; // the node the last request went to
    CancelToken m_cancel;
    bool m_hasCancel = false;
};

} // namespace baokeys::bao
