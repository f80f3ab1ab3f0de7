#include "core/keyring/CheckedSigner.h"

#include "core/bao/BaoClient.h"
#include "core/crypto/Hash.h"
#include "core/crypto/Hex.h"
#include "core/crypto/Secp256k1.h"
#include "core/keyring/KeyringErrors.h"

namespace baokeys::keyring {

using bao::baoError;
using bao::BaoErrorKind;

bao::BaoResult<Signature> CheckedSigner::sign(bao::BaoClient &client, const KeyRecord &record,
                                              const QByteArray &message, bool prehashed) const
{
    auto digest = digestOf(message, prehashed);
    if (!digest)
        return baokeys::unexpected(digest.error());
    bao::SignOptions options;
    options.prehashed = true;
    return check(record, *digest, client.sign(record.uid, *digest, options));
}

bao::BaoResult<QByteArray> CheckedSigner::digestOf(const QByteArray &message, bool prehashed)
{
    if (prehashed && message.size() != crypto::Secp256k1::DigestSize)
        return baoError(BaoErrorKind::InvalidInput, QStringLiteral("a prehashed message is 32 bytes"));
    // The digest is sent prehashed, so the signer signs exactly the 32 bytes
    // verified by check() (and an empty message is signable too).
    return prehashed ? message : crypto::Hash::sha256(message);
}

bao::BaoResult<Signature> CheckedSigner::check(const KeyRecord &record, const QByteArray &digest,
                                               const bao::BaoResult<bao::SignResponse> &response) const
{
    if (!response)
        return baokeys::unexpected(response.error());
    if (response->publicKey != record.publicKey) {
        // Known since the last sync: the stored key is gone from the server,
        // and the server is not misbehaving, so this is no security fault.
        if (record.replacedOnServer)
            return baokeys::unexpected(errors::replacedOnServer(record.uid));
        return baoError(
            BaoErrorKind::SecurityFault,
            QStringLiteral("the signer answered for '%1' with public key %2, but the stored key is %3")
                .arg(record.uid, crypto::Hex::encode(response->publicKey), record.publicKeyHex()));
    }
    if (!crypto::Secp256k1::isLowS(response->signature))
        return baoError(BaoErrorKind::SecurityFault,
                        QStringLiteral("the signer returned a high-S signature for '%1'").arg(record.uid));
    const auto verifyingKey = m_verifyingKeys.get(record.publicKey);
    if (!verifyingKey || !crypto::Secp256k1::verifyDigest(*verifyingKey, digest, response->signature))
        return baoError(
            BaoErrorKind::SecurityFault,
            QStringLiteral("the signature returned for '%1' does not verify against its stored public key")
                .arg(record.uid));
    return Signature{record.uid, response->signature, record.publicKey, digest};
}

} // namespace baokeys::keyring
