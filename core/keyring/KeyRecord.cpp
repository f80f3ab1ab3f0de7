#include "core/keyring/KeyRecord.h"

#include "core/crypto/CosmosAddress.h"
#include "core/crypto/Hex.h"

namespace baokeys::keyring {

QString keySourceName(KeySource source)
{
    switch (source) {
    case KeySource::Generated:
        return QStringLiteral("generated");
    case KeySource::Imported:
        return QStringLiteral("imported");
    case KeySource::Synced:
        return QStringLiteral("synced");
    }
    return QStringLiteral("generated");
}

bool keySourceFromName(const QString &name, KeySource *out)
{
    for (KeySource source : {KeySource::Generated, KeySource::Imported, KeySource::Synced}) {
        if (keySourceName(source) == name) {
            *out = source;
            return true;
        }
    }
    return false;
}

QString KeyRecord::bech32(const QString &hrp) const
{
    auto text = crypto::CosmosAddress::toBech32(hrp, address);
    return text ? *text : QString();
}

QString KeyRecord::publicKeyHex() const
{
    return crypto::Hex::encode(publicKey);
}

QString KeyRecord::addressHex() const
{
    return crypto::Hex::encode(address);
}

} // namespace baokeys::keyring
