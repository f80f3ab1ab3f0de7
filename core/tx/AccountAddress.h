#pragma once

#include "core/tx/TxError.h"

#include <QString>
#include <QStringView>

namespace baokeys::tx {

// Checks the account addresses a transaction carries before they go into it:
// a chain rejects a malformed address only after the fee is spent, so we
// refuse it here. Thread-safe: pure functions.
class AccountAddress {
public:
    // The address as it goes on the wire (lower case) when it is a bech32
    // account address of 20 bytes with the prefix `hrp`; InvalidAddress or
    // WrongAddressPrefix otherwise. `what` names the field in the message
    // ("from", "grantee", ...).
    static TxResult<QString> check(QStringView text, const QString &hrp, const QString &what);
};

} // namespace baokeys::tx
