#pragma once

#include "core/tx/Coin.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace baokeys::tx {

// Plain value types of a transaction; thread-safe as any const value.

// cosmos.tx.v1beta1.Fee: what the transaction pays, its gas limit, and
// optionally the account whose fee grant pays instead of the signer.
struct Fee {
    QList<Coin> amount;
    quint64 gasLimit = 0;
    QString granter; // bech32; empty: the signer pays
};

// cosmos.feegrant.v1beta1.BasicAllowance: an empty spend limit grants
// without limit; no expiration grants until revoked.
struct BasicAllowance {
    QList<Coin> spendLimit;
    std::optional<QDateTime> expiration;
};

// What a MsgGrantAllowance grants: the BasicAllowance alone, or, when
// allowedMessages names message type URLs ("/celestia.blob.v1.MsgPayForBlobs"),
// that allowance wrapped in cosmos.feegrant.v1beta1.AllowedMsgAllowance so it
// pays only for those messages.
struct FeeAllowance {
    BasicAllowance basic;
    QStringList allowedMessages;
};

// Where the signature is valid: the chain and the signer's on-chain account.
struct SignerAccount {
    QString chainId;
    quint64 accountNumber = 0;
    quint64 sequence = 0;
};

// Everything a signed transaction is made of, in wire form.
struct SignedTx {
    QByteArray bodyBytes;     // cosmos.tx.v1beta1.TxBody
    QByteArray authInfoBytes; // cosmos.tx.v1beta1.AuthInfo
    QByteArray signDocBytes;  // cosmos.tx.v1beta1.SignDoc: what was signed
    QByteArray signature;     // 64 bytes r||s, low-S
    QByteArray publicKey;     // 33 bytes, the signer's
    QByteArray txRaw;         // cosmos.tx.v1beta1.TxRaw: what is broadcast
    QString txHash;           // upper-case hex SHA-256 of txRaw
};

} // namespace baokeys::tx
