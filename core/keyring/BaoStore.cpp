#include "core/keyring/BaoStore.h"

#include "core/common/KeyName.h"
#include "core/common/WholeWrite.h"
#include "core/crypto/CosmosAddress.h"
#include "core/crypto/Hex.h"
#include "core/crypto/Secp256k1.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

#include "core/keyring/PrivateFolder.h"
#include "core/keyring/RegularFile.h"
#include "core/keyring/StoreFileLock.h"

#include <algorithm>
#include <cmath>
#include <unistd.h>

namespace baokeys::keyring {

using bao::BaoError;
using bao::BaoErrorKind;
using bao::BaoResult;

namespace {

const QString FormatName = QStringLiteral("baokeys-store");
const QString JournalFormatName = QStringLiteral("baokeys-journal");
constexpr QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
// A store of 100,000 keys is about 40 MiB; a journal names at most a few
// batches of names.
constexpr qint64 MaxStoreBytes = qint64(64) << 20;
constexpr qint64 MaxJournalBytes = qint64(16) << 20;

QJsonObject toJson(const KeyRecord &record)
{
    QJsonObject object{
        {QStringLiteral("uid"), record.uid},
        {QStringLiteral("public_key"), crypto::Hex::encode(record.publicKey)},
        {QStringLiteral("address"), crypto::Hex::encode(record.address)},
        {QStringLiteral("exportable"), record.exportable},
        {QStringLiteral("created_at"),
         record.createdAt.isValid() ? record.createdAt.toUTC().toString(Qt::ISODateWithMs) : QString()},
        {QStringLiteral("source"), keySourceName(record.source)},
        {QStringLiteral("key_path"), record.keyPath},
    };
    if (record.missingOnServer)
        object.insert(QStringLiteral("missing_on_server"), true);
    if (record.replacedOnServer)
        object.insert(QStringLiteral("replaced_on_server"), true);
    return object;
}

// What a JSON value is, in an error message.
QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("true/false");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("missing");
}

BaoError corrupt(const QString &message)
{
    return BaoError{BaoErrorKind::StoreCorrupt, message, 0, {}};
}

// `field` of `object`, which must be of `type` (or, when `optional`, absent).
std::optional<BaoError> expectType(const QJsonObject &object, const QString &where, const QString &field,
                                   QJsonValue::Type type, bool optional = false)
{
    const QJsonValue value = object.value(field);
    if (value.type() == type || (optional && value.isUndefined()))
        return std::nullopt;
    const QString wanted = type == QJsonValue::String  ? QStringLiteral("a string")
                           : type == QJsonValue::Bool  ? QStringLiteral("true/false")
                           : type == QJsonValue::Array ? QStringLiteral("an array")
                                                       : QStringLiteral("an object");
    return corrupt(QStringLiteral("%1.%2 is %3, not %4").arg(where, field, typeName(value), wanted));
}

// Every record is checked as strictly as a server answer: a store that was
// edited into inconsistency is corrupt, not trusted. `where` names the entry
// ("keys[3]") in the error.
BaoResult<KeyRecord> fromJson(const QJsonValue &value, const QString &where)
{
    if (!value.isObject())
        return baokeys::unexpected(
            corrupt(QStringLiteral("%1 is %2, not an object").arg(where, typeName(value))));
    const QJsonObject object = value.toObject();
    for (const QString &field :
         {QStringLiteral("uid"), QStringLiteral("public_key"), QStringLiteral("address"),
          QStringLiteral("created_at"), QStringLiteral("source"), QStringLiteral("key_path")}) {
        if (auto wrong = expectType(object, where, field, QJsonValue::String))
            return baokeys::unexpected(*wrong);
    }
    if (auto wrong = expectType(object, where, QStringLiteral("exportable"), QJsonValue::Bool))
        return baokeys::unexpected(*wrong);
    for (const QString &flag : {QStringLiteral("missing_on_server"), QStringLiteral("replaced_on_server")}) {
        if (auto wrong = expectType(object, where, flag, QJsonValue::Bool, true))
            return baokeys::unexpected(*wrong);
    }

    KeyRecord record;
    record.uid = object.value(QStringLiteral("uid")).toString();
    if (!KeyName::isValid(record.uid))
        return bao::baoError(BaoErrorKind::StoreCorrupt,
                             QStringLiteral("%1.uid '%2' is not a valid key name").arg(where, record.uid));
    auto publicKey = crypto::Hex::decode(object.value(QStringLiteral("public_key")).toString());
    if (!publicKey || publicKey->size() != crypto::Secp256k1::CompressedPublicKeySize ||
        !crypto::Secp256k1::parsePublicKey(*publicKey))
        return bao::baoError(BaoErrorKind::StoreCorrupt,
                             QStringLiteral("'%1': bad public_key").arg(record.uid));
    record.publicKey = *publicKey;
    auto address = crypto::Hex::decode(object.value(QStringLiteral("address")).toString());
    if (!address || *address != crypto::CosmosAddress::fromPublicKey(record.publicKey))
        return bao::baoError(BaoErrorKind::StoreCorrupt,
                             QStringLiteral("'%1': address does not match the public key").arg(record.uid));
    record.address = *address;
    record.exportable = object.value(QStringLiteral("exportable")).toBool();
    const QString created = object.value(QStringLiteral("created_at")).toString();
    if (!created.isEmpty()) {
        record.createdAt = QDateTime::fromString(created, Qt::ISODateWithMs).toUTC();
        if (!record.createdAt.isValid())
            return bao::baoError(
                BaoErrorKind::StoreCorrupt,
                QStringLiteral("'%1': created_at '%2' is not an ISO 8601 time").arg(record.uid, created));
    }
    if (!keySourceFromName(object.value(QStringLiteral("source")).toString(), &record.source))
        return bao::baoError(BaoErrorKind::StoreCorrupt,
                             QStringLiteral("'%1': unknown source").arg(record.uid));
    record.keyPath = object.value(QStringLiteral("key_path")).toString();
    record.missingOnServer = object.value(QStringLiteral("missing_on_server")).toBool(false);
    record.replacedOnServer = object.value(QStringLiteral("replaced_on_server")).toBool(false);
    return record;
}

// A whole regular file's bytes, refused past `limit` (a store is kilobytes;
// a huge file must not grow the process without end). nullopt when the file
// does not exist; a FIFO, device or folder is refused unread (RegularFile).
BaoResult<std::optional<QByteArray>> readBounded(const QString &path, qint64 limit)
{
    auto fd = RegularFile::openToRead(path);
    if (!fd)
        return baokeys::unexpected(fd.error());
    if (!*fd)
        return std::optional<QByteArray>();
    QFile file;
    if (!file.open(**fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(**fd);
        return bao::baoError(BaoErrorKind::StoreIo,
                             QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    }
    // Chunk by chunk: read(limit + 1) would set aside the whole bound for
    // every load of a small file.
    QByteArray bytes;
    char chunk[64 * 1024];
    qint64 got = 0;
    while (bytes.size() <= limit && (got = file.read(chunk, sizeof chunk)) > 0)
        bytes.append(chunk, got);
    if (got < 0)
        return bao::baoError(BaoErrorKind::StoreIo,
                             QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    if (bytes.size() > limit)
        return bao::baoError(
            BaoErrorKind::StoreCorrupt,
            QStringLiteral("%1 is larger than %2 MiB: not a BaoKeys file").arg(path).arg(limit >> 20));
    return std::optional<QByteArray>(bytes);
}

// The top level of a store or journal file: a JSON object of `format`, at a
// version this build reads.
BaoResult<QJsonObject> parseRoot(const QByteArray &bytes, const QString &path, const QString &format,
                                 const QString &what)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return baokeys::unexpected(
            corrupt(QStringLiteral("%1 is not valid JSON (%2)").arg(path, parseError.errorString())));
    if (!document.isObject())
        return baokeys::unexpected(corrupt(
            QStringLiteral("%1 is not %2: its top level is %3, not an object")
                .arg(path, what, document.isArray() ? QStringLiteral("an array") : QStringLiteral("empty"))));
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("format")).toString() != format)
        return baokeys::unexpected(corrupt(QStringLiteral("%1 is not %2").arg(path, what)));
    const QJsonValue version = root.value(QStringLiteral("version"));
    const bool whole = version.isDouble() && version.toDouble() == std::floor(version.toDouble());
    // Not damaged: written by a newer BaoKeys (after a rollback, say). Set
    // apart from corrupt so that nothing moves it aside or rebuilds over it.
    if (whole && version.toDouble() > BaoStore::FormatVersion)
        return bao::baoError(
            BaoErrorKind::StoreTooNew,
            QStringLiteral("%1 was written by a newer BaoKeys (format version %2; this build "
                           "reads up to %3): it is left as it is")
                .arg(path, QString::number(version.toDouble()))
                .arg(BaoStore::FormatVersion));
    if (!whole || version.toInt() < 1)
        return baokeys::unexpected(corrupt(
            QStringLiteral("%1 has format version %2; this build reads 1 to %3")
                .arg(path, version.isDouble() ? QString::number(version.toDouble()) : typeName(version))
                .arg(BaoStore::FormatVersion)));
    return root;
}

BaoResult<QHash<QString, KeyRecord>> parseStore(const QByteArray &bytes, const QString &path)
{
    auto root = parseRoot(bytes, path, FormatName, QStringLiteral("a BaoKeys key store"));
    if (!root)
        return baokeys::unexpected(root.error());
    if (auto wrong = expectType(*root, path, QStringLiteral("keys"), QJsonValue::Array))
        return baokeys::unexpected(*wrong);
    const QJsonArray keys = root->value(QStringLiteral("keys")).toArray();
    QHash<QString, KeyRecord> records;
    for (qsizetype i = 0; i < keys.size(); ++i) {
        auto record = fromJson(keys.at(i), QStringLiteral("keys[%1]").arg(i));
        if (!record)
            return baokeys::unexpected(corrupt(QStringLiteral("%1: %2").arg(path, record.error().message)));
        if (records.contains(record->uid))
            return baokeys::unexpected(
                corrupt(QStringLiteral("%1: the name '%2' is there twice").arg(path, record->uid)));
        records.insert(record->uid, *record);
    }
    return records;
}

BaoResult<QHash<QString, QStringList>> parseJournal(const QByteArray &bytes, const QString &path)
{
    auto root = parseRoot(bytes, path, JournalFormatName, QStringLiteral("a BaoKeys journal"));
    if (!root)
        return baokeys::unexpected(root.error());
    if (auto wrong = expectType(*root, path, QStringLiteral("batches"), QJsonValue::Object))
        return baokeys::unexpected(*wrong);
    const QJsonObject batches = root->value(QStringLiteral("batches")).toObject();
    QHash<QString, QStringList> journal;
    for (auto it = batches.begin(); it != batches.end(); ++it) {
        if (!it.value().isArray())
            return baokeys::unexpected(corrupt(QStringLiteral("%1: batches.%2 is %3, not an array")
                                                   .arg(path, it.key(), typeName(it.value()))));
        QStringList uids;
        for (const QJsonValue &uid : it.value().toArray()) {
            if (!uid.isString())
                return baokeys::unexpected(corrupt(QStringLiteral("%1: batches.%2 holds %3, not a name")
                                                       .arg(path, it.key(), typeName(uid))));
            // A journal name is adopted from the server on the next run: one
            // that is not a key name would put another path in that request.
            if (!KeyName::isValid(uid.toString()))
                return baokeys::unexpected(
                    corrupt(QStringLiteral("%1: batches.%2 holds '%3', not a valid key name")
                                .arg(path, it.key(), uid.toString())));
            uids << uid.toString();
        }
        journal.insert(it.key(), uids);
    }
    return journal;
}

// QSaveFile: written to a temporary file, made owner-only, fsync'd, then
// renamed over the target, so a crash leaves the old or the new file.
BaoResult<void> writeAtomically(const QString &path, const QByteArray &bytes)
{
    if (auto folder = PrivateFolder::createMissing(QFileInfo(path).absolutePath()); !folder)
        return folder;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return bao::baoError(BaoErrorKind::StoreIo,
                             QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    file.setPermissions(OwnerOnly); // before any byte is written or renamed in
    if (!baokeys::writeWhole(file, bytes)) {
        // The reason first: cancelWriting() replaces it with "Writing canceled
        // by application", which hid a full disk from the operator.
        const QString why = file.errorString();
        file.cancelWriting();
        return bao::baoError(BaoErrorKind::StoreIo, QStringLiteral("cannot write %1: %2").arg(path, why));
    }
    if (!file.commit())
        return bao::baoError(BaoErrorKind::StoreIo,
                             QStringLiteral("cannot save %1: %2").arg(path, file.errorString()));
    QFile::setPermissions(path, OwnerOnly); // an older file may have had wider rights
    return {};
}

} // namespace

BaoStore::BaoStore(QString path) : m_path(std::move(path)) {}

QString BaoStore::journalPath() const
{
    return m_path.isEmpty() ? QString() : m_path + QStringLiteral(".journal");
}

BaoResult<QHash<QString, KeyRecord>> BaoStore::readRecords() const
{
    if (m_path.isEmpty())
        return QHash<QString, KeyRecord>();
    auto bytes = readBounded(m_path, MaxStoreBytes);
    if (!bytes)
        return baokeys::unexpected(bytes.error());
    if (!*bytes)
        return QHash<QString, KeyRecord>(); // no file yet: an empty store
    return parseStore(**bytes, m_path);
}

BaoResult<QHash<QString, QStringList>> BaoStore::readJournal() const
{
    if (m_path.isEmpty())
        return QHash<QString, QStringList>();
    auto bytes = readBounded(journalPath(), MaxJournalBytes);
    if (!bytes)
        return baokeys::unexpected(bytes.error());
    if (!*bytes)
        return QHash<QString, QStringList>();
    return parseJournal(**bytes, journalPath());
}

BaoResult<void> BaoStore::load()
{
    std::lock_guard writer(m_writeMutex);
    // Another process writes by renaming a whole new file in, so the file read
    // here is always one complete version; no lock is needed to read it.
    auto records = readRecords();
    BaoResult<QHash<QString, QStringList>> journal =
        records ? readJournal() : BaoResult<QHash<QString, QStringList>>(QHash<QString, QStringList>());

    std::unique_lock lock(m_lock);
    if (!records || !journal) {
        m_loadError = !records ? records.error() : journal.error();
        m_records.clear();
        m_journal.clear();
        return baokeys::unexpected(*m_loadError);
    }
    m_loadError.reset();
    m_records = std::move(*records);
    m_journal = std::move(*journal);
    return {};
}

std::optional<BaoError> BaoStore::loadError() const
{
    std::shared_lock lock(m_lock);
    return m_loadError;
}

BaoResult<CorruptBackups> BaoStore::resetCorrupt()
{
    std::lock_guard writer(m_writeMutex);
    {
        std::shared_lock lock(m_lock);
        if (!m_loadError)
            return CorruptBackups();
    }
    if (m_path.isEmpty())
        return CorruptBackups(); // nothing read, nothing to move
    // A FIFO, a device or a folder is not a store that went bad: moving it
    // aside would take the node from whatever else uses it, and put a
    // regular file in its place. Refused before even the lock file is made.
    for (const QString &path : {m_path, journalPath()}) {
        if (auto other = RegularFile::refuseOther(path))
            return baokeys::unexpected(*other);
    }
    // Held to the end: no writer of another process in between.
    auto locked = StoreFileLock::acquire(m_path + QStringLiteral(".lock"));
    if (!locked)
        return baokeys::unexpected(locked.error());

    // The two files are judged apart, as they are now on disk: only one that
    // does not read is moved aside. A good store keeps every record (and its
    // source) beside a bad journal, and a good journal's names are still
    // recovered beside a bad store.
    //
    // What a bad journal costs: the names of creates whose outcome was
    // unknown. A key made under such a name is on the server and nowhere in
    // the store, as one made by another client would be; sync() adopts it
    // with every other server key (as synced: the journal that said it was
    // generated here is what was lost). So setting the journal aside loses
    // no key and no record.
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmsszzzZ"));
    const auto moveAside = [&stamp](const QString &path) -> BaoResult<QString> {
        if (auto other = RegularFile::refuseOther(path)) // put there since the check above
            return baokeys::unexpected(*other);
        const QString target = path + QStringLiteral(".corrupt-") + stamp;
        if (!QFile::rename(path, target))
            return bao::baoError(BaoErrorKind::StoreIo, QStringLiteral("cannot move %1 aside").arg(path));
        return target;
    };
    auto readStore = readRecords();
    auto readJournalFile = readJournal();
    // A newer BaoKeys's file is not damaged: neither file is touched.
    const auto tooNew = [](const auto &read) {
        return !read && read.error().kind == BaoErrorKind::StoreTooNew;
    };
    if (tooNew(readStore))
        return baokeys::unexpected(readStore.error());
    if (tooNew(readJournalFile))
        return baokeys::unexpected(readJournalFile.error());
    CorruptBackups backups;
    if (!readStore) {
        auto moved = moveAside(m_path);
        if (!moved)
            return baokeys::unexpected(moved.error());
        backups.store = *moved;
    }
    if (!readJournalFile) {
        auto moved = moveAside(journalPath());
        if (!moved)
            return baokeys::unexpected(moved.error());
        backups.journal = *moved;
    }
    std::unique_lock lock(m_lock);
    m_loadError.reset();
    m_records = readStore ? std::move(*readStore) : QHash<QString, KeyRecord>();
    m_journal = readJournalFile ? std::move(*readJournalFile) : QHash<QString, QStringList>();
    return backups;
}

std::optional<KeyRecord> BaoStore::find(const QString &uid) const
{
    std::shared_lock lock(m_lock);
    const auto it = m_records.constFind(uid);
    if (it == m_records.constEnd())
        return std::nullopt;
    return *it;
}

std::optional<KeyRecord> BaoStore::findByAddress(const QByteArray &address) const
{
    std::shared_lock lock(m_lock);
    for (const KeyRecord &record : m_records) {
        if (record.address == address)
            return record;
    }
    return std::nullopt;
}

QList<KeyRecord> BaoStore::all() const
{
    QList<KeyRecord> records;
    {
        std::shared_lock lock(m_lock);
        records = m_records.values();
    }
    std::sort(records.begin(), records.end(),
              [](const KeyRecord &a, const KeyRecord &b) { return a.uid < b.uid; });
    return records;
}

bool BaoStore::contains(const QString &uid) const
{
    std::shared_lock lock(m_lock);
    return m_records.contains(uid);
}

bool BaoStore::holds(const QString &uid) const
{
    std::shared_lock lock(m_lock);
    const auto it = m_records.constFind(uid);
    return it != m_records.constEnd() && !it->missingOnServer;
}

int BaoStore::size() const
{
    std::shared_lock lock(m_lock);
    return int(m_records.size());
}

BaoResult<void> BaoStore::checkWritable() const
{
    std::shared_lock lock(m_lock);
    if (m_loadError)
        return baokeys::unexpected(BaoError{
            m_loadError->kind,
            m_loadError->message + QStringLiteral(" (not overwritten; sync() rebuilds it from the server)"),
            0,
            {}});
    return {};
}

// Writers: serialised in this process by m_writeMutex and across processes
// by an flock on "<file>.lock". Under both, a writer reads the file as it is
// on disk now (another process may have written since this one loaded),
// applies its change to that, writes the result, and only then swaps it in
// under a short write lock. So no process overwrites what another wrote,
// readers here wait at most for the swap, and a failed write leaves both the
// file and memory as they were.
template <typename Value>
BaoResult<void> BaoStore::commit(Value &current, const std::function<BaoResult<Value>()> &readDisk,
                                 const std::function<void(Value &)> &change,
                                 const std::function<BaoResult<void>(const Value &)> &persist)
{
    std::lock_guard writer(m_writeMutex);
    if (auto writable = checkWritable(); !writable)
        return writable;
    Value next;
    StoreFileLock fileLock;
    if (m_path.isEmpty()) {
        std::shared_lock lock(m_lock);
        next = current;
    } else {
        auto locked = StoreFileLock::acquire(m_path + QStringLiteral(".lock"));
        if (!locked)
            return baokeys::unexpected(locked.error());
        fileLock = std::move(*locked);
        auto onDisk = readDisk();
        if (!onDisk) {
            BaoError error = onDisk.error();
            error.message += QStringLiteral(" (not overwritten; sync() rebuilds it from the server)");
            return baokeys::unexpected(error);
        }
        next = std::move(*onDisk);
    }
    change(next);
    if (!m_path.isEmpty()) {
        if (auto persisted = persist(next); !persisted)
            return persisted;
    }
    std::unique_lock lock(m_lock);
    current = std::move(next);
    return {};
}

BaoResult<void> BaoStore::update(const std::function<void(QHash<QString, KeyRecord> &)> &change)
{
    return commit<QHash<QString, KeyRecord>>(
        m_records, [this] { return readRecords(); }, change,
        [this](const QHash<QString, KeyRecord> &next) -> BaoResult<void> {
            QList<KeyRecord> sorted = next.values();
            std::sort(sorted.begin(), sorted.end(),
                      [](const KeyRecord &a, const KeyRecord &b) { return a.uid < b.uid; });
            QJsonArray keys;
            for (const KeyRecord &record : sorted)
                keys.append(toJson(record));
            const QJsonObject root{{QStringLiteral("format"), FormatName},
                                   {QStringLiteral("version"), FormatVersion},
                                   {QStringLiteral("keys"), keys}};
            auto written = writeAtomically(m_path, QJsonDocument(root).toJson(QJsonDocument::Indented));
            if (written)
                m_fileWrites.fetch_add(1);
            return written;
        });
}

BaoResult<void> BaoStore::put(const KeyRecord &record)
{
    return putMany({record});
}

BaoResult<void> BaoStore::putMany(const QList<KeyRecord> &records)
{
    if (records.isEmpty())
        return {};
    return update([&](QHash<QString, KeyRecord> &next) {
        for (const KeyRecord &record : records)
            next.insert(record.uid, record);
    });
}

BaoResult<void> BaoStore::remove(const QString &uid)
{
    return update([&](QHash<QString, KeyRecord> &next) { next.remove(uid); });
}

BaoResult<void> BaoStore::replace(const QString &oldUid, const KeyRecord &record)
{
    return update([&](QHash<QString, KeyRecord> &next) {
        next.remove(oldUid);
        next.insert(record.uid, record);
    });
}

BaoResult<void> BaoStore::markServerState(const QStringList &missingUids, const QStringList &replacedUids)
{
    const QSet<QString> missing(missingUids.cbegin(), missingUids.cend());
    const QSet<QString> replaced(replacedUids.cbegin(), replacedUids.cend());
    return update([&](QHash<QString, KeyRecord> &next) {
        for (KeyRecord &record : next) {
            record.missingOnServer = missing.contains(record.uid);
            record.replacedOnServer = replaced.contains(record.uid);
        }
    });
}

BaoResult<void> BaoStore::updateJournal(const std::function<void(QHash<QString, QStringList> &)> &change)
{
    return commit<QHash<QString, QStringList>>(
        m_journal, [this] { return readJournal(); }, change,
        [this](const QHash<QString, QStringList> &next) -> BaoResult<void> {
            if (next.isEmpty()) {
                if (QFileInfo::exists(journalPath()) && !QFile::remove(journalPath()))
                    return bao::baoError(BaoErrorKind::StoreIo,
                                         QStringLiteral("cannot remove %1").arg(journalPath()));
                return BaoResult<void>();
            }
            QJsonObject batches;
            for (auto it = next.begin(); it != next.end(); ++it)
                batches.insert(it.key(), QJsonArray::fromStringList(it.value()));
            const QJsonObject root{{QStringLiteral("format"), JournalFormatName},
                                   {QStringLiteral("version"), FormatVersion},
                                   {QStringLiteral("batches"), batches}};
            auto written = writeAtomically(journalPath(), QJsonDocument(root).toJson(QJsonDocument::Compact));
            if (written)
                m_fileWrites.fetch_add(1);
            return written;
        });
}

BaoResult<void> BaoStore::writeJournal(const QString &batchId, const QStringList &uids)
{
    return updateJournal([&](QHash<QString, QStringList> &next) { next.insert(batchId, uids); });
}

void BaoStore::forgetJournal(const QString &batchId)
{
    (void)clearJournal(batchId); // see the header: a failed clear loses nothing
}

void BaoStore::settleJournal(const QString &batchId, const QStringList &stored, const QStringList &unsettled)
{
    const QSet<QString> settled(stored.cbegin(), stored.cend());
    (void)updateJournal(
        [&](QHash<QString, QStringList> &next) { // see the header: a failed write loses nothing
            next.remove(batchId);
            for (auto it = next.begin(); it != next.end();) {
                it->removeIf([&settled](const QString &uid) { return settled.contains(uid); });
                it = it->isEmpty() ? next.erase(it) : std::next(it);
            }
            if (!unsettled.isEmpty())
                next.insert(batchId, unsettled);
        });
}

BaoResult<void> BaoStore::clearJournal(const QString &batchId)
{
    return updateJournal([&](QHash<QString, QStringList> &next) { next.remove(batchId); });
}

BaoResult<void> BaoStore::clearAllJournals()
{
    return updateJournal([](QHash<QString, QStringList> &next) { next.clear(); });
}

QStringList BaoStore::journalUids() const
{
    std::shared_lock lock(m_lock);
    QStringList uids;
    for (const QStringList &batch : m_journal)
        uids << batch;
    uids.removeDuplicates();
    return uids;
}

} // namespace baokeys::keyring
