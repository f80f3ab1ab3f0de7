#include "core/tx/TxSigner.h"

#include "core/crypto/Hash.h"
#include "core/crypto/Secp256k1.h"
#include "core/keyring/BaoKeyring.h"
#include "core/tx/AuthInfoEncoder.h"
#include "core/tx/SignDocEncoder.h"
#include "core/tx/TxRawEncoder.h"

namespace baokeys::tx {

namespace {

Unexpected<TxError> keyringFailure(const QString &what, bao::BaoError error)
{
    return {TxError{TxErrorKind::Keyring, what, std::move(error)}};
}

} // namespace

TxSigner::TxSigner(keyring::BaoKeyring &keyring) : m_keyring(keyring) {}

TxResult<SignedTx> TxSigner::sign(const QString &uid, const TxBodyBuilder &body, const Fee &fee,
                                  const SignerAccount &account) const
{
    const auto record = m_keyring.key(uid); // local store: no request yet
    if (!record)
        return keyringFailure(QStringLiteral("no key \"%1\" to sign with").arg(uid), record.error());
    const QString signerAddress = record->bech32(body.hrp());
    for (const QString &signer : body.signers()) {
        if (signer != signerAddress)
            return txError(TxErrorKind::SignerMismatch,
                           QStringLiteral("a message is signed by %1, but key \"%2\" is %3")
                               .arg(signer, uid, signerAddress));
    }

    SignedTx tx;
    tx.publicKey = record->publicKey;
    auto bodyBytes = body.build();
    if (!bodyBytes)
        return unexpected(bodyBytes.error());
    tx.bodyBytes = std::move(bodyBytes).value();
    auto authInfoBytes = AuthInfoEncoder::encode(record->publicKey, account.sequence, fee, body.hrp());
    if (!authInfoBytes)
        return unexpected(authInfoBytes.error());
    tx.authInfoBytes = std::move(authInfoBytes).value();
    auto signDoc =
        SignDocEncoder::encode(tx.bodyBytes, tx.authInfoBytes, account.chainId, account.accountNumber);
    if (!signDoc)
        return unexpected(signDoc.error());
    tx.signDocBytes = std::move(signDoc).value();

    auto signature = m_keyring.sign(uid, tx.signDocBytes);
    if (!signature)
        return keyringFailure(QStringLiteral("key \"%1\" did not sign").arg(uid), signature.error());
    // The keyring verified it against the stored key; check that it covers
    // exactly these SignDoc bytes and that key, since a chain checks both.
    if (signature->publicKey != record->publicKey ||
        !crypto::Secp256k1::verifyDigest(record->publicKey, crypto::Hash::sha256(tx.signDocBytes),
                                         signature->signature))
        return keyringFailure(QStringLiteral("the signature does not verify over the SignDoc"),
                              bao::BaoError{bao::BaoErrorKind::SecurityFault,
                                            QStringLiteral("signature does not match the SignDoc"),
                                            0,
                                            {}});
    tx.signature = signature->signature;

    auto txRaw = TxRawEncoder::encode(tx.bodyBytes, tx.authInfoBytes, {tx.signature});
    if (!txRaw)
        return unexpected(txRaw.error());
    tx.txRaw = std::move(txRaw).value();
    tx.txHash = TxRawEncoder::txHash(tx.txRaw);
    return tx;
}

TxResult<QByteArray> TxSigner::simulationTx(const QString &uid, const TxBodyBuilder &body, const Fee &fee,
                                            quint64 sequence) const
{
    const auto record = m_keyring.key(uid);
    if (!record)
        return keyringFailure(QStringLiteral("no key \"%1\" to simulate with").arg(uid), record.error());
    auto bodyBytes = body.build();
    if (!bodyBytes)
        return unexpected(bodyBytes.error());
    auto authInfoBytes = AuthInfoEncoder::encode(record->publicKey, sequence, fee, body.hrp());
    if (!authInfoBytes)
        return unexpected(authInfoBytes.error());
    return TxRawEncoder::encode(*bodyBytes, *authInfoBytes, {QByteArray()});
}

} // namespace baokeys::tx
