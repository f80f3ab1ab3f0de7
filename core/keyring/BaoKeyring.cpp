#include "core/keyring/BaoKeyring.h"

#include "core/bao/BaoClient.h"
#include "core/bao/KeyName.h"
#include "core/crypto/Bip32.h"
#include "core/crypto/Bip39.h"
#include "core/crypto/CosmosAddress.h"
#include "core/crypto/Hash.h"
#include "core/crypto/Hex.h"
#include "core/crypto/Secp256k1.h"
#include "core/keyring/BatchState.h"
#include "core/keyring/WorkerPriority.h"

#include <QDeadlineTimer>
#include <QPromise>
#include <QSet>
#include <QThread>
#include <QThreadPool>
#include <QThreadStorage>
#include <QUuid>
#include <QtConcurrent>

#include <functional>
#include <map>
#include <mutex>
#include <numeric>
#include <unordered_map>

namespace baokeys::keyring {

using bao::BaoError;
using bao::baoError;
using bao::BaoErrorKind;

namespace {

std::atomic<quint64> g_nextInstanceId{1};

// Threads that have no batch or async work left expire after this long; until
// then they (and their clients with open connections) are reused.
constexpr int PoolExpiryMs = 120'000;
constexpr int AsyncPoolThreads = 8;
constexpr int MaxParallelism = 4096;
constexpr int MaxBatchSize = 100'000;

// The BaoClients of one thread: per keyring instance, one per transport.
// Held in a QThreadStorage, so a thread's clients (and their transports) are
// destroyed on that thread when it finishes. Entries of keyrings that no
// longer exist are pruned, on this thread, at the next lookup.
struct ThreadClients {
    struct Entry {
        std::weak_ptr<std::atomic<bool>> alive;
        std::map<bao::HttpTransportKind, std::unique_ptr<bao::BaoClient>> clients;
    };
    std::unordered_map<quint64, Entry> entries;
};

QThreadStorage<ThreadClients *> &threadClients()
{
    static QThreadStorage<ThreadClients *> storage;
    return storage;
}

// Applies a batch's cancel token to this thread's client for one call.
class ScopedCancel {
public:
    ScopedCancel(bao::BaoClient &client, const bao::CancelToken &token) : m_client(client)
    {
        m_client.setCancelToken(token);
    }
    ~ScopedCancel() { m_client.clearCancelToken(); }
    ScopedCancel(const ScopedCancel &) = delete;
    ScopedCancel &operator=(const ScopedCancel &) = delete;

private:
    bao::BaoClient &m_client;
};

BaoError localNotFound(const QString &uid)
{
    return BaoError{BaoErrorKind::NotFound, QStringLiteral("no key '%1' in the local store").arg(uid), 0, {}};
}

KeyringResult<void> checkName(const QString &uid)
{
    if (!bao::KeyName::isValid(uid))
        return baoError(BaoErrorKind::InvalidName,
                        QStringLiteral("'%1': %2").arg(uid, bao::KeyName::whyInvalid(uid)));
    return {};
}

QString shortList(const QStringList &names)
{
    constexpr int Shown = 5;
    QString text = names.mid(0, Shown).join(QStringLiteral(", "));
    if (names.size() > Shown)
        text += QStringLiteral(" and %1 more").arg(names.size() - Shown);
    return text;
}

// A batch's collision check, against the store or the server's LIST:
// AlreadyExists naming the taken names (`where`: "in the store", ...).
std::optional<BaoError> alreadyTaken(const QStringList &names,
                                     const std::function<bool(const QString &)> &isTaken,
                                     const QString &where)
{
    QStringList taken;
    for (const QString &name : names) {
        if (isTaken(name))
            taken << name;
    }
    if (taken.isEmpty())
        return std::nullopt;
    return BaoError{BaoErrorKind::AlreadyExists,
                    QStringLiteral("%1 key(s) already %2: %3").arg(taken.size()).arg(where, shortList(taken)),
                    0,
                    {}};
}

} // namespace

// The batch pools: each running batch has a QThreadPool of its own, sized to
// its parallelism, so concurrent batches never change each other's lanes.
// A finished batch's pool goes back to the idle list (its threads, and their
// clients with open connections, stay alive until the expiry timeout) and the
// next batch reuses it.
//
// Thread-safety: acquire() and release() may be called from any thread.
class BatchPools {
public:
    QThreadPool *acquire(int parallelism)
    {
        QThreadPool *pool = nullptr;
        {
            std::lock_guard lock(m_mutex);
            if (!m_idle.empty()) {
                pool = m_idle.back();
                m_idle.pop_back();
            } else {
                m_all.push_back(std::make_unique<QThreadPool>());
                pool = m_all.back().get();
                pool->setExpiryTimeout(PoolExpiryMs);
                pool->setObjectName(QStringLiteral("baokeys-batch"));
            }
        }
        // Given back by the previous batch's last item, whose workers may still
        // be unwinding QtConcurrent: let them go idle (microseconds).
        // QtConcurrent starts its threads only at the beginning, and a lane it
        // cannot start is lost for the whole batch. Not waitForDone(): in Qt 6
        // it also ends the pool's threads, and with them their clients and
        // open connections, which the next batch would then make anew.
        const QDeadlineTimer deadline(200);
        while (pool->activeThreadCount() > 0 && !deadline.hasExpired())
            QThread::usleep(50);
        pool->setMaxThreadCount(qBound(1, parallelism, MaxParallelism));
        return pool;
    }

