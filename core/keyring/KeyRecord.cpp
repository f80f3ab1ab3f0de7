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

KeyRecord KeyRecord::fromServer(const bao::KeyInfo &info, KeySource source, const QString &mount)
{
    KeyRecord record;
    record.uid = info.name;
    record.publicKey = info.publicKey;
    record.address = info.address;
    record.exportable = info.exportable;
    record.createdAt = info.createdAt.isValid() ? info.createdAt : QDateTime::currentDateTimeUtc();
    record.source = source;
    record.keyPath = mount + QStringLiteral("/keys/") + info.name;
    return record;
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
