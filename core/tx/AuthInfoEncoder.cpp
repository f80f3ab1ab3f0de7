#include "core/tx/AuthInfoEncoder.h"

#include "core/crypto/Secp256k1.h"
#include "core/tx/AccountAddress.h"
#include "core/tx/ProtoBytes.h"
#include "cosmos/crypto/secp256k1/keys.pb.h"
#include "cosmos/tx/signing/v1beta1/signing.pb.h"
#include "cosmos/tx/v1beta1/tx.pb.h"

namespace baokeys::tx {

TxResult<QByteArray> AuthInfoEncoder::encode(const QByteArray &publicKey, quint64 sequence, const Fee &fee,
                                             const QString &hrp)
{
    if (publicKey.size() != crypto::Secp256k1::CompressedPublicKeySize ||
        !crypto::Secp256k1::parsePublicKey(publicKey))
        return txError(
            TxErrorKind::InvalidPublicKey,
            QStringLiteral("the signer's public key must be a 33-byte compressed secp256k1 point"));
    if (fee.gasLimit == 0)
        return txError(TxErrorKind::InvalidGas, QStringLiteral("gas limit 0 cannot pay for any transaction"));
    for (const Coin &coin : fee.amount) {
        if (!coin.isValid())
            return txError(TxErrorKind::InvalidCoin,
                           QStringLiteral("fee: \"%1\" is not a valid coin").arg(coin.toString()));
    }
    QString granter;
    if (!fee.granter.isEmpty()) {
        auto checked = AccountAddress::check(fee.granter, hrp, QStringLiteral("fee granter"));
        if (!checked)
            return unexpected(checked.error());
        granter = *checked;
    }

    cosmos::crypto::secp256k1::PubKey key;
    key.set_key(ProtoBytes::toStd(publicKey));

    cosmos::tx::v1beta1::AuthInfo authInfo;
    auto *signerInfo = authInfo.add_signer_infos();
    if (auto packed = ProtoBytes::pack(key, *signerInfo->mutable_public_key()); !packed)
        return unexpected(packed.error());
    signerInfo->mutable_mode_info()->mutable_single()->set_mode(
        cosmos::tx::signing::v1beta1::SIGN_MODE_DIRECT);
    signerInfo->set_sequence(sequence);

    auto *protoFee = authInfo.mutable_fee();
    for (const Coin &coin : fee.amount) {
        auto *added = protoFee->add_amount();
        added->set_denom(ProtoBytes::toStd(coin.denom));
        added->set_amount(ProtoBytes::toStd(coin.amount));
    }
    protoFee->set_gas_limit(fee.gasLimit);
    protoFee->set_granter(ProtoBytes::toStd(granter));
    return ProtoBytes::serialize(authInfo);
}

} // namespace baokeys::tx
