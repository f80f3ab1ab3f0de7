#pragma once

#include "core/crypto/CryptoError.h"
#include "core/crypto/SecureBytes.h"

#include <QString>

namespace baokeys::crypto::Bip39 {

// Thread-safe: pure functions over the compiled-in word list.
// English word list only. Mnemonic and passphrase are NFKD-normalised before
// use, and words may be separated by any run of white space.
CryptoResult<QString> entropyToMnemonic(QByteArrayView entropy);
CryptoResult<SecureBytes> mnemonicToEntropy(const QString &mnemonic);
Expected<void, CryptoError> validateMnemonic(const QString &mnemonic);
// PBKDF2-HMAC-SHA512, 2048 rounds, salt "mnemonic" + passphrase. The mnemonic
// is validated first (word list + checksum).
CryptoResult<SecureBytes> mnemonicToSeed(const QString &mnemonic, const QString &passphrase);

} // namespace baokeys::crypto::Bip39