    void release(QThreadPool *pool)
    {
        std::lock_guard lock(m_mutex);
        m_idle.push_back(pool);
    }

    // Waits for every batch, then joins the threads (each destroys its own clients).
    void shutdown()
    {
        std::vector<QThreadPool *> pools;
        {
            std::lock_guard lock(m_mutex);
            for (const auto &pool : m_all)
                pools.push_back(pool.get());
        }
        for (QThreadPool *pool : pools)
            pool->waitForDone(); // the batches release their leases meanwhile
        std::vector<std::unique_ptr<QThreadPool>> all;
        {
            std::lock_guard lock(m_mutex);
            all = std::move(m_all);
            m_idle.clear();
        }
        all.clear();
    }

private:
    std::mutex m_mutex;
    std::vector<std::unique_ptr<QThreadPool>> m_all; // guarded by m_mutex
    std::vector<QThreadPool *> m_idle;               // guarded by m_mutex
};

BaoKeyring::BaoKeyring(const bao::BaoSettings &settings, const QString &storePath, QObject *parent)
    : QObject(parent), m_settings(settings), m_instanceId(g_nextInstanceId.fetch_add(1)),
      m_alive(std::make_shared<std::atomic<bool>>(true)), m_store(std::make_unique<BaoStore>(storePath)),
      m_batchPools(std::make_shared<BatchPools>()), m_asyncPool(std::make_unique<QThreadPool>())
{
    (void)m_store->load(); // a bad file is reported by storeError(), never overwritten
    m_asyncPool->setExpiryTimeout(PoolExpiryMs);
    m_asyncPool->setMaxThreadCount(AsyncPoolThreads);
    m_asyncPool->setObjectName(QStringLiteral("baokeys-async"));
}

BaoKeyring::~BaoKeyring()
{
    // Batches and async calls use m_store and this object: let them finish
    // (their threads then exit, destroying their clients on their own thread).
    m_batchPools->shutdown();
    m_asyncPool->waitForDone();
    m_asyncPool.reset();
    m_alive.reset();
    if (threadClients().hasLocalData())
        threadClients().localData()->entries.erase(m_instanceId);
}

bao::BaoSettings BaoKeyring::settings() const
{
    return m_settings;
}

std::optional<BaoError> BaoKeyring::storeError() const
{
    return m_store->loadError();
}

QThreadPool *BaoKeyring::asyncPool() const
{
    return m_asyncPool.get();
}

bao::BaoClient &BaoKeyring::client() const
{
    return client(m_settings.transport);
}

bao::BaoClient &BaoKeyring::client(bao::HttpTransportKind transport) const
{
    QThreadStorage<ThreadClients *> &storage = threadClients();
    if (!storage.hasLocalData())
        storage.setLocalData(new ThreadClients);
    ThreadClients &clients = *storage.localData();
    auto it = clients.entries.find(m_instanceId);
    if (it == clients.entries.end()) {
        std::erase_if(clients.entries, [](const auto &entry) { return entry.second.alive.expired(); });
        it = clients.entries.emplace(m_instanceId, ThreadClients::Entry{m_alive, {}}).first;
    }
    std::unique_ptr<bao::BaoClient> &client = it->second.clients[transport];
    if (!client) {
        bao::BaoSettings settings = m_settings;
        settings.transport = transport;
        client = std::make_unique<bao::BaoClient>(settings);
    }
    return *client;
}

// --- connection -------------------------------------------------------------

bao::ConnectionStatus BaoKeyring::status()
{
    return client().status();
}

QFuture<bao::ConnectionStatus> BaoKeyring::statusAsync()
{
    return QtConcurrent::run(m_asyncPool.get(), [this] { return status(); });
}

// --- helpers ----------------------------------------------------------------

KeyRecord BaoKeyring::recordFromInfo(const bao::KeyInfo &info, KeySource source) const
{
    KeyRecord record;
    record.uid = info.name;
    record.publicKey = info.publicKey;
    record.address = info.address;
    record.exportable = info.exportable;
    record.createdAt = info.createdAt.isValid() ? info.createdAt : QDateTime::currentDateTimeUtc();
    record.source = source;
    record.keyPath = m_settings.mount + QStringLiteral("/keys/") + info.name;
    return record;
}

KeyringResult<KeyRecord> BaoKeyring::storeNew(const bao::KeyInfo &info, KeySource source)
{
    KeyRecord record = recordFromInfo(info, source);
    if (auto stored = m_store->put(record); !stored) {
        BaoError error = stored.error();
        error.message =
            QStringLiteral("key '%1' exists on the server but could not be stored locally (sync() adopts "
                           "it): %2")
                .arg(info.name, error.message);
        return baokeys::unexpected(error);
    }
    emit keysChanged();
    return record;
}

// The trust check of every signature: the answer's public key must be the
// stored one, and the signature must verify (low-S) over the digest we mean.
KeyringResult<Signature> BaoKeyring::signWith(bao::BaoClient &client, const KeyRecord &record,
                                              const QByteArray &message, bool prehashed) const
{
    if (prehashed && message.size() != crypto::Secp256k1::DigestSize)
        return baoError(BaoErrorKind::InvalidInput, QStringLiteral("a prehashed message is 32 bytes"));
    // The digest is sent prehashed, so the signer signs exactly the 32 bytes
    // verified below (and an empty message is signable too).
    const QByteArray digest = prehashed ? message : crypto::Hash::sha256(message);
    bao::SignOptions options;
    options.prehashed = true;
    auto response = client.sign(record.uid, digest, options);
    if (!response)
        return baokeys::unexpected(response.error());
    if (response->publicKey != record.publicKey)
        return baoError(
            BaoErrorKind::SecurityFault,
            QStringLiteral("the signer answered for '%1' with public key %2, but the stored key is %3")
                .arg(record.uid, crypto::Hex::encode(response->publicKey), record.publicKeyHex()));
    if (!crypto::Secp256k1::isLowS(response->signature))
        return baoError(BaoErrorKind::SecurityFault,
                        QStringLiteral("the signer returned a high-S signature for '%1'").arg(record.uid));
    const auto verifyingKey = m_verifyingKeys.get(record.publicKey);
    if (!verifyingKey || !crypto::Secp256k1::verifyDigest(*verifyingKey, digest, response->signature))
        return baoError(
            BaoErrorKind::SecurityFault,
            QStringLiteral("the signature returned for '%1' does not verify against its stored public key")
                .arg(record.uid));
    return Signature{record.uid, response->signature, record.publicKey, digest};
}

// --- accounts ---------------------------------------------------------------

KeyringResult<KeyRecord> BaoKeyring::newAccount(const QString &uid, bool exportable)
{
    if (auto valid = checkName(uid); !valid)
        return baokeys::unexpected(valid.error());
    if (m_store->contains(uid))
        return baoError(BaoErrorKind::AlreadyExists,
                        QStringLiteral("a key named '%1' is already in the store").arg(uid));
    // Journal first: a crash between the create and the store write must not
    // leave a key only the server knows about.
    const QString journalId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (auto journal = m_store->writeJournal(journalId, {uid}); !journal)
        return baokeys::unexpected(journal.error());
    auto info = client().createKey(uid, exportable);
    KeyringResult<KeyRecord> result =
        info ? storeNew(*info, KeySource::Generated) : baokeys::unexpected(info.error());
    if (result || !info)
        (void)m_store->clearJournal(journalId);
    return result;
}

KeyringResult<KeyRecord> BaoKeyring::key(const QString &uid) const
{
    if (auto record = m_store->find(uid))
        return *record;
    return baokeys::unexpected(localNotFound(uid));
}

KeyringResult<KeyRecord> BaoKeyring::keyByAddress(const QByteArray &address) const
{
    if (address.size() != crypto::CosmosAddress::AddressSize)
        return baoError(BaoErrorKind::InvalidInput, QStringLiteral("an address is 20 bytes"));
    if (auto record = m_store->findByAddress(address))
        return *record;
    return baoError(
        BaoErrorKind::NotFound,
        QStringLiteral("no key with address %1 in the local store").arg(crypto::Hex::encode(address)));
}

KeyringResult<KeyRecord> BaoKeyring::keyByAddress(const QString &bech32OrHex) const
{
    const QString text = bech32OrHex.trimmed();
    if (auto decoded = crypto::CosmosAddress::fromBech32(text))
        return keyByAddress(*decoded);
    if (auto hex = crypto::Hex::decode(text); hex && hex->size() == crypto::CosmosAddress::AddressSize)
        return keyByAddress(*hex);
    return baoError(BaoErrorKind::InvalidInput,
                    QStringLiteral("'%1' is neither a bech32 address nor 40 hex digits").arg(text));
}

QList<KeyRecord> BaoKeyring::list() const
{
    return m_store->all();
}

KeyringResult<void> BaoKeyring::remove(const QString &uid)
{
    if (auto valid = checkName(uid); !valid)
        return valid;
    if (!m_store->contains(uid))
        return baokeys::unexpected(localNotFound(uid));
    auto deleted = client().deleteKey(uid);
    if (!deleted && deleted.error().kind != BaoErrorKind::NotFound)
        return deleted;
    if (auto removed = m_store->remove(uid); !removed)
        return removed;
    emit keysChanged();
    return {};
}

KeyringResult<KeyRecord> BaoKeyring::rename(const QString &uid, const QString &newUid)
{
    if (auto valid = checkName(newUid); !valid)
        return baokeys::unexpected(valid.error());
    auto record = key(uid);
    if (!record)
        return record;
    if (uid == newUid)
        return record;
    if (!record->exportable)
        return baoError(
            BaoErrorKind::Unsupported,
            QStringLiteral("'%1' is not exportable: the engine has no rename, and moving a key to a new "
                           "name needs its private key, which never leaves the signer. Create a new key "
                           "under '%2' instead.")
                .arg(uid, newUid));
    if (m_store->contains(newUid))
        return baoError(BaoErrorKind::AlreadyExists,
                        QStringLiteral("a key named '%1' is already in the store").arg(newUid));
    bao::BaoClient &server = client();
    if (auto existing = server.readKey(newUid); existing)
        return baoError(BaoErrorKind::AlreadyExists,
                        QStringLiteral("the server already has a key named '%1'").arg(newUid));
    else if (existing.error().kind != BaoErrorKind::NotFound)
        return baokeys::unexpected(existing.error());

    auto exported = server.exportKey(uid);
    if (!exported)
        return baokeys::unexpected(exported.error());
    if (exported->info.publicKey != record->publicKey)
        return baoError(
            BaoErrorKind::SecurityFault,
            QStringLiteral("the server's '%1' has another public key than the stored one").arg(uid));

    const QString journalId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (auto journal = m_store->writeJournal(journalId, {newUid}); !journal)
        return baokeys::unexpected(journal.error());
    auto imported = server.importKey(newUid, exported->privateKey, true);
    exported->privateKey.wipe();
    if (!imported) {
        (void)m_store->clearJournal(journalId);
        return baokeys::unexpected(imported.error());
    }
    if (imported->publicKey != record->publicKey) {
        (void)m_store->clearJournal(journalId);
        return baoError(BaoErrorKind::SecurityFault,
                        QStringLiteral("the copy under '%1' has another public key; '%2' is left as it was")
                            .arg(newUid, uid));
    }
    KeyRecord renamed = recordFromInfo(*imported, record->source);
    // Both names are stored before the old one is deleted: whatever fails
    // next, the store knows every key the server holds.
    if (auto stored = m_store->put(renamed); !stored)
        return baokeys::unexpected(stored.error());
    (void)m_store->clearJournal(journalId);
    emit keysChanged();
    if (auto deleted = server.deleteKey(uid); !deleted && deleted.error().kind != BaoErrorKind::NotFound) {
        BaoError error = deleted.error();
        error.message =
            QStringLiteral("'%1' was copied to '%2', but the old name could not be deleted (both are "
                           "kept): %3")
                .arg(uid, newUid, error.message);
        return baokeys::unexpected(error);
    }
    if (auto removed = m_store->remove(uid); !removed)
        return baokeys::unexpected(removed.error());
    emit keysChanged();
    return renamed;
}

KeyringResult<Signature> BaoKeyring::sign(const QString &uid, const QByteArray &message, bool prehashed)
{
    auto record = key(uid);
    if (!record)
        return baokeys::unexpected(record.error());
    return signWith(client(), *record, message, prehashed);
}

KeyringResult<Signature> BaoKeyring::signByAddress(const QByteArray &address, const QByteArray &message,
                                                   bool prehashed)
{
    auto record = keyByAddress(address);
    if (!record)
        return baokeys::unexpected(record.error());
    return signWith(client(), *record, message, prehashed);
}

KeyringResult<KeyRecord> BaoKeyring::importPrivateKey(const QString &uid, const QString &hex,
                                                      ImportOptions options)
{
    auto secret = crypto::Hex::decodeSecret(hex);
    if (!secret)
        return baoError(BaoErrorKind::InvalidInput,
                        QStringLiteral("the private key is not hex: %1").arg(secret.error().message));
    return importPrivateKey(uid, *secret, options);
}

KeyringResult<KeyRecord>
BaoKeyring::importPrivateKey(const QString &uid, const crypto::SecureBytes &privateKey, ImportOptions options)
{
    if (auto valid = checkName(uid); !valid)
        return baokeys::unexpected(valid.error());
    if (auto validKey = crypto::Secp256k1::validatePrivateKey(privateKey); !validKey)
        return baoError(BaoErrorKind::InvalidInput, validKey.error().message);
    auto publicKey = crypto::Secp256k1::derivePublicKey(privateKey);
    if (!publicKey)
        return baoError(BaoErrorKind::InvalidInput, publicKey.error().message);
    if (m_store->contains(uid))
        return baoError(BaoErrorKind::AlreadyExists,
                        QStringLiteral("a key named '%1' is already in the store").arg(uid));

    const QString journalId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (auto journal = m_store->writeJournal(journalId, {uid}); !journal)
        return baokeys::unexpected(journal.error());
    auto info = client().importKey(uid, privateKey, options.exportable);
    if (!info) {
        (void)m_store->clearJournal(journalId);
        return baokeys::unexpected(info.error());
    }
    if (info->publicKey != *publicKey) {
        (void)m_store->clearJournal(journalId);
        return baoError(BaoErrorKind::SecurityFault,
                        QStringLiteral("the server reports public key %1 for the imported '%2', expected %3")
                            .arg(crypto::Hex::encode(info->publicKey), uid, crypto::Hex::encode(*publicKey)));
    }
    auto stored = storeNew(*info, KeySource::Imported);
    if (stored)
        (void)m_store->clearJournal(journalId);
    return stored;
}

KeyringResult<KeyRecord> BaoKeyring::importMnemonic(const QString &uid, const QString &mnemonic,
                                                    const QString &bip39Passphrase, const QString &hdPath,
                                                    ImportOptions options)
{
    auto path = crypto::HdPath::parse(hdPath);
    if (!path)
        return baoError(BaoErrorKind::InvalidInput, QStringLiteral("HD path: %1").arg(path.error().message));
    auto seed = crypto::Bip39::mnemonicToSeed(mnemonic, bip39Passphrase);
    if (!seed)
        return baoError(BaoErrorKind::InvalidInput, QStringLiteral("mnemonic: %1").arg(seed.error().message));
    auto derived = crypto::Bip32::derive(*seed, *path);
    seed->wipe();
    if (!derived)
        return baoError(BaoErrorKind::InvalidInput, derived.error().message);
    auto result = importPrivateKey(uid, derived->key, options);
    derived->key.wipe();
    derived->chainCode.wipe();
    return result;
}

KeyringResult<crypto::SecureBytes> BaoKeyring::exportPrivateKey(const QString &uid)
{
    auto record = key(uid);
    if (!record)
        return baokeys::unexpected(record.error());
    auto exported = client().exportKey(uid);
    if (!exported)
        return baokeys::unexpected(exported.error());
    if (exported->info.publicKey != record->publicKey)
        return baoError(
            BaoErrorKind::SecurityFault,
            QStringLiteral("the server's '%1' has another public key than the stored one").arg(uid));
    return std::move(exported->privateKey);
}

// --- sync -------------------------------------------------------------------

KeyringResult<SyncReport> BaoKeyring::sync()
{
    bao::BaoClient &server = client();
    auto listing = server.listKeys();
    if (!listing)
        return baokeys::unexpected(listing.error());

    SyncReport report;
    if (m_store->loadError()) {
        auto moved = m_store->resetCorrupt();
        if (!moved)
            return baokeys::unexpected(moved.error());
        report.corruptBackup = *moved;
    }

    QHash<QString, bao::KeyInfo> infos;
    for (const bao::KeyInfo &info : std::as_const(listing->info))
        infos.insert(info.name, info);
    const QStringList journalUids = m_store->journalUids(); // one list: both iterators must come from it
    const QSet<QString> journal(journalUids.cbegin(), journalUids.cend());

    QList<KeyRecord> changes;
    for (const QString &name : std::as_const(listing->names)) {
        if (!bao::KeyName::isValid(name))
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
        const auto existing = m_store->find(name);
        if (!existing) {
            const bool fromJournal = journal.contains(name);
            changes << recordFromInfo(info, fromJournal ? KeySource::Generated : KeySource::Synced);
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
    for (const KeyRecord &record : m_store->all()) {
        if (!onServer.contains(record.uid))
            report.missing << record.uid;
    }
    if (auto stored = m_store->putMany(changes); !stored)
        return baokeys::unexpected(stored.error());
    if (auto marked = m_store->markMissing(report.missing); !marked)
        return baokeys::unexpected(marked.error());
    if (auto cleared = m_store->clearAllJournals(); !cleared)
        return baokeys::unexpected(cleared.error());
    emit keysChanged();
    return report;
}

KeyringResult<QStringList> BaoKeyring::recoverJournal()
{
    const QStringList pending = m_store->journalUids();
    if (pending.isEmpty())
        return QStringList();
    bao::BaoClient &server = client();
    QList<KeyRecord> adopted;
    QStringList names;
    for (const QString &uid : pending) {
        if (m_store->contains(uid) || !bao::KeyName::isValid(uid))
            continue;
        auto info = server.readKey(uid);
        if (!info) {
            if (info.error().kind == BaoErrorKind::NotFound)
                continue; // the crash came before the key was created
            return baokeys::unexpected(info.error());
        }
        adopted << recordFromInfo(*info, KeySource::Generated);
        names << uid;
    }
    if (auto stored = m_store->putMany(adopted); !stored)
        return baokeys::unexpected(stored.error());
    if (auto cleared = m_store->clearAllJournals(); !cleared)
        return baokeys::unexpected(cleared.error());
    if (!names.isEmpty())
        emit keysChanged();
    return names;
}

// --- async wrappers ---------------------------------------------------------

QFuture<KeyringResult<KeyRecord>> BaoKeyring::newAccountAsync(const QString &uid, bool exportable)
{
    return QtConcurrent::run(m_asyncPool.get(),
                             [this, uid, exportable] { return newAccount(uid, exportable); });
}

QFuture<KeyringResult<void>> BaoKeyring::removeAsync(const QString &uid)
{
    return QtConcurrent::run(m_asyncPool.get(), [this, uid] { return remove(uid); });
}

QFuture<KeyringResult<KeyRecord>> BaoKeyring::renameAsync(const QString &uid, const QString &newUid)
{
    return QtConcurrent::run(m_asyncPool.get(), [this, uid, newUid] { return rename(uid, newUid); });
}

QFuture<KeyringResult<Signature>> BaoKeyring::signAsync(const QString &uid, const QByteArray &message)
{
    return QtConcurrent::run(m_asyncPool.get(), [this, uid, message] { return sign(uid, message); });
}

QFuture<KeyringResult<SyncReport>> BaoKeyring::syncAsync()
{
    return QtConcurrent::run(m_asyncPool.get(), [this] { return sync(); });
}

// --- batches ----------------------------------------------------------------

KeyringResult<QStringList> BaoKeyring::batchNames(const CreateBatchRequest &request) const
{
    if (request.count <= 0 || request.count > MaxBatchSize)
        return baoError(
            BaoErrorKind::InvalidInput,
            QStringLiteral("a batch creates 1 to %1 keys, not %2").arg(MaxBatchSize).arg(request.count));
    if (request.firstIndex < 0)
        return baoError(BaoErrorKind::InvalidInput, QStringLiteral("the first index must not be negative"));
    QStringList names;
    names.reserve(request.count);
    for (int i = 0; i < request.count; ++i)
        names << QStringLiteral("%1-%2").arg(request.prefix).arg(request.firstIndex + i);
    if (auto valid = checkName(names.first()); !valid)
        return baokeys::unexpected(valid.error());
    const auto inStore = [this](const QString &name) { return m_store->contains(name); };
    if (auto taken = alreadyTaken(names, inStore, QStringLiteral("in the store")))
        return baokeys::unexpected(*taken);
    return names;
}

namespace {

// A batch's hold on its pool. Given back when the batch's last item is
// done, before its future finishes: a caller that starts the next batch at
// once then gets this pool, whose threads and connections are warm (its
// workers are only unwinding QtConcurrent by then, and acquire() waits for
// that). Waiting for the functor's last copy to die instead left the next
// batch a new pool, and 256 new threads and connections to start.
class PoolLease {
public:
    PoolLease(std::shared_ptr<BatchPools> pools, int parallelism)
        : m_pools(std::move(pools)), m_pool(m_pools->acquire(parallelism))
    {}
    ~PoolLease() { release(); }
    PoolLease(const PoolLease &) = delete;
    PoolLease &operator=(const PoolLease &) = delete;
    QThreadPool *pool() const { return m_pool; }

    // Once, from any thread; later calls do nothing.
    void release()
    {
        if (!m_released.exchange(true))
            m_pools->release(m_pool);
    }

private:
    std::shared_ptr<BatchPools> m_pools;
    QThreadPool *m_pool;
    std::atomic<bool> m_released{false};
};

// What the workers of one batch share. The results reach the caller through
// a QPromise (addResult at the item's index keeps request order) rather than
// through QtConcurrent's own future: waitForFinished() on that one would pull
// the queued kernel onto the waiting thread, which leaves the pool a lane
// short for the whole batch. The promise's future has no runnable to steal.
template <typename Result> struct BatchRun {
    std::shared_ptr<BatchState> state;
    QPromise<Result> promise;
    std::vector<int> indices; // iterated by QtConcurrent::map; lives as long as the kernel
    std::unique_ptr<PoolLease> lease;
    std::mutex mutex;
    int remaining = 0; // items without a result yet; guarded by mutex
    int unposted = 0;  // items whose last event is not posted yet; guarded by mutex

    BatchRun(std::shared_ptr<BatchState> batchState, std::shared_ptr<BatchPools> pools, int parallelism)
        : state(std::move(batchState)), lease(std::make_unique<PoolLease>(std::move(pools), parallelism))
    {
        remaining = state->total();
        unposted = remaining;
        indices.resize(std::size_t(remaining));
        std::iota(indices.begin(), indices.end(), 0);
        promise.start();
    }

    // QFuture::cancel() on the returned future cancels like BatchProgress::cancel().
    bool cancelled()
    {
        if (promise.isCanceled())
            state->cancel();
        return state->isCancelled();
    }

    // Records one item's result; true for the last one.
    bool complete(const Result &result)
    {
        promise.addResult(result, result.index);
        std::lock_guard lock(mutex);
        return --remaining == 0;
    }

    // After an item's last event: the last one finishes the future. Another
    // item may still be between its result and its event when the last
    // result comes in; a finished future must come with final counts.
    void itemPosted()
    {
        bool last = false;
        {
            std::lock_guard lock(mutex);
            last = --unposted == 0;
        }
        if (last) {
            lease->release();
            promise.finish();
        }
    }

    void post(const Result &result, bool ok)
    {
        if (ok)
            state->post(result.index, BatchItemState::Succeeded);
        else
            state->post(result.index,
                        result.error->kind == BaoErrorKind::Cancelled ? BatchItemState::Cancelled
                                                                      : BatchItemState::Failed,
                        result.error);
    }
};

BaoError cancelledBeforeStart()
{
    return BaoError{BaoErrorKind::Cancelled, QStringLiteral("cancelled before it started"), 0, {}};
}

// What the items of one createBatch share besides BatchRun: the preflight
// (run once, by the first worker; the others wait for it), and the created
// records, stored in one write by whoever finishes last (or, should a worker
// never finish its share, when the last one lets go of this).
struct CreateRun : BatchRun<CreateItemResult> {
    using BatchRun::BatchRun;

    BaoStore *store = nullptr;
    BaoKeyring *keyring = nullptr;
    QString batchId;
    bool exportable = false;

    std::once_flag preflightOnce;
    std::optional<BaoError> preflightError; // written once inside call_once, then only read
    QFuture<KeyringResult<void>> journal;   // the journal write, started with the batch

    QList<KeyRecord> created; // guarded by mutex
    bool persisted = false;   // guarded by mutex

    ~CreateRun() { persist(); }

    bool journalWritten()
    {
        journal.waitForFinished();
        return journal.result().hasValue();
    }

    void persist()
    {
        QList<KeyRecord> records;
        {
            std::lock_guard lock(mutex);
            if (persisted)
                return;
            persisted = true;
            records = created;
        }
        if (!journalWritten())
            return; // then the preflight failed and nothing was created
        if (auto stored = store->putMany(records); !stored) {
            // The journal stays: recoverJournal()/sync() adopts these keys later.
            state->setPersistError(stored.error());
        } else {
            (void)store->clearJournal(batchId);
        }
        if (!records.isEmpty())
            emit keyring->keysChanged();
    }
};

struct SignRun : BatchRun<SignItemResult> {
    using BatchRun::BatchRun;
    QList<SignRequest> requests;
};

} // namespace

KeyringResult<BatchJob<CreateItemResult>> BaoKeyring::createBatch(const CreateBatchRequest &request)
{
    auto names = batchNames(request);
    if (!names)
        return baokeys::unexpected(names.error());

    const int parallelism =
        request.parallelism > 0 ? request.parallelism : qMin(int(names->size()), DefaultMaxParallelism);
    auto state = std::make_shared<BatchState>(*names);
    auto run = std::make_shared<CreateRun>(state, m_batchPools, parallelism);
    run->store = m_store.get();
    run->keyring = this;
    run->batchId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    run->exportable = request.exportable;

    // Crash safety: the journal names every key before any create. Its fsync
    // runs on another thread while the workers start (and, with ListFirst,
    // while the LIST is in flight); no create is sent before it is on disk.
    run->journal =
        QtConcurrent::run(m_asyncPool.get(), [store = m_store.get(), id = run->batchId, uids = *names] {
            return store->writeJournal(id, uids);
        });

    // Before any create: the journal must be on disk, and with ListFirst the
    // server's LIST must not hold any of the names.
    auto preflight = [this, run, listFirst = request.serverCheck == ServerNameCheck::ListFirst,
                      transport = request.transport] {
        if (listFirst) {
            bao::BaoClient &server = client(transport);
            ScopedCancel scoped(server, run->state->cancelToken());
            auto existingNames = server.listKeyNames();
            if (!existingNames)
                run->preflightError = existingNames.error();
            else
                run->preflightError = alreadyTaken(
                    run->state->uids(),
                    [existing = QSet<QString>(existingNames->cbegin(), existingNames->cend())](
                        const QString &name) { return existing.contains(name); },
                    QStringLiteral("on the server"));
        }
        if (!run->preflightError && !run->journalWritten())
            run->preflightError = run->journal.result().error();
        if (run->preflightError)
            run->state->setPreflightError(*run->preflightError); // persist() clears the journal
    };

    auto createOne = [this, run, preflight, transport = request.transport](int &index) {
        WorkerPriority::lowerCurrentThreadOnce(); // the GUI thread first
        BatchState &progress = *run->state;
        CreateItemResult result;
        result.index = index;
        result.uid = progress.uids().at(index);
        if (run->cancelled()) {
            result.error = cancelledBeforeStart();
        } else {
            std::call_once(run->preflightOnce, preflight);
            if (run->preflightError) {
                result.error = *run->preflightError;
            } else if (run->cancelled()) {
                result.error = cancelledBeforeStart();
            } else {
                progress.post(index, BatchItemState::Started);
                bao::BaoClient &server = client(transport);
                ScopedCancel scoped(server, progress.cancelToken());
                auto info = server.createKey(result.uid, run->exportable);
                if (info)
                    result.key = recordFromInfo(*info, KeySource::Generated);
                else
                    result.error = info.error();
            }
        }
        if (result.key) {
            std::lock_guard lock(run->mutex);
            run->created << *result.key;
        }
        if (run->complete(result))
            run->persist(); // before the last event and the future's end: "finished" means stored
        run->post(result, result.ok());
        run->itemPosted();
    };

    BatchJob<CreateItemResult> job;
    job.progress = std::make_shared<BatchProgress>(state);
    job.future = run->promise.future();
    (void)QtConcurrent::map(run->lease->pool(), run->indices.begin(), run->indices.end(), createOne);
    return job;
}

BatchJob<SignItemResult> BaoKeyring::signBatch(const QList<SignRequest> &requests, SignBatchOptions options)
{
    QStringList uids;
    uids.reserve(requests.size());
    for (const SignRequest &request : requests)
        uids << request.uid;
    const int parallelism =
        options.parallelism > 0 ? options.parallelism : qMin(int(requests.size()), DefaultMaxParallelism);
    auto state = std::make_shared<BatchState>(uids);
    auto run = std::make_shared<SignRun>(state, m_batchPools, parallelism);
    run->requests = requests;

    auto signOne = [this, run, transport = options.transport](int &index) {
        WorkerPriority::lowerCurrentThreadOnce(); // the GUI thread first
        const SignRequest &request = run->requests.at(index);
        SignItemResult result;
        result.index = index;
        result.uid = request.uid;
        if (run->cancelled()) {
            result.error = cancelledBeforeStart();
        } else if (auto record = m_store->find(request.uid); !record) {
            result.error = localNotFound(request.uid);
        } else {
            run->state->post(index, BatchItemState::Started);
            bao::BaoClient &server = client(transport);
            ScopedCancel scoped(server, run->state->cancelToken());
            auto signature = signWith(server, *record, request.message, request.prehashed);
            if (signature)
                result.signature = *signature;
            else
                result.error = signature.error();
        }
        (void)run->complete(result);
        run->post(result, result.ok());
        run->itemPosted();
    };

    BatchJob<SignItemResult> job;
    job.progress = std::make_shared<BatchProgress>(state);
    job.future = run->promise.future();
    if (requests.isEmpty())
        run->promise.finish();
    else
        (void)QtConcurrent::map(run->lease->pool(), run->indices.begin(), run->indices.end(), signOne);
    return job;
}

} // namespace baokeys::keyring
