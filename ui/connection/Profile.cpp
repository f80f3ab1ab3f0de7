#include "ui/connection/Profile.h"

#include "core/keyring/PrivateFolder.h"

#include <QStandardPaths>

namespace baokeys::ui {

bao::BaoSettings Profile::settings(const QString &token) const
{
    bao::BaoSettings settings;
    settings.address = address;
    settings.token = token;
    settings.ns = ns;
    settings.mount = mount;
    settings.caCertFile = caFile;
    settings.tlsSkipVerify = tlsSkipVerify;
    return settings;
}

QString Profile::storePath() const
{
    if (kind == Kind::EmbeddedMemory)
        return {};
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    (void)keyring::PrivateFolder::createMissing(
        base + QStringLiteral("/stores")); // owner only; else the store says why
    return base + QStringLiteral("/stores/") + id + QStringLiteral(".json");
}

QString Profile::kindLabel(Kind kind)
{
    switch (kind) {
    case Kind::Remote:
        return tr("OpenBao server");
    case Kind::EmbeddedMemory:
        return tr("Embedded signer (in memory, dev)");
    case Kind::EmbeddedFolder:
        return tr("Embedded signer (encrypted folder)");
    }
    return {};
}

QString Profile::kindKey(Kind kind)
{
    switch (kind) {
    case Kind::Remote:
        return QStringLiteral("remote");
    case Kind::EmbeddedMemory:
        return QStringLiteral("embedded-memory");
    case Kind::EmbeddedFolder:
        return QStringLiteral("embedded-folder");
    }
    return QStringLiteral("remote");
}

Profile::Kind Profile::kindFromKey(const QString &key)
{
    if (key == QLatin1String("embedded-memory"))
        return Kind::EmbeddedMemory;
    if (key == QLatin1String("embedded-folder"))
        return Kind::EmbeddedFolder;
    return Kind::Remote;
}

Profile Profile::embeddedDev()
{
    Profile profile;
    profile.id = QStringLiteral("embedded-dev");
    profile.name = tr("Embedded signer");
    profile.kind = Kind::EmbeddedMemory;
    profile.address.clear();
    return profile;
}

} // namespace baokeys::ui
