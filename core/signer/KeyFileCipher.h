#pragma once

#include "core/common/Expected.h"
#include "core/crypto/SecureBytes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

// Encryption at rest for persistent mode: scrypt turns the passphrase into a
// 256-bit key, AES-256-GCM seals each private key with its metadata as
// associated data (so a swapped name or flag is detected too).
// Stateless functions: thread-safe.
namespace baokeys::signer::KeyFileCipher {

struct ScryptParams {
    quint64 n = quint64(1) << 15; // 32 MiB of memory, ~0.1 s on one core
    quint64 r = 8;
    quint64 p = 1;
};

inline constexpr int SaltSize = 16;
inline constexpr int NonceSize = 12;
inline constexpr int TagSize = 16;

Expected<crypto::SecureBytes, QString> deriveKey(QByteArrayView passphrase, QByteArrayView salt,
                                                 const ScryptParams &params);
// Returns nonce || ciphertext || tag, with a fresh random nonce.
Expected<QByteArray, QString> seal(const crypto::SecureBytes &key, QByteArrayView plaintext,
                                   QByteArrayView associatedData);
// Fails (without detail, on purpose) when the tag does not match.
Expected<crypto::SecureBytes, QString> open(const crypto::SecureBytes &key, QByteArrayView sealed,
                                            QByteArrayView associatedData);
QByteArray randomBytes(int size);

} // namespace baokeys::signer::KeyFileCipher
