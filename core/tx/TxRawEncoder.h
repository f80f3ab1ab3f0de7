#pragma once

#include "core/tx/TxError.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace baokeys::tx {

// Encodes cosmos.tx.v1beta1.TxRaw, the broadcast form of a signed
// transaction, and names it by its hash. Thread-safe: pure functions.
class TxRawEncoder {
public:
    // One signature per signer info, in the same order.
    static TxResult<QByteArray> encode(const QByteArray &bodyBytes, const QByteArray &authInfoBytes,
                                       const QList<QByteArray> &signatures);
    // The hash a chain reports for the transaction: upper-case hex SHA-256 of the TxRaw bytes.
    static QString txHash(const QByteArray &txRaw);
};

} // namespace baokeys::tx
