#pragma once

#include "core/crypto/CryptoError.h"

#include <QByteArray>
#include <QString>

namespace baokeys::crypto::CosmosAddress {

static constexpr int AddressSize = 20;

// All functions are thread-safe (no shared state).

// RIPEMD160(SHA256(compressed public key)).
QByteArray fromPublicKey(QByteArrayView compressedPublicKey);
// bech32 with any human-readable prefix ("celestia", "cosmos", ...).
CryptoResult<QString> toBech32(const QString &hrp, QByteArrayView address);
// Decodes and checks length (20 bytes) and, when given, the expected prefix.
CryptoResult<QByteArray> fromBech32(QStringView text, const QString &expectedHrp = {});

} // namespace baokeys::crypto::CosmosAddress
