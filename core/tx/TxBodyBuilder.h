#pragma once

#include "core/tx/TxError.h"
#include "core/tx/TxTypes.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace google::protobuf {
class MessageLite;
}

namespace baokeys::tx {

// Builds cosmos.tx.v1beta1.TxBody: the messages, in the order added, and the
// memo. Every address is checked against the chain's prefix when a message
// is added, so a refused message leaves the builder as it was.
//
// Thread-safety: a value type, not thread-safe; const members may be called
// from many threads when no thread modifies it.
class TxBodyBuilder {
public:
    explicit TxBodyBuilder(QString hrp);

    const QString &hrp() const { return m_hrp; }

    // cosmos.bank.v1beta1.MsgSend; amount must not be empty.
    Expected<void, TxError> addSend(const QString &from, const QString &to, const QList<Coin> &amount);
    // cosmos.feegrant.v1beta1.MsgGrantAllowance with a BasicAllowance.
    Expected<void, TxError> addGrantAllowance(const QString &granter, const QString &grantee,
                                              const BasicAllowance &allowance);
    // The same, wrapped in an AllowedMsgAllowance when allowance.allowedMessages
    // is not empty (each a "/package.Message" type URL, none repeated:
    // InvalidTypeUrl). A grantee equal to the granter is SelfGrant, as the
    // SDK refuses it.
    Expected<void, TxError> addGrantAllowance(const QString &granter, const QString &grantee,
                                              const FeeAllowance &allowance);
    // cosmos.feegrant.v1beta1.MsgRevokeAllowance.
    Expected<void, TxError> addRevokeAllowance(const QString &granter, const QString &grantee);
    void setMemo(const QString &memo) { m_memo = memo; }

    qsizetype messageCount() const { return m_messages.size(); }
    // The account that must sign each message (its from / granter), in order.
    const QStringList &signers() const { return m_signers; }

    // The TxBody bytes; NoMessages when nothing was added.
    TxResult<QByteArray> build() const;

private:
    // Checks granter and grantee (prefix, not the same account).
    TxResult<QStringList> checkGrantPair(const QString &granter, const QString &grantee) const;
    Expected<void, TxError> append(const google::protobuf::MessageLite &message, const QString &signer);

    // One message as it goes into TxBody.messages: an Any's type URL and value.
    struct PackedMessage {
        QString typeUrl;
        QByteArray value;
    };

    QString m_hrp;
    QString m_memo;
    QList<PackedMessage> m_messages;
    QStringList m_signers;
};

} // namespace baokeys::tx
