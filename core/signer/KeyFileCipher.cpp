#include "core/signer/KeyFileCipher.h"

#include <memory>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace baokeys::signer::KeyFileCipher {

namespace {
struct CtxFree {
    void operator()(EVP_CIPHER_CTX *ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CtxFree>;

const unsigned char *bytes(QByteArrayView v)
{
    return reinterpret_cast<const unsigned char *>(v.data());
}
} // namespace

QByteArray randomBytes(int size)
{
    QByteArray out(size, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), size) != 1)
        qFatal("RAND_bytes failed"); // no randomness: nothing safe left to do
    return out;
}

Expected<crypto::SecureBytes, QString> deriveKey(QByteArrayView passphrase, QByteArrayView salt,
                                                 const ScryptParams &params)
{
    crypto::SecureBytes key(32);
    // maxmem must cover 128 * r * N plus the p blocks; OpenSSL's default cap
    // (32 MiB) is just below what N = 2^15, r = 8 needs.
    const quint64 maxmem = 128 * params.r * params.n * 2 + (quint64(1) << 20);
    if (EVP_PBE_scrypt(passphrase.data(), size_t(passphrase.size()), bytes(salt), size_t(salt.size()),
                       params.n, params.r, params.p, maxmem, key.data(), key.size()) != 1) {
        return unexpected(QStringLiteral("scrypt key derivation failed"));
    }
    return key;
}

Expected<QByteArray, QString> seal(const crypto::SecureBytes &key, QByteArrayView plaintext,
                                   QByteArrayView associatedData)
{
    if (key.size() != 32)
        return unexpected(QStringLiteral("encryption key must be 32 bytes"));
    const QByteArray nonce = randomBytes(NonceSize);
    QByteArray out = nonce;
    out.resize(NonceSize + plaintext.size() + TagSize);
    auto *cipherOut = reinterpret_cast<unsigned char *>(out.data()) + NonceSize;

    CipherCtx ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, NonceSize, nullptr) != 1 ||
        EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, key.data(), bytes(nonce)) != 1 ||
        EVP_EncryptUpdate(ctx.get(), nullptr, &len, bytes(associatedData), int(associatedData.size())) != 1 ||
        EVP_EncryptUpdate(ctx.get(), cipherOut, &len, bytes(plaintext), int(plaintext.size())) != 1 ||
        EVP_EncryptFinal_ex(ctx.get(), cipherOut + len, &len) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, TagSize, cipherOut + plaintext.size()) != 1) {
        return unexpected(QStringLiteral("AES-256-GCM encryption failed"));
    }
    return out;
}

Expected<crypto::SecureBytes, QString> open(const crypto::SecureBytes &key, QByteArrayView sealed,
                                            QByteArrayView associatedData)
{
    if (key.size() != 32)
        return unexpected(QStringLiteral("encryption key must be 32 bytes"));
    if (sealed.size() < NonceSize + TagSize)
        return unexpected(QStringLiteral("sealed data too short"));
    const qsizetype cipherSize = sealed.size() - NonceSize - TagSize;
    crypto::SecureBytes plain(size_t(cipherSize) + 1); // +1: OpenSSL wants a non-null buffer for empty input
    QByteArray tag(sealed.data() + NonceSize + cipherSize, TagSize);

    CipherCtx ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    int finalLen = 0;
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, NonceSize, nullptr) != 1 ||
        EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, key.data(), bytes(sealed)) != 1 ||
        EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytes(associatedData), int(associatedData.size())) != 1 ||
        EVP_DecryptUpdate(ctx.get(), plain.data(), &len, bytes(sealed) + NonceSize, int(cipherSize)) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, TagSize, tag.data()) != 1 ||
        EVP_DecryptFinal_ex(ctx.get(), plain.data() + len, &finalLen) != 1) {
        return unexpected(QStringLiteral("authentication failed"));
    }
    return crypto::SecureBytes(plain.data(), size_t(cipherSize));
}

} // namespace baokeys::signer::KeyFileCipher
