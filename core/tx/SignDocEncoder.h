#pragma once

#include "core/tx/TxError.h"

#include <QByteArray>
#include <QString>

namespace baokeys::tx {

// Encodes cosmos.tx.v1beta1.SignDoc, the bytes a SIGN_MODE_DIRECT signature
// covers: body and auth info bytes as they will be broadcast, the chain id
// and the signer's account number. Thread-safe: pure functions.
class SignDocEncoder {
public:
    // The SDK's bound on a chain id (tendermint's MaxChainIDLen).
    static constexpr int MaxChainIdLength = 50;

    // InvalidChainId for an empty or over-long chain id.
    static TxResult<QByteArray> encode(const QByteArray &bodyBytes, const QByteArray &authInfoBytes,
                                       const QString &chainId, quint64 accountNumber);
};

} // namespace baokeys::tx
