#pragma once

#include <QByteArray>
#include <array>

namespace baokeys::crypto {

// A secp256k1 public key parsed once, to verify many signatures with it.
// Parsing a compressed key decompresses the point (a square root, about 7 us
// here, an eighth of a verification), so a key that verifies signature after
// signature is worth keeping parsed. Made and used by Secp256k1
// (verifyingKey(), verifyDigest()); holds libsecp256k1's opaque 64-byte form.
//
// Thread-safety: an immutable value; copies may be used from any thread.
class VerifyingKey {
public:
    // The key it was parsed from, compressed (33 bytes).
    const QByteArray &compressed() const { return m_compressed; }

private:
    friend class Secp256k1;
    VerifyingKey() = default;

    std::array<unsigned char, 64> m_point{}; // secp256k1_pubkey::data
    QByteArray m_compressed;
};

} // namespace baokeys::crypto
