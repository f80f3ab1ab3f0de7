#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <atomic>
#include <mutex>

namespace baokeys::signer {

// Who may talk to the server and whether it is sealed: the root token, the
// dev unseal key, the seal flag and the identity shown by sys/health.
// Thread-safety: every member may be called from any thread (the secrets are
// fixed at construction, the seal flag is atomic).
class ServerState {
public:
    ServerState(QByteArray rootToken, QByteArray unsealKey, bool sealed, QString storageType);
    ~ServerState();
    ServerState(const ServerState &) = delete;
    ServerState &operator=(const ServerState &) = delete;

    // Constant-time comparison against the root token.
    bool tokenMatches(QByteArrayView token) const;
    // Accepts the unseal key as printed (base64) or as hex of the same bytes.
    bool unsealKeyMatches(QByteArrayView key) const;

    bool isSealed() const { return m_sealed.load(std::memory_order_acquire); }
    void seal() { m_sealed.store(true, std::memory_order_release); }
    bool unseal(QByteArrayView key);

    QByteArray rootToken() const { return m_rootToken; }
    QByteArray unsealKey() const { return m_unsealKey; }
    QString clusterId() const { return m_clusterId; }
    QString clusterName() const { return QStringLiteral("baokeys-signer"); }
    QString storageType() const { return m_storageType; }
    QString version() const { return QStringLiteral("2.1.0"); }

    // A standby of the node at `activeAddress` (an http(s) origin): sys/health
    // says so and other requests are redirected there, as an OpenBao standby
    // that does not forward requests does. Empty: this node is active.
    void setStandbyOf(const QString &activeAddress);
    QString standbyOf() const;

private:
    QByteArray m_rootToken;
    QByteArray m_unsealKey; // base64 of 32 random bytes
    std::atomic<bool> m_sealed;
    QString m_storageType;
    QString m_clusterId;
    mutable std::mutex m_standbyMutex;
    QString m_standbyOf; // guarded by m_standbyMutex
};

} // namespace baokeys::signer
