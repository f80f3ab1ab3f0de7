#include "core/tx/TxRawEncoder.h"

#include "core/crypto/Hash.h"
#include "core/crypto/Hex.h"
#include "core/tx/ProtoBytes.h"
#include "cosmos/tx/v1beta1/tx.pb.h"

namespace baokeys::tx {

TxResult<QByteArray> TxRawEncoder::encode(const QByteArray &bodyBytes, const QByteArray &authInfoBytes,
                                          const QList<QByteArray> &signatures)
{
    cosmos::tx::v1beta1::TxRaw txRaw;
    txRaw.set_body_bytes(ProtoBytes::toStd(bodyBytes));
    txRaw.set_auth_info_bytes(ProtoBytes::toStd(authInfoBytes));
    for (const QByteArray &signature : signatures)
        txRaw.add_signatures(ProtoBytes::toStd(signature));
    return ProtoBytes::serialize(txRaw);
}

QString TxRawEncoder::txHash(const QByteArray &txRaw)
{
    return crypto::Hex::encode(crypto::Hash::sha256(txRaw)).toUpper();
}

} // namespace baokeys::tx
