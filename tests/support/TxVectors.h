#pragma once

// The "txs" known answers of the shared Cosmos vectors turned into the
// inputs of the tx API: a body builder, the fee, the signer's account, and
// the signer's key from the "keys" section.
#include "VectorFile.h"
#include "core/crypto/Bech32.h"
#include "core/crypto/Hex.h"
#include "core/tx/Coin.h"
#include "core/tx/TxBodyBuilder.h"
#include "core/tx/TxTypes.h"

#include <QJsonArray>
#include <QJsonObject>
#include <optional>

namespace txtest {

// One entry of "txs" with everything it expects.
struct TxVector {
    QString kind;
    QString signer;        // bech32
    QString hrp;           // the signer's prefix
    QString privateKeyHex; // of the signer, from "keys"
    QByteArray publicKey;  // of the signer, from "keys"
    QJsonObject params;
    QByteArray bodyBytes;
    QByteArray authInfoBytes;
    QByteArray signDocBytes;
    QByteArray signature;
    QByteArray txRaw;
    QString txHash;
};

inline QByteArray hex(const QJsonValue &value)
{
    auto bytes = baokeys::crypto::Hex::decode(value.toString());
    return bytes ? *bytes : QByteArray();
}

// Every "txs" entry, or an empty list when the file or a signer's key is missing.
inline QList<TxVector> txVectors()
{
    const auto file = baokeys::testsupport::VectorFile::cosmos();
    QList<TxVector> vectors;
    if (!file.isValid())
        return vectors;
    const QJsonArray keys = file.section("keys");
    for (const QJsonValue &entry : file.section("txs")) {
        const QJsonObject tx = entry.toObject();
        TxVector v;
        v.kind = tx.value(QLatin1String("kind")).toString();
        v.signer = tx.value(QLatin1String("signer")).toString();
        const auto decoded = baokeys::crypto::Bech32::decode(v.signer);
        if (!decoded)
            return {};
        v.hrp = decoded->hrp;
        for (const QJsonValue &key : keys) {
            if (key.toObject().value(v.hrp).toString() == v.signer) {
                v.privateKeyHex = key.toObject().value(QLatin1String("privkey_hex")).toString();
                v.publicKey = hex(key.toObject().value(QLatin1String("pubkey_hex")));
            }
        }
        if (v.privateKeyHex.isEmpty())
            return {};
        v.params = tx.value(QLatin1String("params")).toObject();
        v.bodyBytes = hex(tx.value(QLatin1String("body_bytes_hex")));
        v.authInfoBytes = hex(tx.value(QLatin1String("auth_info_bytes_hex")));
        v.signDocBytes = hex(tx.value(QLatin1String("sign_doc_bytes_hex")));
        v.signature = QByteArray::fromBase64(tx.value(QLatin1String("signature_b64")).toString().toLatin1());
        v.txRaw = QByteArray::fromBase64(tx.value(QLatin1String("tx_raw_b64")).toString().toLatin1());
        v.txHash = tx.value(QLatin1String("txhash")).toString();
        vectors.append(v);
    }
    return vectors;
}

// The body the vector describes: MsgGrantAllowance to each grantee when it
// lists grantees, otherwise one MsgSend; then the memo.
inline std::optional<baokeys::tx::TxBodyBuilder> bodyFor(const TxVector &v)
{
    using baokeys::tx::Coin;
    baokeys::tx::TxBodyBuilder body(v.hrp);
    const QJsonObject &p = v.params;
    if (p.contains(QLatin1String("grantees"))) {
        baokeys::tx::BasicAllowance allowance;
        if (p.contains(QLatin1String("spend_limit"))) {
            auto limit = Coin::parseList(p.value(QLatin1String("spend_limit")).toString());
            if (!limit)
                return std::nullopt;
            allowance.spendLimit = *limit;
        }
        for (const QJsonValue &grantee : p.value(QLatin1String("grantees")).toArray()) {
            if (!body.addGrantAllowance(p.value(QLatin1String("granter")).toString(), grantee.toString(),
                                        allowance))
                return std::nullopt;
        }
    } else {
        auto amount = Coin::parseList(p.value(QLatin1String("amount")).toString());
        if (!amount)
            return std::nullopt;
        if (!body.addSend(p.value(QLatin1String("from")).toString(), p.value(QLatin1String("to")).toString(),
                          *amount))
            return std::nullopt;
    }
    body.setMemo(p.value(QLatin1String("memo")).toString());
    return body;
}

inline baokeys::tx::Fee feeFor(const TxVector &v)
{
    const QJsonObject fee = v.params.value(QLatin1String("fee")).toObject();
    baokeys::tx::Fee result;
    for (const QJsonValue &coin : fee.value(QLatin1String("amount")).toArray())
        result.amount.append({coin.toObject().value(QLatin1String("denom")).toString(),
                              coin.toObject().value(QLatin1String("amount")).toString()});
    result.gasLimit = fee.value(QLatin1String("gas")).toString().toULongLong();
    result.granter = v.params.value(QLatin1String("feeGranter")).toString();
    return result;
}

inline baokeys::tx::SignerAccount accountFor(const TxVector &v)
{
    return {v.params.value(QLatin1String("chainId")).toString(),
            quint64(v.params.value(QLatin1String("accountNumber")).toInteger()),
            quint64(v.params.value(QLatin1String("sequence")).toInteger())};
}

} // namespace txtest
