#include "core/crypto/CosmosAddress.h"

#include "core/crypto/Bech32.h"
#include "core/crypto/Hash.h"

namespace baokeys::crypto::CosmosAddress {

QByteArray fromPublicKey(QByteArrayView compressedPublicKey)
{
    return Hash::ripemd160(Hash::sha256(compressedPublicKey));
}

CryptoResult<QString> toBech32(const QString &hrp, QByteArrayView address)
{
    if (address.size() != AddressSize)
        return cryptoError(CryptoErrorKind::Bech32InvalidData,
                           QStringLiteral("An account address must be %1 bytes, got %2")
                               .arg(AddressSize)
                               .arg(address.size()));
    return Bech32::encode(hrp, address);
}

CryptoResult<QByteArray> fromBech32(QStringView text, const QString &expectedHrp)
{
    auto decoded = Bech32::decode(text);
    if (!decoded)
        return unexpected(decoded.error());
    if (!expectedHrp.isEmpty() && decoded->hrp != expectedHrp.toLower())
        return cryptoError(CryptoErrorKind::Bech32WrongHrp,
                           QStringLiteral("Expected an address starting with \"%1\", got \"%2\"")
                               .arg(expectedHrp.toLower(), decoded->hrp));
    if (decoded->data.size() != AddressSize)
        return cryptoError(CryptoErrorKind::Bech32InvalidData,
                           QStringLiteral("An account address must be %1 bytes, got %2")
                               .arg(AddressSize)
                               .arg(decoded->data.size()));
    return decoded->data;
}

} // namespace baokeys::crypto::CosmosAddress
