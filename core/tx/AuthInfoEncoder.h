#pragma once

#include "core/tx/TxError.h"
#include "core/tx/TxTypes.h"

#include <QByteArray>
#include <QString>

namespace baokeys::tx {

// Encodes cosmos.tx.v1beta1.AuthInfo for one signer in SIGN_MODE_DIRECT:
// its compressed secp256k1 public key (as a cosmos.crypto.secp256k1.PubKey
// Any), its sequence, and the fee. Thread-safe: pure functions.
class AuthInfoEncoder {
public:
    // publicKey: 33-byte compressed point (InvalidPublicKey otherwise).
    // fee.gasLimit must be > 0 (InvalidGas); fee.granter, when set, must be
    // an address with prefix `hrp`.
    static TxResult<QByteArray> encode(const QByteArray &publicKey, quint64 sequence, const Fee &fee,
                                       const QString &hrp);
};

} // namespace baokeys::tx
