#pragma once

#include "core/crypto/CryptoError.h"
#include "core/crypto/SecureBytes.h"
#include "core/crypto/VerifyingKey.h"

#include <QByteArray>
#include <QByteArrayView>

namespace baokeys::crypto {

// ECDSA over secp256k1 through libsecp256k1.
//
// One signing context is created and randomized once (blinding against side
// channels) on first use and then only read, which libsecp256k1 documents as
// safe from many threads: every function here is thread-safe.
class Secp256k1 {
public:
    static constexpr int PrivateKeySize = 32;
    static constexpr int CompressedPublicKeySize = 33;
    static constexpr int UncompressedPublicKeySize = 65;
    static constexpr int CompactSignatureSize = 64;
    static constexpr int DigestSize = 32;

    // Rejects anything but 32 bytes in [1, n-1].
    static Expected<void, CryptoError> validatePrivateKey(const SecureBytes &privateKey);
    // 33-byte compressed public key.
    static CryptoResult<QByteArray> derivePublicKey(const SecureBytes &privateKey);
    // Parses a 33- or 65-byte public key and returns it compressed (33 bytes).
    static CryptoResult<QByteArray> parsePublicKey(QByteArrayView publicKey);

    // RFC 6979 deterministic ECDSA over a 32-byte digest; 64-byte r||s, low-S.
    static CryptoResult<QByteArray> signDigest(const SecureBytes &privateKey, QByteArrayView digest);
    // Parses a 33- or 65-byte public key once, for verifyDigest() below.
    static CryptoResult<VerifyingKey> verifyingKey(QByteArrayView publicKey);

    // Verifies a 64-byte r||s signature; a high-S signature is rejected.
    static bool verifyDigest(QByteArrayView publicKey, QByteArrayView digest, QByteArrayView signature);
    // The same with a key parsed beforehand.
    static bool verifyDigest(const VerifyingKey &publicKey, QByteArrayView digest, QByteArrayView signature);
    static bool isLowS(QByteArrayView compactSignature);

    static CryptoResult<QByteArray> compactToDer(QByteArrayView compactSignature);
    static CryptoResult<QByteArray> derToCompact(QByteArrayView derSignature);

    // BIP-32 helper: (key + tweak) mod n; fails when the result is invalid.
    static CryptoResult<SecureBytes> privateKeyTweakAdd(const SecureBytes &privateKey, QByteArrayView tweak);
};

} // namespace baokeys::crypto
