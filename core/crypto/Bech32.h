#pragma once

#include "core/crypto/CryptoError.h"

#include <QByteArray>
#include <QString>

namespace baokeys::crypto::Bech32 {

// BIP-173 bech32 (not bech32m). Thread-safe: pure functions, no shared state.
// Encoded strings are lower case; decoding
// accepts all-lower or all-upper, rejects mixed case, bad characters, a bad
// checksum and strings over 90 characters.
struct Words {
    QString hrp;
    QByteArray words; // 5-bit values
};
struct Decoded {
    QString hrp;
    QByteArray data; // 8-bit bytes
};

CryptoResult<QString> encodeWords(const QString &hrp, const QByteArray &words);
CryptoResult<Words> decodeWords(QStringView text);

// 8-bit data <-> bech32, with the 8->5 / 5->8 bit conversion (no padding
// allowed when decoding, as BIP-173 requires).
CryptoResult<QString> encode(const QString &hrp, QByteArrayView data);
CryptoResult<Decoded> decode(QStringView text);

} // namespace baokeys::crypto::Bech32
