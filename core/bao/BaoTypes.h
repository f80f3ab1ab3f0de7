#pragma once

#include "core/bao/BaoError.h"
#include "core/crypto/SecureBytes.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Plain value types for the answers of the wire contract
// (shared/docs/openbao-secp256k1-api.md). Every one has been validated by
// BaoClient before it is handed out: sizes, point encoding and address.
namespace baokeys::bao {

// A key as the engine describes it (create, read, import, LIST key_info).
struct KeyInfo {
    QString name;
    QByteArray publicKey; // 33-byte compressed point, checked to parse
    QByteArray address;   // 20 bytes, checked == RIPEMD160(SHA256(publicKey))
    bool exportable = false;
    bool imported = false;
    QDateTime createdAt; // UTC; invalid when the server gave none
};

// The engine's `keys` listing. `names` is authoritative; `info` holds the
// validated key_info entries (a name without usable key_info is only in names).
struct KeyListing {
    QStringList names;
    QList<KeyInfo> info;
};

// GET export/:name. The private key is a secret: SecureBytes, wiped.
struct ExportedKey {
    KeyInfo info;
    crypto::SecureBytes privateKey; // 32 bytes
};

enum class HashAlgorithm { Sha256, Keccak256 };

struct SignOptions {
    bool prehashed = false; // then the input is exactly the 32-byte digest
    HashAlgorithm hash = HashAlgorithm::Sha256;
};

// POST sign/:name with output_format cosmos. Sizes are checked (64 bytes,
// parseable public key); verifying it against the *stored* key is the
// keyring's job (BaoKeyring), which knows which key it expects.
struct SignResponse {
    QByteArray signature; // 64 bytes r||s
    // 33 bytes with a compressed key's prefix, as the server reported it, not
    // parsed: compare it with the key you know before trusting the answer
    // (BaoKeyring does, and a different key is a security fault there).
    QByteArray publicKey;
    int keyVersion = 1;
};

// GET sys/health. The status code carries the state; all codes are answers.
struct HealthInfo {
    int httpStatus = 0;
    bool initialized = false;
    bool sealed = false;
    bool standby = false;
    bool performanceStandby = false;
    QString version;
    QString clusterName;
    QDateTime serverTime;
};

// GET auth/token/lookup-self.
struct TokenInfo {
    QString displayName;
    QStringList policies;
    qint64 ttlSeconds = 0; // 0: never expires (root)
    QDateTime expireTime;  // invalid when it never expires
    bool renewable = false;
    // A root token may do everything, export keys included: worth a warning.
    bool isRoot() const { return policies.contains(QStringLiteral("root")); }
};

// What a node of a cluster said it is, read from its sys/health status code
// (OpenBao: 200 active, 429 standby, 501 not initialised, 503 sealed; Vault
// adds 472 DR secondary and 473 performance standby).
enum class NodeRole { Active, Standby, PerformanceStandby, DrSecondary, Sealed, Uninitialized, Unreachable };

// One node of the profile, as sys/health found it.
struct NodeStatus {
    QString address;
    NodeRole role = NodeRole::Unreachable;
    std::optional<HealthInfo> health; // empty when unreachable
    std::optional<BaoError> error;    // why it is unreachable (or answered nonsense)
    qint64 roundTripMs = 0;
    bool reachable() const { return role != NodeRole::Unreachable; }
    // "active", "standby", "performance standby", "dr secondary", "sealed",
    // "not initialized", "unreachable": stable, for JSON and logs.
    static QString roleName(NodeRole role);
};

// "Test connection": health plus the token's view of itself. The server is
// usable when `error` is empty.
struct ConnectionStatus {
    QString address;                  // the address that was asked
    std::optional<HealthInfo> health; // empty when the server could not be reached
    std::optional<TokenInfo> token;   // empty when lookup-self failed (see error)
    std::optional<BaoError> error;    // the first thing that makes the server unusable
    qint64 roundTripMs = 0;           // of the health request
    QList<NodeStatus> nodes;          // a cluster's nodes, in the listed order (empty for one address)
    bool ok() const { return !error.has_value(); }
};

} // namespace baokeys::bao
