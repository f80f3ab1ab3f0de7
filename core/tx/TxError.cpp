#include "core/tx/TxError.h"

namespace baokeys::tx {

QString TxError::kindName(TxErrorKind kind)
{
    switch (kind) {
    case TxErrorKind::InvalidAddress:
        return QStringLiteral("invalid_address");
    case TxErrorKind::WrongAddressPrefix:
        return QStringLiteral("wrong_address_prefix");
    case TxErrorKind::InvalidCoin:
        return QStringLiteral("invalid_coin");
    case TxErrorKind::InvalidChainId:
        return QStringLiteral("invalid_chain_id");
    case TxErrorKind::InvalidGas:
        return QStringLiteral("invalid_gas");
    case TxErrorKind::InvalidTypeUrl:
        return QStringLiteral("invalid_type_url");
    case TxErrorKind::SelfGrant:
        return QStringLiteral("self_grant");
    case TxErrorKind::InvalidPublicKey:
        return QStringLiteral("invalid_public_key");
    case TxErrorKind::NoMessages:
        return QStringLiteral("no_messages");
    case TxErrorKind::SignerMismatch:
        return QStringLiteral("signer_mismatch");
    case TxErrorKind::EncodingFailed:
        return QStringLiteral("encoding_failed");
    case TxErrorKind::Keyring:
        return QStringLiteral("keyring");
    }
    return QStringLiteral("unknown");
}

QString TxError::describe() const
{
    QString text = kindName(kind).replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!message.isEmpty())
        text += QStringLiteral(": ") + message;
    if (keyringError)
        text += QStringLiteral(" (") + keyringError->describe() + QStringLiteral(")");
    return text;
}

} // namespace baokeys::tx
