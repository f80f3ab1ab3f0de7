#pragma once

#include "core/crypto/CryptoError.h"
#include "core/crypto/SecureBytes.h"

#include <QByteArray>
#include <QStringView>

namespace baokeys::crypto::Hex {

// Thread-safe: pure functions.
// Strict hex decoding: even length, [0-9a-fA-F] only, optional "0x" prefix.
// (QByteArray::fromHex silently skips bad characters, which hides typos.)
CryptoResult<QByteArray> decode(QStringView hex);
// The same for a secret: the result is a SecureBytes, no plain copy is left.
CryptoResult<SecureBytes> decodeSecret(QStringView hex);

QString encode(QByteArrayView bytes); // lower case
// The same for a secret: lower-case hex digits (as bytes) in a SecureBytes,
// with no QString or QByteArray copy left behind.
SecureBytes encodeSecret(const SecureBytes &secret);

} // namespace baokeys::crypto::Hex
