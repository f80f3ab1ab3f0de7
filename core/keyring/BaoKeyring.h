#pragma once

#include "core/bao/BaoError.h"
#include "core/bao/BaoSettings.h"
#include "core/bao/BaoTypes.h"
#include "core/crypto/SecureBytes.h"
#include "core/keyring/BaoStore.h"
#include "core/keyring/BatchProgress.h"
#include "core/keyring/BatchTypes.h"
#include "core/keyring/CheckedSigner.h"
#include "core/keyring/ClientCache.h"
#include "core/keyring/KeyRecord.h"
#include "core/keyring/StoreSync.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

class QThreadPool;

namespace baokeys::bao {
class BaoClient;
}

namespace baokeys::keyring {

class BatchRunner;

template <typename T> using KeyringResult = bao::BaoResult<T>;

// Options of the import calls.
struct ImportOptions {
    bool exportable = false;
};

// The accounts API the CLI and the GUI use: keys live in OpenBao (or the
// embedded signer), this keeps their public metadata (BaoStore) and checks
// every answer.
//
// What is verified: every signature, locally (low-S), against the stored
// public key before it is returned (CheckedSigner); a failure, or a public key
// in an answer that differs from the stored one (sign, import, export,
// rename), is BaoErrorKind::SecurityFault.
//
// Thread-safety: every member is thread-safe and may be called from many
// threads at once (e.g. sign() from N threads); each calling thread gets its
// own BaoClient (ClientCache). keysChanged() is emitted from whichever thread
// changed the store; connect with the default (auto) connection to receive it
// on the GUI thread.
//
// What the calls block on: the synchronous calls block on the network (one
// or a few round trips, each bounded by the settings' timeout). A GUI calls
// the *Async variants (QFuture) or runAsync(), whose pool this keyring waits
// for when destroyed. Batches (BatchRunner) return at once; their results
// and per-item events arrive as they come. The destructor blocks until every
// batch and async call has finished.
//
// Crash safety: a create (newAccount, import, rename's copy, createBatch)
// names its key in the store's journal before the request; after a crash the
// next keyring on the file adopts whichever of those the server has
// (recoverJournal(), also run by sync()). The server is the source of truth.
class BaoKeyring : public QObject {
    Q_OBJECT
public:
    // storePath: the metadata file (empty: in memory only). The store is
    // loaded here; a corrupt file leaves storeError() set and the file as it
    // is - the keyring still works, and sync() rebuilds from the server.
    BaoKeyring(const bao::BaoSettings &settings, const QString &storePath, QObject *parent = nullptr);
    ~BaoKeyring() override; // waits for running batches
    Q_DISABLE_COPY_MOVE(BaoKeyring)

    bao::BaoSettings settings() const;
    std::optional<bao::BaoError> storeError() const;
    const BaoStore &store() const { return *m_store; }

    // --- connection ---
    bao::ConnectionStatus status();
    QFuture<bao::ConnectionStatus> statusAsync();

    // --- accounts (blocking) ---
    KeyringResult<KeyRecord> newAccount(const QString &uid, bool exportable = false);
    KeyringResult<KeyRecord> key(const QString &uid) const;                 // local store only
    KeyringResult<KeyRecord> keyByAddress(const QByteArray &address) const; // 20 bytes
    KeyringResult<KeyRecord> keyByAddress(const QString &bech32OrHex) const;
    QList<KeyRecord> list() const; // local store, sorted by uid
    // What remove() did on the server; the stored entry is gone in every case.
    enum class Removal {
        DeletedOnServer,    // the server's key was the stored one, and is destroyed
        NotOnServer,        // the server no longer had the key
        AnotherKeyOnServer, // the server's key under the name is another one: left untouched
    };
    // Deletes the stored key on the server, then locally. The server's key is
    // read first: a name can be deleted and made again by someone else, and
    // a delete by name must not destroy a key this store never knew. A key
    // the server no longer has is removed locally too (not an error).
    KeyringResult<Removal> remove(const QString &uid);
    // What removeEach() did, name by name.
    struct RemovalReport {
        QList<std::pair<QString, Removal>> removed; // in the order given
        QList<std::pair<QString, bao::BaoError>> failures;
        QStringList notTried; // after a failure of the whole server (sealed, unreachable)
    };
    // remove() of each key in turn. After a failure that is the server's as a
    // whole (BaoError::isTransient: sealed, unreachable, overloaded) the rest
    // are not tried: each would wait out the same retries, seconds each, to
    // fail the same way. A failure of one key (not found, refused) does not
    // stop the others.
    RemovalReport removeEach(const QStringList &uids);
    // The engine has no rename: an exportable key is exported, imported under
    // the new name, checked to have the same public key, and only then is the
    // old name deleted; a failed step loses nothing (a failed delete of the
    // old name leaves both, reported). A non-exportable key cannot move
    // without its private key: Unsupported.
    KeyringResult<KeyRecord> rename(const QString &uid, const QString &newUid);

