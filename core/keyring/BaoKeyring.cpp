#include "core/keyring/BaoKeyring.h"

#include "core/bao/BaoClient.h"
#include "core/common/KeyName.h"
#include "core/crypto/Bip32.h"
#include "core/crypto/Bip39.h"
#include "core/crypto/CosmosAddress.h"
#include "core/crypto/Hex.h"
#include "core/crypto/Secp256k1.h"
#include "core/keyring/BatchRunner.h"
#include "core/keyring/KeyringErrors.h"

#include <QSet>
#include <QThreadPool>
#include <QUuid>
#include <QtConcurrent>

namespace baokeys::keyring {

using bao::BaoError;
using bao::baoError;
using bao::BaoErrorKind;

namespace {

// Async threads with no work left expire after this long.
constexpr int AsyncPoolExpiryMs = 120'000;
constexpr int AsyncPoolThreads = 8;
constexpr int MaxBatchSize = 100'000;

KeyringResult<void> checkName(const QString &uid)
{
    if (auto invalid = errors::invalidName(uid))
        return baokeys::unexpected(*invalid);
    return {};
}

} // namespace

BaoKeyring::BaoKeyring(const bao::BaoSettings &settings, const QString &storePath, QObject *parent)
    : QObject(parent), m_clients(settings), m_store(std::make_unique<BaoStore>(storePath)),
      m_sync(*m_store, settings.mount), m_asyncPool(std::make_unique<QThreadPool>())
{
    (void)m_store->load(); // a bad file is reported by storeError(), never overwritten
    m_asyncPool->setExpiryTimeout(AsyncPoolExpiryMs);
    m_asyncPool->setMaxThreadCount(AsyncPoolThreads);
    m_asyncPool->setObjectName(QStringLiteral("baokeys-async"));
    m_batches = std::make_unique<BatchRunner>(BatchRunner::Parts{
        *m_store, m_clients, m_signer, m_asyncPool.get(), settings.mount, [this] { emit keysChanged(); }});
}

BaoKeyring::~BaoKeyring()
{
    // Batches and async calls use the store and this object: let them finish
    // (their threads then exit, destroying their clients on their own thread).
    m_batches->shutdown();
    m_asyncPool->waitForDone();
}

bao::BaoSettings BaoKeyring::settings() const
{
    return m_clients.settings();
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
    return m_clients.client();
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

KeyringResult<void> BaoKeyring::checkFreeInStore(const QString &uid) const
{
    if (m_store->holds(uid))
        return baokeys::unexpected(errors::alreadyInStore(uid));
    return {};
}

KeyringResult<KeyRecord> BaoKeyring::storeNew(const bao::KeyInfo &info, KeySource source)
{
    KeyRecord record = KeyRecord::fromServer(info, source, m_clients.settings().mount);
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

KeyringResult<KeyRecord>
BaoKeyring::createJournaled(const QString &uid, KeySource source,
                            const std::function<KeyringResult<bao::KeyInfo>()> &create,
                            const std::function<std::optional<bao::BaoError>(const bao::KeyInfo &)> &check)
{
    // Journal first: a crash between the create and the store write must not
    // leave a key only the server knows about.
    const QString journalId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (auto journal = m_store->writeJournal(journalId, {uid}); !journal)
        return baokeys::unexpected(journal.error());
    auto info = create();
    if (!info) {
        // A lost answer may hide a key the server made: the journal keeps its
        // name for sync() or the same call again. Any other failure made none.
        if (info.error().kind != BaoErrorKind::OutcomeUnknown)
            m_store->forgetJournal(journalId);
        return baokeys::unexpected(info.error());
    }
    if (check) {
        if (auto fault = check(*info)) {
            m_store->forgetJournal(journalId);
            return baokeys::unexpected(*fault);
        }
    }
    auto stored = storeNew(*info, source);
    if (stored)
        m_store->settleJournal(journalId, {uid}, {}); // else the journal stays: sync() adopts the key
    return stored;
}

// --- accounts ---------------------------------------------------------------

KeyringResult<KeyRecord> BaoKeyring::newAccount(const QString &uid, bool exportable)
{
    if (auto valid = checkName(uid); !valid)
        return baokeys::unexpected(valid.error());
    if (auto free = checkFreeInStore(uid); !free)
        return baokeys::unexpected(free.error());
    // An earlier create of this name lost its answer: the same call again
    // adopts the key the server made, or creates it if none was made.
    const bool unsettled = m_store->journalUids().contains(uid);
    return createJournaled(uid, KeySource::Generated, [&]() -> KeyringResult<bao::KeyInfo> {
        if (unsettled) {
            auto existing = client().readKey(uid);
            if (existing || existing.error().kind != BaoErrorKind::NotFound)
                return existing;
        }
        return client().createKey(uid, exportable);
    });
}

KeyringResult<KeyRecord> BaoKeyring::key(const QString &uid) const
{
    if (auto record = m_store->find(uid))
        return *record;
    return baokeys::unexpected(errors::localNotFound(uid));
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

KeyringResult<BaoKeyring::Removal> BaoKeyring::remove(const QString &uid)
{
    if (auto valid = checkName(uid); !valid)
        return baokeys::unexpected(valid.error());
    const std::optional<KeyRecord> stored = m_store->find(uid);
    if (!stored)
        return baokeys::unexpected(errors::localNotFound(uid));
    bao::BaoClient &server = client();
    Removal removal = Removal::DeletedOnServer;
    if (auto onServer = server.readKey(uid); !onServer) {
        if (onServer.error().kind != BaoErrorKind::NotFound)
            return baokeys::unexpected(onServer.error());
        removal = Removal::NotOnServer;
    } else if (onServer->publicKey != stored->publicKey) {
        removal = Removal::AnotherKeyOnServer;
    } else if (auto deleted = server.deleteKey(uid); !deleted) {
        if (deleted.error().kind != BaoErrorKind::NotFound)
            return baokeys::unexpected(deleted.error());
        removal = Removal::NotOnServer;
    }
    if (auto removed = m_store->remove(uid); !removed)
        return baokeys::unexpected(removed.error());
    emit keysChanged();
    return removal;
}

BaoKeyring::RemovalReport BaoKeyring::removeEach(const QStringList &uids)
{
    RemovalReport report;
    for (qsizetype i = 0; i < uids.size(); ++i) {
        auto removed = remove(uids[i]);
        if (removed) {
            report.removed.append({uids[i], *removed});
            continue;
        }
        report.failures.append({uids[i], removed.error()});
        if (removed.error().isTransient()) {
            report.notTried = uids.mid(i + 1);
            break;
        }
    }
    return report;
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
    if (auto free = checkFreeInStore(newUid); !free)
        return baokeys::unexpected(free.error());
    // Never pull a private key that is not the stored one: a reused name holds another key.
    if (record->replacedOnServer)
        return baokeys::unexpected(errors::replacedOnServer(uid));
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

    // Both names are stored before the old one is deleted: whatever fails
    // next, the store knows every key the server holds.
    auto renamed = createJournaled(
        newUid, record->source,
        [&] {
            auto imported = server.importKey(newUid, exported->privateKey, true);
            exported->privateKey.wipe();
            return imported;
        },
        [&](const bao::KeyInfo &imported) -> std::optional<BaoError> {
            if (imported.publicKey == record->publicKey)
                return std::nullopt;
            return BaoError{
                BaoErrorKind::SecurityFault,
                QStringLiteral("the copy under '%1' has another public key; '%2' is left as it was")
                    .arg(newUid, uid),
                0,
                {}};
        });
    if (!renamed)
        return renamed;
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
    return m_signer.sign(client(), *record, message, prehashed);
}

KeyringResult<Signature> BaoKeyring::signByAddress(const QByteArray &address, const QByteArray &message,
                                                   bool prehashed)
{
    auto record = keyByAddress(address);
    if (!record)
        return baokeys::unexpected(record.error());
    return m_signer.sign(client(), *record, message, prehashed);
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
    if (auto free = checkFreeInStore(uid); !free)
        return baokeys::unexpected(free.error());
    const bool unsettled = m_store->journalUids().contains(uid);
    return createJournaled(
        uid, KeySource::Imported,
        [&]() -> KeyringResult<bao::KeyInfo> {
            if (unsettled) {
                // An earlier import of this name lost its answer: the key the
                // server holds under it is adopted when it is this one; another
                // key there means the name is taken.
                auto existing = client().readKey(uid);
                if (existing && existing->publicKey != *publicKey)
                    return baoError(BaoErrorKind::AlreadyExists,
                                    QStringLiteral("the server already has another key named '%1'").arg(uid));
                if (existing || existing.error().kind != BaoErrorKind::NotFound)
                    return existing;
            }
            return client().importKey(uid, privateKey, options.exportable);
        },
        [&](const bao::KeyInfo &info) -> std::optional<BaoError> {
            if (info.publicKey == *publicKey)
                return std::nullopt;
            return BaoError{
                BaoErrorKind::SecurityFault,
                QStringLiteral("the server reports public key %1 for the imported '%2', expected %3")
                    .arg(crypto::Hex::encode(info.publicKey), uid, crypto::Hex::encode(*publicKey)),
                0,
                {}};
        });
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
    auto report = m_sync.sync(client());
    if (report)
        emit keysChanged();
    return report;
}

KeyringResult<QStringList> BaoKeyring::recoverJournal()
{
    auto adopted = m_sync.recoverJournal(client());
    if (adopted && !adopted->isEmpty())
        emit keysChanged();
    return adopted;
}

// --- async wrappers ---------------------------------------------------------

QFuture<KeyringResult<KeyRecord>> BaoKeyring::newAccountAsync(const QString &uid, bool exportable)
{
    return QtConcurrent::run(m_asyncPool.get(),
                             [this, uid, exportable] { return newAccount(uid, exportable); });
}

QFuture<KeyringResult<BaoKeyring::Removal>> BaoKeyring::removeAsync(const QString &uid)
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

namespace {

// The names of `request.only`, in the order of the range `names` (so results
// come back in table order).
KeyringResult<QStringList> onlyNames(const QStringList &names, const CreateBatchRequest &request)
{
    const QSet<QString> range(names.cbegin(), names.cend());
    QSet<QString> chosen;
    for (const QString &name : request.only) {
        if (!range.contains(name))
            return baoError(BaoErrorKind::InvalidInput,
                            QStringLiteral("“%1” is not a name of the batch %2-%3..%4")
                                .arg(name, request.prefix)
                                .arg(request.firstIndex)
                                .arg(request.firstIndex + request.count - 1));
        if (chosen.contains(name))
            return baoError(BaoErrorKind::InvalidInput, QStringLiteral("“%1” is named twice").arg(name));
        chosen.insert(name);
    }
    QStringList picked;
    for (const QString &name : names) {
        if (chosen.contains(name))
            picked << name;
    }
    return picked;
}

} // namespace

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
        names << KeyName::numbered(request.prefix, request.firstIndex + i);
    // The first and the last name are the shortest and the longest.
    for (const QString &name : {names.first(), names.last()}) {
        if (auto valid = checkName(name); !valid)
            return baokeys::unexpected(valid.error());
    }
    if (!request.only.isEmpty()) {
        auto chosen = onlyNames(names, request);
        if (!chosen)
            return baokeys::unexpected(chosen.error());
        names = *chosen;
    }
    // A name whose key the server lost (missingOnServer) is free again.
    const auto inStore = [this](const QString &name) { return m_store->holds(name); };
    if (request.skipStored) {
        names.removeIf(inStore); // done by an earlier run
        return names;
    }
    if (auto taken = errors::alreadyTaken(names, inStore, QStringLiteral("in the store")))
        return baokeys::unexpected(*taken);
    return names;
}

KeyringResult<BatchJob<CreateItemResult>> BaoKeyring::createBatch(const CreateBatchRequest &request)
{
    auto names = batchNames(request);
    if (!names)
        return baokeys::unexpected(names.error());
    return m_batches->create(*names, request);
}

BatchJob<SignItemResult> BaoKeyring::signBatch(const QList<SignRequest> &requests, SignBatchOptions options)
{
    return m_batches->sign(requests, options);
}

} // namespace baokeys::keyring
