#include "core/tx/TxBodyBuilder.h"

#include "core/tx/AccountAddress.h"
#include "core/tx/ProtoBytes.h"
#include "cosmos/bank/v1beta1/tx.pb.h"
#include "cosmos/feegrant/v1beta1/feegrant.pb.h"
#include "cosmos/feegrant/v1beta1/tx.pb.h"
#include "cosmos/tx/v1beta1/tx.pb.h"

#include <google/protobuf/any.pb.h>

#include <QRegularExpression>

namespace baokeys::tx {

namespace {

void addCoins(const QList<Coin> &coins, google::protobuf::RepeatedPtrField<cosmos::base::v1beta1::Coin> &out)
{
    for (const Coin &coin : coins) {
        auto *added = out.Add();
        added->set_denom(ProtoBytes::toStd(coin.denom));
        added->set_amount(ProtoBytes::toStd(coin.amount));
    }
}

Expected<void, TxError> checkCoins(const QList<Coin> &coins, const QString &what)
{
    for (const Coin &coin : coins) {
        if (!coin.isValid())
            return txError(TxErrorKind::InvalidCoin,
                           QStringLiteral("%1: \"%2\" is not a valid coin").arg(what, coin.toString()));
    }
    return {};
}

// A message type URL as the SDK writes them: "/" and a full protobuf name
// (letters, digits, '_' and '.'), each listed once.
Expected<void, TxError> checkTypeUrls(const QStringList &typeUrls)
{
    // anchoredPattern, not ^…$: '$' also matches before a final newline.
    static const QRegularExpression typeUrl(QRegularExpression::anchoredPattern(
        QStringLiteral("/[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+")));
    for (qsizetype i = 0; i < typeUrls.size(); ++i) {
        if (!typeUrl.match(typeUrls.at(i)).hasMatch())
            return txError(TxErrorKind::InvalidTypeUrl,
                           QStringLiteral("\"%1\" is not a message type URL such as "
                                          "/celestia.blob.v1.MsgPayForBlobs")
                               .arg(typeUrls.at(i)));
        if (typeUrls.indexOf(typeUrls.at(i)) != i)
            return txError(TxErrorKind::InvalidTypeUrl,
                           QStringLiteral("%1 is listed twice").arg(typeUrls.at(i)));
    }
    return {};
}

} // namespace

TxBodyBuilder::TxBodyBuilder(QString hrp) : m_hrp(std::move(hrp)) {}

Expected<void, TxError> TxBodyBuilder::addSend(const QString &from, const QString &to,
                                               const QList<Coin> &amount)
{
    const auto fromAddress = AccountAddress::check(from, m_hrp, QStringLiteral("from"));
    if (!fromAddress)
        return unexpected(fromAddress.error());
    const auto toAddress = AccountAddress::check(to, m_hrp, QStringLiteral("to"));
    if (!toAddress)
        return unexpected(toAddress.error());
    if (amount.isEmpty())
        return txError(TxErrorKind::InvalidCoin, QStringLiteral("a send needs an amount"));
    if (auto ok = checkCoins(amount, QStringLiteral("amount")); !ok)
        return ok;

    cosmos::bank::v1beta1::MsgSend message;
    message.set_from_address(ProtoBytes::toStd(*fromAddress));
    message.set_to_address(ProtoBytes::toStd(*toAddress));
    addCoins(amount, *message.mutable_amount());
    google::protobuf::Any any;
    if (auto packed = ProtoBytes::pack(message, any); !packed)
        return packed;
    m_messages.append({QString::fromStdString(any.type_url()), QByteArray::fromStdString(any.value())});
    m_signers.append(*fromAddress);
    return {};
}

Expected<void, TxError> TxBodyBuilder::addGrantAllowance(const QString &granter, const QString &grantee,
                                                         const BasicAllowance &allowance)
{
    return addGrantAllowance(granter, grantee, FeeAllowance{allowance, {}});
}

Expected<void, TxError> TxBodyBuilder::addGrantAllowance(const QString &granter, const QString &grantee,
                                                         const FeeAllowance &allowance)
{
    const auto pair = checkGrantPair(granter, grantee);
    if (!pair)
        return unexpected(pair.error());
    if (auto ok = checkCoins(allowance.basic.spendLimit, QStringLiteral("spend limit")); !ok)
        return ok;
    if (auto ok = checkTypeUrls(allowance.allowedMessages); !ok)
        return ok;

    cosmos::feegrant::v1beta1::BasicAllowance basic;
    addCoins(allowance.basic.spendLimit, *basic.mutable_spend_limit());
    if (allowance.basic.expiration) {
        const qint64 msecs = allowance.basic.expiration->toMSecsSinceEpoch();
        auto *expiration = basic.mutable_expiration();
        // Timestamp nanos are never negative: floor the seconds for instants before 1970.
        qint64 seconds = msecs / 1000;
        qint64 millis = msecs % 1000;
        if (millis < 0) {
            seconds -= 1;
            millis += 1000;
        }
        expiration->set_seconds(seconds);
        expiration->set_nanos(int(millis * 1000000));
    }

    cosmos::feegrant::v1beta1::MsgGrantAllowance message;
    message.set_granter(ProtoBytes::toStd(pair->at(0)));
    message.set_grantee(ProtoBytes::toStd(pair->at(1)));
    if (allowance.allowedMessages.isEmpty()) {
        if (auto packed = ProtoBytes::pack(basic, *message.mutable_allowance()); !packed)
            return packed;
    } else {
        cosmos::feegrant::v1beta1::AllowedMsgAllowance allowed;
        if (auto packed = ProtoBytes::pack(basic, *allowed.mutable_allowance()); !packed)
            return packed;
        for (const QString &typeUrl : allowance.allowedMessages)
            allowed.add_allowed_messages(ProtoBytes::toStd(typeUrl));
        if (auto packed = ProtoBytes::pack(allowed, *message.mutable_allowance()); !packed)
            return packed;
    }
    return append(message, pair->at(0));
}

Expected<void, TxError> TxBodyBuilder::addRevokeAllowance(const QString &granter, const QString &grantee)
{
    const auto pair = checkGrantPair(granter, grantee);
    if (!pair)
        return unexpected(pair.error());
    cosmos::feegrant::v1beta1::MsgRevokeAllowance message;
    message.set_granter(ProtoBytes::toStd(pair->at(0)));
    message.set_grantee(ProtoBytes::toStd(pair->at(1)));
    return append(message, pair->at(0));
}

TxResult<QStringList> TxBodyBuilder::checkGrantPair(const QString &granter, const QString &grantee) const
{
    const auto granterAddress = AccountAddress::check(granter, m_hrp, QStringLiteral("granter"));
    if (!granterAddress)
        return unexpected(granterAddress.error());
    const auto granteeAddress = AccountAddress::check(grantee, m_hrp, QStringLiteral("grantee"));
    if (!granteeAddress)
        return unexpected(granteeAddress.error());
    if (*granterAddress == *granteeAddress)
        return txError(TxErrorKind::SelfGrant,
                       QStringLiteral("%1 cannot grant an allowance to itself").arg(*granterAddress));
    return QStringList{*granterAddress, *granteeAddress};
}

Expected<void, TxError> TxBodyBuilder::append(const google::protobuf::MessageLite &message,
                                              const QString &signer)
{
    google::protobuf::Any any;
    if (auto packed = ProtoBytes::pack(message, any); !packed)
        return packed;
    m_messages.append({QString::fromStdString(any.type_url()), QByteArray::fromStdString(any.value())});
    m_signers.append(signer);
    return {};
}

TxResult<QByteArray> TxBodyBuilder::build() const
{
    if (m_messages.isEmpty())
        return txError(TxErrorKind::NoMessages, QStringLiteral("a transaction needs at least one message"));
    cosmos::tx::v1beta1::TxBody body;
    for (const PackedMessage &message : m_messages) {
        auto *any = body.add_messages();
        any->set_type_url(ProtoBytes::toStd(message.typeUrl));
        any->set_value(ProtoBytes::toStd(message.value));
    }
    body.set_memo(ProtoBytes::toStd(m_memo));
    return ProtoBytes::serialize(body);
}

} // namespace baokeys::tx
