#include "core/tx/AccountAddress.h"

#include "core/crypto/Bech32.h"
#include "core/crypto/CosmosAddress.h"

namespace baokeys::tx {

TxResult<QString> AccountAddress::check(QStringView text, const QString &hrp, const QString &what)
{
    // Decode without a prefix first so a wrong prefix is told apart from garbage.
    const auto decoded = crypto::Bech32::decode(text);
    if (!decoded)
        return txError(
            TxErrorKind::InvalidAddress,
            QStringLiteral("%1 address \"%2\": %3").arg(what, text.toString(), decoded.error().message));
    if (decoded->data.size() != crypto::CosmosAddress::AddressSize)
        return txError(TxErrorKind::InvalidAddress, QStringLiteral("%1 address \"%2\" holds %3 bytes, not 20")
                                                        .arg(what, text.toString())
                                                        .arg(decoded->data.size()));
    if (decoded->hrp != hrp)
        return txError(TxErrorKind::WrongAddressPrefix,
                       QStringLiteral("%1 address \"%2\" is for \"%3\", not \"%4\"")
                           .arg(what, text.toString(), decoded->hrp, hrp));
    return text.toString().toLower();
}

} // namespace baokeys::tx
