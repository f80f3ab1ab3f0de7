#include "core/keyring/StoreSync.h"

#include "core/bao/BaoClient.h"
#include "core/common/KeyName.h"
#include "core/keyring/KeyRecord.h"

#include <QHash>
#include <QSet>

namespace baokeys::keyring {

using bao::BaoErrorKind;

bao::BaoResult<SyncReport> StoreSync::sync(bao::BaoClient &server)
{
    auto listing = server.listKeys();
    if (!listing)
        return baokeys::unexpected(listing.error());

    SyncReport report;
    if (m_store.loadError()) {
        auto moved = m_store.resetCorrupt();
        if (!moved)
            return baokeys::unexpected(moved.error());
        report.corruptBackup = moved->store;
        report.corruptJournalBackup = moved->journal;
    }

    QHash<QString, bao::KeyInfo> infos;
    for (const bao::KeyInfo &info : std::as_const(listing->info))
        infos.insert(info.name, info);
    const QStringList journalUids = m_store.journalUids(); // one list: both iterators must come from it
    const QSet<QString> journal(journalUids.cbegin(), journalUids.cend());

    QList<KeyRecord> changes;
    for (const QString &name : std::as_const(listing->names)) {
        if (!KeyName::isValid(name))
            continue;
        if (!infos.contains(name)) {
            // The listing gave only the name: read the key itself.
            auto info = server.readKey(name);
            if (!info) {
                if (info.error().kind == BaoErrorKind::NotFound)
                    continue; // deleted meanwhile
                return baokeys::unexpected(info.error());
            }
            infos.insert(name, *info);
        }
        const bao::KeyInfo &info = infos[name];
        const auto existing = m_store.find(name);
        if (!existing) {
            const bool fromJournal = journal.contains(name);
            // A journal entry is a create or an import of ours; the server says which.
            const KeySource ours = info.imported ? KeySource::Imported : KeySource::Generated;
            changes << KeyRecord::fromServer(info, fromJournal ? ours : KeySource::Synced, m_mount);
            (fromJournal ? report.recovered : report.adopted) << name;
            continue;
        }
        if (existing->publicKey != info.publicKey) {
            report.conflicts << name;
            continue;
        }
        KeyRecord refreshed = *existing;
        refreshed.exportable = info.exportable;
        if (info.createdAt.isValid())
            refreshed.createdAt = info.createdAt;
        refreshed.missingOnServer = false;
        if (!(refreshed == *existing)) {
            changes << refreshed;
            report.updated << name;
        }
    }
    const QSet<QString> onServer(listing->names.cbegin(), listing->names.cend());
    for (const KeyRecord &record : m_store.all()) {
        if (!onServer.contains(record.uid))
            report.missing << record.uid;
    }
    if (auto stored = m_store.putMany(changes); !stored)
        return baokeys::unexpected(stored.error());
    if (auto marked = m_store.markServerState(report.missing, report.conflicts); !marked)
        return baokeys::unexpected(marked.error());
    if (auto cleared = m_store.clearAllJournals(); !cleared)
        return baokeys::unexpected(cleared.error());
    return report;
}

bao::BaoResult<QStringList> StoreSync::recoverJournal(bao::BaoClient &server)
{
    const QStringList pending = m_store.journalUids();
    if (pending.isEmpty())
        return QStringList();
    QList<KeyRecord> adopted;
    QStringList names;
    for (const QString &uid : pending) {
        if (m_store.contains(uid) || !KeyName::isValid(uid))
            continue;
        auto info = server.readKey(uid);
        if (!info) {
            if (info.error().kind == BaoErrorKind::NotFound)
                continue; // the crash came before the key was created
            return baokeys::unexpected(info.error());
        }
        adopted << KeyRecord::fromServer(*info, info->imported ? KeySource::Imported : KeySource::Generated,
                                         m_mount);
        names << uid;
    }
    if (auto stored = m_store.putMany(adopted); !stored)
        return baokeys::unexpected(stored.error());
    if (auto cleared = m_store.clearAllJournals(); !cleared)
        return baokeys::unexpected(cleared.error());
    return names;
}

} // namespace baokeys::keyring
