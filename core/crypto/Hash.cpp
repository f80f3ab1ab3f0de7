#include "core/crypto/Hash.h"

#include <QCryptographicHash>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/provider.h>

namespace baokeys::crypto::Hash {

namespace {

// A non-null pointer for empty inputs: some OpenSSL entry points treat a null
// key or salt as "not given" rather than "zero length".
const unsigned char kEmpty[1] = {0};

const unsigned char *bytesOf(QByteArrayView data)
{
    return data.isEmpty() ? kEmpty : reinterpret_cast<const unsigned char *>(data.data());
}

// RIPEMD-160 moved to the default provider in OpenSSL 3.0.7; older 3.0.x
// builds only have it in the legacy provider. The fetched EVP_MD is created
// once (thread-safe static initialisation) and is read-only afterwards.
const EVP_MD *ripemd160Md()
{
    static const EVP_MD *md = [] {
        EVP_MD *fetched = EVP_MD_fetch(nullptr, "RIPEMD160", nullptr);
        if (!fetched) {
            // Loading "legacy" also needs "default" to stay available.
            OSSL_PROVIDER_load(nullptr, "legacy");
            OSSL_PROVIDER_load(nullptr, "default");
            fetched = EVP_MD_fetch(nullptr, "RIPEMD160", nullptr);
        }
        return fetched;
    }();
    return md;
}

// SHA-256 fetched once, like RIPEMD-160 above. With EVP_sha256() instead,
// every EVP_Digest call fetches the algorithm again under a lock all threads
// share (OpenSSL 3's implicit fetch; crypto(7) advises fetching explicitly
// for an operation done many times): a cost per signature in a batch.
const EVP_MD *sha256Md()
{
    static const EVP_MD *md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return md;
}

// The Hash API has no error channel: with valid inputs these calls only fail
// on allocation failure or a broken OpenSSL install, which we cannot recover
// from, so they abort rather than return a wrong hash.
QByteArray digest(const EVP_MD *md, QByteArrayView data)
{
    if (!md)
        qFatal("OpenSSL digest unavailable");
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int outLen = 0;
    if (EVP_Digest(bytesOf(data), std::size_t(data.size()), out, &outLen, md, nullptr) != 1)
        qFatal("OpenSSL EVP_Digest failed");
    return QByteArray(reinterpret_cast<const char *>(out), int(outLen));
}

} // namespace

QByteArray sha256(QByteArrayView data)
{
    return digest(sha256Md(), data);
}

QByteArray ripemd160(QByteArrayView data)
{
    return digest(ripemd160Md(), data);
}

QByteArray keccak256(QByteArrayView data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Keccak_256);
}

SecureBytes hmacSha512(QByteArrayView key, QByteArrayView data)
{
    SecureBytes out(64);
    unsigned int outLen = 0;
    if (!HMAC(EVP_sha512(), bytesOf(key), int(key.size()), bytesOf(data), std::size_t(data.size()),
              out.data(), &outLen) ||
        outLen != 64)
        qFatal("OpenSSL HMAC-SHA512 failed");
    return out;
}

SecureBytes pbkdf2HmacSha512(QByteArrayView password, QByteArrayView salt, int iterations, int length)
{
    SecureBytes out(std::size_t(length > 0 ? length : 0));
    if (length <= 0 || iterations <= 0)
        return out;
    if (PKCS5_PBKDF2_HMAC(reinterpret_cast<const char *>(bytesOf(password)), int(password.size()),
                          bytesOf(salt), int(salt.size()), iterations, EVP_sha512(), length, out.data()) != 1)
        qFatal("OpenSSL PBKDF2-HMAC-SHA512 failed");
    return out;
}

} // namespace baokeys::crypto::Hash
