#pragma once

#include "core/bao/BaoTypes.h"
#include "core/keyring/BaoStore.h"

#include <QString>
#include <QStringList>

namespace baokeys::bao {
class BaoClient;
}

namespace baokeys::keyring {

// What sync() did.
struct SyncReport {
    QStringList adopted;          // on the server, not in the store: added (source synced)
    QStringList recovered;        // named in a crashed batch's journal: added (source generated)
    QStringList missing;          // in the store, no longer on the server: flagged missingOnServer
    QStringList updated;          // present on both, metadata refreshed from the server
    QStringList conflicts;        // same name, another public key on the server: kept as stored and
                                  // flagged replacedOnServer (signing with it fails as NotFound;
                                  // remove() drops the stored entry, never the server's key)
    QString corruptBackup;        // a corrupt store file moved aside to rebuild, if any
    QString corruptJournalBackup; // a corrupt journal moved aside (the store kept), if any
};

// Reconciles the local store with the server, which is the source of truth:
// sync() with the engine's LIST, recoverJournal() with the names a crashed
// create left in the journal (keys the server has are adopted, the others
// were never made).
//
// Thread-safety: as BaoStore's; the client must be the calling thread's.
class StoreSync {
public:
    StoreSync(BaoStore &store, QString mount) : m_store(store), m_mount(std::move(mount)) {}

    bao::BaoResult<SyncReport> sync(bao::BaoClient &server);
    // The names adopted.
    bao::BaoResult<QStringList> recoverJournal(bao::BaoClient &server);

private:
    BaoStore &m_store;
    const QString m_mount;
};

} // namespace baokeys::keyring
