#pragma once

#include "core/crypto/CryptoError.h"
#include "core/crypto/SecureBytes.h"

#include <QList>
#include <QString>

namespace baokeys::crypto {

// A BIP-32 path such as m/44'/118'/0'/0/0 ("h" also marks hardened).
// A plain value; the Bip32 functions below are thread-safe (no shared state
// beyond the read-only secp256k1 context).
class HdPath {
public:
    static constexpr quint32 HardenedBit = 0x80000000u;
    static CryptoResult<HdPath> parse(QStringView text);
    const QList<quint32> &indices() const { return m_indices; }
    QString toString() const;

private:
    QList<quint32> m_indices;
};

struct ExtendedPrivateKey {
    SecureBytes key;       // 32 bytes
    SecureBytes chainCode; // 32 bytes
    quint8 depth = 0;
    quint32 parentFingerprint = 0;
    quint32 childNumber = 0;
};

namespace Bip32 {
CryptoResult<ExtendedPrivateKey> master(const SecureBytes &seed);
CryptoResult<ExtendedPrivateKey> deriveChild(const ExtendedPrivateKey &parent, quint32 index);
CryptoResult<ExtendedPrivateKey> derive(const SecureBytes &seed, const HdPath &path);
// Base58Check xprv / xpub serialisation (mainnet versions), for the BIP-32 vectors.
// Both return an empty string when `key` does not hold a valid private key.
QString serializePrivate(const ExtendedPrivateKey &key);
QString serializePublic(const ExtendedPrivateKey &key);
} // namespace Bip32

} // namespace baokeys::crypto
