#include "ui/connection/ProfileStore.h"

#include <QUuid>
#include <algorithm>

namespace baokeys::ui {

ProfileStore::ProfileStore(QSettings *settings) : m_external(settings) {}

QSettings &ProfileStore::settings() const
{
    if (m_external)
        return *m_external;
    if (!m_own)
        m_own.emplace();
    return *m_own;
}

QList<Profile> ProfileStore::all() const
{
    QSettings &s = settings();
    s.beginGroup(QStringLiteral("profiles"));
    const QStringList ids = s.childGroups();
    s.endGroup();
    QList<Profile> profiles;
    for (const QString &id : ids) {
        if (auto profile = find(id))
            profiles << *profile;
    }
    std::sort(profiles.begin(), profiles.end(),
              [](const Profile &a, const Profile &b) { return a.name.localeAwareCompare(b.name) < 0; });
    return profiles;
}

std::optional<Profile> ProfileStore::find(const QString &id) const
{
    if (id.isEmpty())
        return std::nullopt;
    QSettings &s = settings();
    s.beginGroup(QStringLiteral("profiles/") + id);
    const bool exists = s.contains(QStringLiteral("name"));
    Profile profile;
    if (exists) {
        profile.id = id;
        profile.name = s.value(QStringLiteral("name")).toString();
        profile.kind = Profile::kindFromKey(s.value(QStringLiteral("kind")).toString());
        profile.address = s.value(QStringLiteral("address")).toString();
        profile.ns = s.value(QStringLiteral("namespace")).toString();
        profile.mount = s.value(QStringLiteral("mount"), QStringLiteral("secp256k1")).toString();
        profile.caFile = s.value(QStringLiteral("caFile")).toString();
        profile.hrp = s.value(QStringLiteral("hrp"), QStringLiteral("celestia")).toString();
        profile.tlsSkipVerify = s.value(QStringLiteral("tlsSkipVerify"), false).toBool();
        profile.dataDir = s.value(QStringLiteral("dataDir")).toString();
        profile.chainNode = s.value(QStringLiteral("chainNode")).toString();
    }
    s.endGroup();
    if (!exists)
        return std::nullopt;
    return profile;
}

void ProfileStore::save(Profile *profile)
{
    if (profile->id.isEmpty())
        profile->id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    save(static_cast<const Profile &>(*profile));
}

void ProfileStore::save(const Profile &profile)
{
    Profile copy = profile;
    if (copy.id.isEmpty())
        copy.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSettings &s = settings();
    s.beginGroup(QStringLiteral("profiles/") + copy.id);
    s.setValue(QStringLiteral("name"), copy.name);
    s.setValue(QStringLiteral("kind"), Profile::kindKey(copy.kind));
    s.setValue(QStringLiteral("address"), copy.address);
    s.setValue(QStringLiteral("namespace"), copy.ns);
    s.setValue(QStringLiteral("mount"), copy.mount);
    s.setValue(QStringLiteral("caFile"), copy.caFile);
    s.setValue(QStringLiteral("hrp"), copy.hrp);
    s.setValue(QStringLiteral("tlsSkipVerify"), copy.tlsSkipVerify);
    s.setValue(QStringLiteral("dataDir"), copy.dataDir);
    s.setValue(QStringLiteral("chainNode"), copy.chainNode);
    s.endGroup();
    s.sync();
}

void ProfileStore::remove(const QString &id)
{
    settings().remove(QStringLiteral("profiles/") + id);
    if (activeId() == id)
        setActiveId({});
}

QString ProfileStore::activeId() const
{
    return settings().value(QStringLiteral("activeProfile")).toString();
}

void ProfileStore::setActiveId(const QString &id)
{
    settings().setValue(QStringLiteral("activeProfile"), id);
    settings().sync();
}

bool ProfileStore::isEmpty() const
{
    return all().isEmpty();
}

} // namespace baokeys::ui
