#pragma once

#include "core/crypto/SecureBytes.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace baokeys::signer {

// Public facts about one engine key, as the API shows them.
struct KeyInfo {
    QString name;
    QByteArray publicKey; // 33-byte compressed point
    QByteArray address;   // RIPEMD160(SHA256(publicKey)), 20 bytes
    bool exportable = false;
    bool imported = false;
    QDateTime createdAt; // UTC
};

// A stored private key with its public facts, as held in memory and written
// (encrypted) to disk. The client's keyring::KeyRecord is the public half only.
struct StoredKey {
    KeyInfo info;
    crypto::SecureBytes privateKey;
};

} // namespace baokeys::signer
