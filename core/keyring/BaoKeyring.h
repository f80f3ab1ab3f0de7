#pragma once

#include "core/bao/BaoError.h"
#include "core/bao/BaoSettings.h"
#include "core/bao/BaoTypes.h"
#include "core/crypto/SecureBytes.h"
#include "core/keyring/BaoStore.h"
#include "core/keyring/BatchProgress.h"
#include "core/keyring/BatchTypes.h"
#include "core/keyring/KeyRecord.h"
#include "core/keyring/VerifyingKeys.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <memory>
#include <optional>
#include <type_traits>

class QThreadPool;

namespace baokeys::bao {
class BaoClient;
}

namespace baokeys::keyring {

class BatchPools;

template <typename T> using KeyringResult = bao::BaoResult<T>;

// What sync() did.
struct SyncReport {
    QStringList adopted;   // on the server, not in the store: added (source synced)
    QStringList recovered; // named in a crashed batch's journal: added (source generated)
    QStringList missing;   // in the store, no longer on the server: flagged missingOnServer
    QStringList updated;   // present on both, metadata refreshed from the server
    QStringList conflicts; // same name, another public key on the server: left as stored
                           // (signing with it fails as a security fault until removed)
    QString corruptBackup; // a corrupt store file moved aside to rebuild, if any
};

// Options of the import calls.
struct ImportOptions {
    bool exportable = false;
};

// The accounts API the CLI and the GUI use: keys live in OpenBao (or the
// embedded signer), this keeps their public metadata (BaoStore) and checks
// every answer. Every signature is verified locally (low-S) against the
// stored public key before it is returned; a failure, or a public key in the
// answer that differs from the stored one, is BaoErrorKind::SecurityFault.
//
// Thread-safety: every member is thread-safe and may be called from many
// threads at once (e.g. sign() from N threads). The synchronous calls block
// on the network: a GUI calls the *Async variants (QFuture) or runAsync(),
// whose pool this keyring waits for when destroyed. Each calling thread gets its own BaoClient (over the
// settings' transport), created on first use and destroyed on that thread.
// keysChanged() is emitted from whichever thread changed the store; connect
// with the default (auto) connection to receive it on the GUI thread.
//
// Batches (createBatch / signBatch) run QtConcurrent::map over the requests on
// a QThreadPool of their own (owned by this keyring, reused by later batches),
// sized to the parallelism (requests in flight), each pool thread with its own
// client and connection, over the batch's transport (Beast by default; see
// DefaultBatchTransport). Their results keep request order; per-item events
// arrive through BatchProgress.
//
// Rename: the engine has no rename. An exportable key is exported, imported
// under the new name, checked to have the same public key, and only then is
// the old name deleted; if a step fails nothing is lost (a failed delete of
// the old name leaves both names, reported). A non-exportable key cannot be
// moved without its private key, so rename refuses it (Unsupported).
//
// Crash safety of createBatch: before any request the batch's names go to the
// store journal (one fsync'd write); the successes are stored in one write at
// the end and the journal cleared. After a crash, the next keyring on the same
// file reads the journal and adopts whichever of those keys the server has
// (recoverJournal(), also run by sync()). The server stays the source of truth.
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
    // Deletes on the server, then locally. A key the server no longer has is
    // removed locally too (not an error).
    KeyringResult<void> remove(const QString &uid);
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
    QFuture<KeyringResult<void>> removeAsync(const QString &uid);
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
    // This thread's client of this keyring: over the settings' transport, or
    // over `transport` (batch lanes).
    bao::BaoClient &client() const;
    bao::BaoClient &client(bao::HttpTransportKind transport) const;
    QThreadPool *asyncPool() const;
    KeyringResult<Signature> signWith(bao::BaoClient &client, const KeyRecord &record,
                                      const QByteArray &message, bool prehashed) const;
    KeyringResult<KeyRecord> storeNew(const bao::KeyInfo &info, KeySource source);
    KeyRecord recordFromInfo(const bao::KeyInfo &info, KeySource source) const;

    const bao::BaoSettings m_settings;
    const quint64 m_instanceId; // never reused: keys the per-thread client cache
    std::shared_ptr<std::atomic<bool>> m_alive;
    std::unique_ptr<BaoStore> m_store;
    std::shared_ptr<BatchPools> m_batchPools; // one pool per running batch, sized to its parallelism
    std::unique_ptr<QThreadPool> m_asyncPool; // the *Async wrappers
    VerifyingKeys m_verifyingKeys;            // the stored keys, parsed for signWith()
};

} // namespace baokeys::keyring
