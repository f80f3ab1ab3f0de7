#include "core/tx/SignDocEncoder.h"

#include "core/tx/ProtoBytes.h"
#include "cosmos/tx/v1beta1/tx.pb.h"

namespace baokeys::tx {

TxResult<QByteArray> SignDocEncoder::encode(const QByteArray &bodyBytes, const QByteArray &authInfoBytes,
                                            const QString &chainId, quint64 accountNumber)
{
    if (chainId.trimmed().isEmpty())
        return txError(TxErrorKind::InvalidChainId, QStringLiteral("the chain id is empty"));
    if (chainId.toUtf8().size() > MaxChainIdLength)
        return txError(
            TxErrorKind::InvalidChainId,
            QStringLiteral("chain id \"%1\" is longer than %2 bytes").arg(chainId).arg(MaxChainIdLength));
    cosmos::tx::v1beta1::SignDoc signDoc;
    signDoc.set_body_bytes(ProtoBytes::toStd(bodyBytes));
    signDoc.set_auth_info_bytes(ProtoBytes::toStd(authInfoBytes));
    signDoc.set_chain_id(ProtoBytes::toStd(chainId));
    signDoc.set_account_number(accountNumber);
    return ProtoBytes::serialize(signDoc);
}

} // namespace baokeys::tx
