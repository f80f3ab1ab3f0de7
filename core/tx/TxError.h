#pragma once

#include "core/bao/BaoError.h"
#include "core/common/Expected.h"

#include <QString>
#include <optional>

namespace baokeys::tx {

// Why a transaction could not be built or signed. Callers branch on the kind;
// the message is for people and never holds secret material.
enum class TxErrorKind {
    InvalidAddress,     // not a bech32 account address of 20 bytes
    WrongAddressPrefix, // a valid address, but for another chain's prefix
    InvalidCoin,        // not "<integer><denom>", e.g. "1000000utia"
    InvalidChainId,     // empty or longer than the SDK's 50 characters
    InvalidGas,         // a gas limit of 0 can never pay for a transaction
    InvalidTypeUrl,     // not a message type URL ("/cosmos.bank.v1beta1.MsgSend"), or repeated
    SelfGrant,          // a grant or revoke whose grantee is its granter
    InvalidPublicKey,   // not a 33-byte compressed secp256k1 point
    NoMessages,         // a transaction body needs at least one message
    SignerMismatch,     // a message names a signer other than the signing key
    EncodingFailed,     // protobuf serialization refused (size limits)
    Keyring,            // the keyring refused or failed; keyringError says why
};

struct TxError {
    TxErrorKind kind = TxErrorKind::EncodingFailed;
    QString message;
    std::optional<bao::BaoError> keyringError; // set for TxErrorKind::Keyring

    static QString kindName(TxErrorKind kind); // stable, lower-case: "invalid_coin", ...
    QString describe() const;                  // "invalid coin: ..." for logs and CLI output
};

template <typename T> using TxResult = Expected<T, TxError>;

inline Unexpected<TxError> txError(TxErrorKind kind, QString message)
{
    return {TxError{kind, std::move(message), std::nullopt}};
}

} // namespace baokeys::tx
