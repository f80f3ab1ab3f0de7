#include "core/crypto/Secp256k1.h"

#include <QtGlobal>
#include <algorithm>
#include <array>
#include <iterator>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <secp256k1.h>

namespace baokeys::crypto {

namespace {

const unsigned char *u8(QByteArrayView bytes)
{
    return reinterpret_cast<const unsigned char *>(bytes.data());
}

// The one context for the process. Function-local static initialisation is
// thread-safe in C++11 and later, and randomization (the only mutation) happens
// inside it; afterwards libsecp256k1 only reads the context, which it documents
// as safe to share between threads.
const secp256k1_context *context()
{
    // Deliberately never destroyed: threads may still sign while statics are
    // torn down at exit.
    static const secp256k1_context *ctx = [] {
        secp256k1_context *created = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
        if (!created)
            qFatal("secp256k1_context_create failed");
        std::array<unsigned char, 32> seed{};
        if (RAND_bytes(seed.data(), int(seed.size())) == 1) {
            if (secp256k1_context_randomize(created, seed.data()) != 1)
                qFatal("secp256k1_context_randomize failed");
        } else {
            // Blinding is defence in depth; signing stays correct without it.
            qWarning("RAND_bytes failed; secp256k1 context is not randomized");
        }
        OPENSSL_cleanse(seed.data(), seed.size());
        return created;
    }();
    return ctx;
}

// Parses a 33-byte compressed or 65-byte uncompressed point. libsecp256k1
// also accepts the 65-byte "hybrid" forms (0x06/0x07); only the standard
// prefixes are public keys for us.
bool parsePoint(QByteArrayView publicKey, secp256k1_pubkey &pubkey)
{
    if (publicKey.size() != Secp256k1::CompressedPublicKeySize &&
        publicKey.size() != Secp256k1::UncompressedPublicKeySize)
        return false;
    const auto prefix = static_cast<unsigned char>(publicKey[0]);
    const bool prefixOk = publicKey.size() == Secp256k1::CompressedPublicKeySize
                              ? (prefix == 0x02 || prefix == 0x03)
                              : prefix == 0x04;
    return prefixOk &&
           secp256k1_ec_pubkey_parse(context(), &pubkey, u8(publicKey), std::size_t(publicKey.size())) == 1;
}

// Verifies a 64-byte r||s signature over a 32-byte digest with a parsed key.
bool verifyPoint(const secp256k1_pubkey &pubkey, QByteArrayView digest, QByteArrayView signature)
{
    if (digest.size() != Secp256k1::DigestSize || signature.size() != Secp256k1::CompactSignatureSize)
        return false;
    secp256k1_ecdsa_signature sig;
    if (secp256k1_ecdsa_signature_parse_compact(context(), &sig, u8(signature)) != 1)
        return false;
    // secp256k1_ecdsa_verify itself rejects high-S (malleated) signatures.
    return secp256k1_ecdsa_verify(context(), &sig, u8(digest), &pubkey) == 1;
}

QByteArray serializeCompressed(const secp256k1_pubkey &pubkey)
{
    QByteArray out(Secp256k1::CompressedPublicKeySize, Qt::Uninitialized);
    std::size_t len = std::size_t(out.size());
    if (secp256k1_ec_pubkey_serialize(context(), reinterpret_cast<unsigned char *>(out.data()), &len, &pubkey,
                                      SECP256K1_EC_COMPRESSED) != 1 ||
        len != std::size_t(Secp256k1::CompressedPublicKeySize))
        qFatal("secp256k1_ec_pubkey_serialize failed");
    return out;
}

CryptoResult<secp256k1_ecdsa_signature> parseCompact(QByteArrayView compact)
{
    if (compact.size() != Secp256k1::CompactSignatureSize)
        return cryptoError(
            CryptoErrorKind::InvalidSignature,
            QStringLiteral("A compact signature must be 64 bytes, got %1").arg(compact.size()));
    secp256k1_ecdsa_signature sig;
    if (secp256k1_ecdsa_signature_parse_compact(context(), &sig, u8(compact)) != 1)
        return cryptoError(CryptoErrorKind::InvalidSignature,
                           QStringLiteral("Signature r or s is not below the curve order"));
    return sig;
}

QByteArray serializeCompact(const secp256k1_ecdsa_signature &sig)
{
    QByteArray out(Secp256k1::CompactSignatureSize, Qt::Uninitialized);
    secp256k1_ecdsa_signature_serialize_compact(context(), reinterpret_cast<unsigned char *>(out.data()),
                                                &sig);
    return out;
}

} // namespace

Expected<void, CryptoError> Secp256k1::validatePrivateKey(const SecureBytes &privateKey)
{
    if (privateKey.size() != std::size_t(PrivateKeySize))
        return cryptoError(CryptoErrorKind::InvalidPrivateKey,
                           QStringLiteral("A private key must be 32 bytes, got %1").arg(privateKey.size()));
    if (secp256k1_ec_seckey_verify(context(), privateKey.data()) != 1)
        return cryptoError(CryptoErrorKind::InvalidPrivateKey,
                           QStringLiteral("Private key is zero or not below the secp256k1 curve order"));
    return {};
}

CryptoResult<QByteArray> Secp256k1::derivePublicKey(const SecureBytes &privateKey)
{
    if (auto ok = validatePrivateKey(privateKey); !ok)
        return unexpected(ok.error());
    secp256k1_pubkey pubkey;
    if (secp256k1_ec_pubkey_create(context(), &pubkey, privateKey.data()) != 1)
        return cryptoError(CryptoErrorKind::InvalidPrivateKey, QStringLiteral("Private key is not valid"));
    return serializeCompressed(pubkey);
}

CryptoResult<QByteArray> Secp256k1::parsePublicKey(QByteArrayView publicKey)
{
    auto key = verifyingKey(publicKey);
    if (!key)
        return unexpected(key.error());
    return key->compressed();
}

CryptoResult<VerifyingKey> Secp256k1::verifyingKey(QByteArrayView publicKey)
{
    if (publicKey.size() != CompressedPublicKeySize && publicKey.size() != UncompressedPublicKeySize)
        return cryptoError(
            CryptoErrorKind::InvalidPublicKey,
            QStringLiteral("A public key must be 33 or 65 bytes, got %1").arg(publicKey.size()));
    secp256k1_pubkey pubkey;
    if (!parsePoint(publicKey, pubkey))
        return cryptoError(CryptoErrorKind::InvalidPublicKey,
                           QStringLiteral("Public key is not a valid secp256k1 point encoding"));
    VerifyingKey key;
    static_assert(sizeof pubkey.data == std::tuple_size_v<decltype(key.m_point)>);
    std::copy(std::begin(pubkey.data), std::end(pubkey.data), key.m_point.begin());
    key.m_compressed = serializeCompressed(pubkey);
    return key;
}

CryptoResult<QByteArray> Secp256k1::signDigest(const SecureBytes &privateKey, QByteArrayView digest)
{
    if (digest.size() != DigestSize)
        return cryptoError(CryptoErrorKind::InvalidDigest,
                           QStringLiteral("A digest must be 32 bytes, got %1").arg(digest.size()));
    if (auto ok = validatePrivateKey(privateKey); !ok)
        return unexpected(ok.error());
    secp256k1_ecdsa_signature sig;
    // Null nonce function = secp256k1_nonce_function_rfc6979; output is low-S.
    if (secp256k1_ecdsa_sign(context(), &sig, u8(digest), privateKey.data(), nullptr, nullptr) != 1)
        return cryptoError(CryptoErrorKind::Internal, QStringLiteral("secp256k1 signing failed"));
    return serializeCompact(sig);
}

bool Secp256k1::verifyDigest(QByteArrayView publicKey, QByteArrayView digest, QByteArrayView signature)
{
    secp256k1_pubkey pubkey;
    return parsePoint(publicKey, pubkey) && verifyPoint(pubkey, digest, signature);
}

bool Secp256k1::verifyDigest(const VerifyingKey &publicKey, QByteArrayView digest, QByteArrayView signature)
{
    secp256k1_pubkey pubkey;
    std::copy(publicKey.m_point.begin(), publicKey.m_point.end(), std::begin(pubkey.data));
    return verifyPoint(pubkey, digest, signature);
}

bool Secp256k1::isLowS(QByteArrayView compactSignature)
{
    auto sig = parseCompact(compactSignature);
    if (!sig)
        return false;
    // normalize() with a null output only reports whether s was high.
    return secp256k1_ecdsa_signature_normalize(context(), nullptr, &*sig) == 0;
}

CryptoResult<QByteArray> Secp256k1::compactToDer(QByteArrayView compactSignature)
{
    auto sig = parseCompact(compactSignature);
    if (!sig)
        return unexpected(sig.error());
    unsigned char der[72];
    std::size_t len = sizeof der;
    if (secp256k1_ecdsa_signature_serialize_der(context(), der, &len, &*sig) != 1)
        return cryptoError(CryptoErrorKind::Internal, QStringLiteral("DER serialisation failed"));
    return QByteArray(reinterpret_cast<const char *>(der), qsizetype(len));
}

CryptoResult<QByteArray> Secp256k1::derToCompact(QByteArrayView derSignature)
{
    secp256k1_ecdsa_signature sig;
    if (derSignature.isEmpty() || secp256k1_ecdsa_signature_parse_der(context(), &sig, u8(derSignature),
                                                                      std::size_t(derSignature.size())) != 1)
        return cryptoError(CryptoErrorKind::InvalidSignature,
                           QStringLiteral("Signature is not valid strict DER"));
    // parse_der accepts out-of-range r or s and then stores zero for them; a
    // zero r or s is never a valid signature, so refuse it here.
    QByteArray compact = serializeCompact(sig);
    const auto isZero = [](QByteArrayView half) {
        return std::all_of(half.begin(), half.end(), [](char c) { return c == 0; });
    };
    if (isZero(QByteArrayView(compact).first(32)) || isZero(QByteArrayView(compact).sliced(32)))
        return cryptoError(CryptoErrorKind::InvalidSignature,
                           QStringLiteral("Signature r or s is zero or not below the curve order"));
    return compact;
}

CryptoResult<SecureBytes> Secp256k1::privateKeyTweakAdd(const SecureBytes &privateKey, QByteArrayView tweak)
{
    if (auto ok = validatePrivateKey(privateKey); !ok)
        return unexpected(ok.error());
    if (tweak.size() != 32)
        return cryptoError(CryptoErrorKind::InvalidDerivation,
                           QStringLiteral("A key tweak must be 32 bytes, got %1").arg(tweak.size()));
    SecureBytes result = privateKey.clone();
    if (secp256k1_ec_seckey_tweak_add(context(), result.data(), u8(tweak)) != 1)
        return cryptoError(CryptoErrorKind::InvalidDerivation,
                           QStringLiteral("Tweak is not below the curve order or the sum is zero"));
    return result;
}

} // namespace baokeys::crypto