    KeyringResult<Signature> sign(const QString &uid, const QByteArray &message, bool prehashed = false);
    KeyringResult<Signature> signByAddress(const QByteArray &address, const QByteArray &message,
                                           bool prehashed = false);

    // hex: 64 hex digits (optional 0x). The caller wipes its copy; this wipes its own.
    KeyringResult<KeyRecord> importPrivateKey(const QString &uid, const QString &hex,
                                              ImportOptions options = {});
    KeyringResult<KeyRecord> importPrivateKey(const QString &uid, const crypto::SecureBytes &privateKey,
                                              ImportOptions options = {});
    // Derives locally (BIP-39 seed, BIP-32 path, default m/44'/118'/0'/0/0),
    // imports, and wipes the seed and derived key.
    KeyringResult<KeyRecord> importMnemonic(const QString &uid, const QString &mnemonic,
                                            const QString &bip39Passphrase = {},
                                            const QString &hdPath = QStringLiteral("m/44'/118'/0'/0/0"),
                                            ImportOptions options = {});
    // Checked: the exported key's public key must equal the stored one.
    KeyringResult<crypto::SecureBytes> exportPrivateKey(const QString &uid);

    // Reconciles with the server's LIST key_info (see SyncReport).
    KeyringResult<SyncReport> sync();
    // Adopts keys named in a crashed batch's journal that the server has.
    KeyringResult<QStringList> recoverJournal();

    // --- async wrappers for a GUI thread ---
    QFuture<KeyringResult<KeyRecord>> newAccountAsync(const QString &uid, bool exportable = false);
    QFuture<KeyringResult<Removal>> removeAsync(const QString &uid);
    QFuture<KeyringResult<KeyRecord>> renameAsync(const QString &uid, const QString &newUid);
    QFuture<KeyringResult<Signature>> signAsync(const QString &uid, const QByteArray &message);
    QFuture<KeyringResult<SyncReport>> syncAsync();
    // Runs the caller's own sequence of keyring calls (a transaction to sign,
    // a key to export) on the same pool, which this keyring waits for before
    // it is destroyed: work that uses the keyring never outlives it.
    template <typename Work> auto runAsync(Work work) -> QFuture<std::invoke_result_t<Work>>
    {
        return QtConcurrent::run(asyncPool(), std::move(work));
    }

    // --- batches (return at once) ---
    // Checks names (pattern, duplicates, local store) at once, before any
    // request. Names taken on the server are found as request.serverCheck
    // says: per key by the engine (the default, one round trip), or by a LIST
    // before any create that refuses the whole batch.
    KeyringResult<BatchJob<CreateItemResult>> createBatch(const CreateBatchRequest &request);
    // The names createBatch would use, checked against the local store only.
    KeyringResult<QStringList> batchNames(const CreateBatchRequest &request) const;
    BatchJob<SignItemResult> signBatch(const QList<SignRequest> &requests, SignBatchOptions options = {});

signals:
    void keysChanged();

private:
    bao::BaoClient &client() const;
    QThreadPool *asyncPool() const;
    KeyringResult<void> checkFreeInStore(const QString &uid) const;
    KeyringResult<KeyRecord> storeNew(const bao::KeyInfo &info, KeySource source);
    // The journaled create shared by newAccount, import and rename: journal
    // names `uid` -> `create` (the server call) -> `check` on its answer ->
    // store -> journal cleared. A failed check or store keeps the journal
    // only where the server may hold a key the store lacks.
    KeyringResult<KeyRecord>
    createJournaled(const QString &uid, KeySource source,
                    const std::function<KeyringResult<bao::KeyInfo>()> &create,
                    const std::function<std::optional<bao::BaoError>(const bao::KeyInfo &)> &check = {});

    // Declared in the order they depend on each other: the batch runner uses
    // the store, the clients and the signer, and goes first.
    ClientCache m_clients;
    std::unique_ptr<BaoStore> m_store;
    CheckedSigner m_signer;
    StoreSync m_sync;
    std::unique_ptr<QThreadPool> m_asyncPool; // the *Async wrappers and runAsync()
    std::unique_ptr<BatchRunner> m_batches;
};

} // namespace baokeys::keyring
