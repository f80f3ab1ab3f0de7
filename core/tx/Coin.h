#pragma once

#include "core/tx/TxError.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace baokeys::tx {

// An amount of one denomination, as cosmos.base.v1beta1.Coin carries it: the
// amount is a decimal integer kept as text (it may exceed 64 bits).
// A plain value type; thread-safe as any const value.
struct Coin {
    QString denom;
    QString amount;

    // "1000000utia": an unsigned integer (no sign, no leading zeros, no
    // decimals, at most 77 digits - the SDK's 256-bit bound) directly followed
    // by a denom of the SDK's form [a-zA-Z][a-zA-Z0-9/:._-]{2,127}.
    // Anything else is TxErrorKind::InvalidCoin.
    static TxResult<Coin> parse(QStringView text);
    // "1000utia,5uatom": one or more coins separated by commas, returned
    // sorted by denom as the SDK's Coins are; a repeated denom is refused.
    static TxResult<QList<Coin>> parseList(QStringView text);

    // True when parse() would give back this very coin (a Coin may also be
    // assembled by hand).
    bool isValid() const;
    QString toString() const { return amount + denom; }
    bool operator==(const Coin &other) const = default;
};

} // namespace baokeys::tx
