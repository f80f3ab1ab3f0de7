#pragma once

#include "core/crypto/SecureBytes.h"

#include <QByteArray>
#include <QByteArrayView>

// Hash functions through OpenSSL 3 EVP (Keccak-256 through QCryptographicHash,
// which OpenSSL 3.0 lacks). All are thread-safe: no shared state.
namespace baokeys::crypto::Hash {

QByteArray sha256(QByteArrayView data);
QByteArray ripemd160(QByteArrayView data);
// Original Keccak-256 (Ethereum), not FIPS SHA3-256.
QByteArray keccak256(QByteArrayView data);
SecureBytes hmacSha512(QByteArrayView key, QByteArrayView data);
SecureBytes pbkdf2HmacSha512(QByteArrayView password, QByteArrayView salt, int iterations, int length);

} // namespace baokeys::crypto::Hash
