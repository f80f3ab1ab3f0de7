#include "core/keyring/BaoStore.h"

#include "core/bao/KeyName.h"
#include "core/crypto/CosmosAddress.h"
#include "core/crypto/Hex.h"
#include "core/crypto/Secp256k1.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>

namespace baokeys::keyring {

using bao::BaoError;
using bao::BaoErrorKind;
using bao::BaoResult;

namespace {

const QString FormatName = QStringLiteral("baokeys-store");
const QString JournalFormatName = QStringLiteral("baokeys-journal");
constexpr QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

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
    return object;
}

// Every record is checked as strictly as a server answer: a store that was
// edited into inconsistency is corrupt, not trusted.
BaoResult<KeyRecord> fromJson(const QJsonObject &object)
{
    KeyRecord record;
    record.uid = object.value(QStringLiteral("uid")).toString();
    if (!bao::KeyName::isValid(record.uid))
        return bao::baoError(BaoErrorKind::StoreCorrupt,
                             QStringLiteral("entry with an invalid uid '%1'").arg(record.uid));
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
    if (!created.isEmpty())
        record.createdAt = QDateTime::fromString(created, Qt::ISODateWithMs).toUTC();
    if (!keySourceFromName(object.value(QStringLiteral("source")).toString(), &record.source))
        return bao::baoError(BaoErrorKind::StoreCorrupt,
                             QStringLiteral("'%1': unknown source").arg(record.uid));
    record.keyPath = object.value(QStringLiteral("key_path")).toString();
    record.missingOnServer = object.value(QStringLiteral("missing_on_server")).toBool(false);
    return record;
}

// QSaveFile: written to a temporary file, made owner-only, fsync'd, then
// renamed over the target, so a crash leaves the old or the new file.
BaoResult<void> writeAtomically(const QString &path, const QByteArray &bytes)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return bao::baoError(BaoErrorKind::StoreIo,
                             QStringLiteral("cannot create folder %1").arg(info.absolutePath()));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return bao::baoError(BaoErrorKind::StoreIo,
                             QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    file.setPermissions(OwnerOnly); // before any byte is written or renamed in
    if (file.write(bytes) != bytes.size()) {
        file.cancelWriting();
        return bao::baoError(BaoErrorKind::StoreIo,
                             QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
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

BaoResult<void> BaoStore::load()
{
    std::lock_guard writer(m_writeMutex);
    QHash<QString, KeyRecord> records;
    QHash<QString, QStringList> journal;
    std::optional<BaoError> error;

    auto fail = [&](BaoErrorKind kind, const QString &message) { error = BaoError{kind, message, 0, {}}; };
    if (!m_path.isEmpty() && QFileInfo::exists(m_path)) {
        QFile file(m_path);
        if (!file.open(QIODevice::ReadOnly)) {
            fail(BaoErrorKind::StoreIo, QStringLiteral("cannot read %1: %2").arg(m_path, file.errorString()));
        } else {
            QJsonParseError parseError{};
            const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
            const QJsonObject root = document.object();
            if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
                fail(BaoErrorKind::StoreCorrupt,
                     QStringLiteral("%1 is not valid JSON (%2)").arg(m_path, parseError.errorString()));
            } else if (root.value(QStringLiteral("format")).toString() != FormatName) {
                fail(BaoErrorKind::StoreCorrupt, QStringLiteral("%1 is not a BaoKeys key store").arg(m_path));
            } else if (const int version = root.value(QStringLiteral("version")).toInt(-1);
                       version < 1 || version > FormatVersion) {
                fail(BaoErrorKind::StoreCorrupt,
                     QStringLiteral("%1 has format version %2; this build reads up to %3")
                         .arg(m_path)
                         .arg(version)
                         .arg(FormatVersion));
            } else {
                for (const QJsonValue &value : root.value(QStringLiteral("keys")).toArray()) {
                    auto record = fromJson(value.toObject());
                    if (!record) {
                        fail(BaoErrorKind::StoreCorrupt,
                             QStringLiteral("%1: %2").arg(m_path, record.error().message));
                        break;
                    }
                    records.insert(record->uid, *record);
                }
            }
        }
    }
    if (!error && !m_path.isEmpty() && QFileInfo::exists(journalPath())) {
        QFile file(journalPath());
        QJsonParseError parseError{};
        const QJsonDocument document = file.open(QIODevice::ReadOnly)
                                           ? QJsonDocument::fromJson(file.readAll(), &parseError)
                                           : QJsonDocument();
        const QJsonObject batches = document.object().value(QStringLiteral("batches")).toObject();
        if (document.object().value(QStringLiteral("format")).toString() != JournalFormatName) {
            fail(BaoErrorKind::StoreCorrupt,
                 QStringLiteral("%1 is not a BaoKeys journal").arg(journalPath()));
        } else {
            for (auto it = batches.begin(); it != batches.end(); ++it) {
                QStringList uids;
                for (const QJsonValue &uid : it.value().toArray())
                    uids << uid.toString();
                journal.insert(it.key(), uids);
            }
        }
    }

    std::unique_lock lock(m_lock);
    m_loadError = error;
    if (error) {
        m_records.clear();
        m_journal.clear();
        return baokeys::unexpected(*error);
    }
    m_records = std::move(records);
    m_journal = std::move(journal);
    return {};
}

std::optional<BaoError> BaoStore::loadError() const
{
    std::shared_lock lock(m_lock);
    return m_loadError;
}

BaoResult<QString> BaoStore::resetCorrupt()
{
    std::lock_guard writer(m_writeMutex);
    {
        std::shared_lock lock(m_lock);
        if (!m_loadError)
            return QString();
    }
    QString backup;
    for (const QString &path : {m_path, journalPath()}) {
        if (path.isEmpty() || !QFileInfo::exists(path))
            continue;
        const QString target =
            path + QStringLiteral(".corrupt-") +
            QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmsszzzZ"));
        if (!QFile::rename(path, target))
            return bao::baoError(BaoErrorKind::StoreIo, QStringLiteral("cannot move %1 aside").arg(path));
        if (path == m_path)
            backup = target;
    }
    std::unique_lock lock(m_lock);
    m_loadError.reset();
    m_records.clear();
    m_journal.clear();
    return backup;
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

// Writers: serialised by m_writeMutex. They change a copy, persist it, and
// only then swap it in under a short write lock, so readers wait at most for
// the swap, and a failed write leaves both the file and memory as they were.
template <typename Value>
BaoResult<void> BaoStore::commit(Value &current, const std::function<void(Value &)> &change,
                                 const std::function<BaoResult<void>(const Value &)> &persist)
{
    std::lock_guard writer(m_writeMutex);
    if (auto writable = checkWritable(); !writable)
        return writable;
    Value next;
    {
        std::shared_lock lock(m_lock);
        next = current;
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
        m_records, change, [this](const QHash<QString, KeyRecord> &next) -> BaoResult<void> {
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

BaoResult<void> BaoStore::markMissing(const QStringList &missingUids)
{
    return update([&](QHash<QString, KeyRecord> &next) {
        for (KeyRecord &record : next)
            record.missingOnServer = missingUids.contains(record.uid);
    });
}

BaoResult<void> BaoStore::updateJournal(const std::function<void(QHash<QString, QStringList> &)> &change)
{
    return commit<QHash<QString, QStringList>>(
        m_journal, change, [this](const QHash<QString, QStringList> &next) -> BaoResult<void> {
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
