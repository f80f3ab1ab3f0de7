// BaoStore on its own: the versioned 0600 file, atomic replace, one write per
// putMany, the batch journal, a corrupt file that is reported, never
// overwritten, and moved aside intact (alone) only when asked, paths that are
// no regular file, and the owner-only folders the store creates.
#include "core/keyring/BaoStore.h"

#include "FileSizeLimit.h"

#include "core/crypto/CosmosAddress.h"
#include "core/crypto/Hex.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <future>
#include <memory>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <vector>

using baokeys::bao::BaoErrorKind;
using baokeys::keyring::BaoStore;
using baokeys::keyring::KeyRecord;
using baokeys::keyring::KeySource;
using baokeys::testsupport::FileSizeLimit;
namespace crypto = baokeys::crypto;

namespace {

// The shared vector keys' public keys: real points with known addresses.
const QStringList PublicKeys = {
    QStringLiteral("02ac301ef3117116e34df184f20290db6f85a5e13042092c2a36d640242ac02948"),
    QStringLiteral("0225a79e2ba0a7db5ca37e68b41f50cd0aa296c4073c2c3574ae0f27645e812548"),
    QStringLiteral("03765dd43a4a494a29f028c1f00b5e833e3a657ed615d5d0a03ab20c20294bf438"),
};

KeyRecord record(const QString &uid, int keyIndex = 0, KeySource source = KeySource::Generated)
{
    KeyRecord record;
    record.uid = uid;
    record.publicKey = crypto::Hex::decode(PublicKeys.at(keyIndex)).value();
    record.address = crypto::CosmosAddress::fromPublicKey(record.publicKey);
    record.exportable = keyIndex % 2 == 1;
    record.createdAt = QDateTime(QDate(2026, 11, 27), QTime(1, 2, 3, 456), Qt::UTC);
    record.source = source;
    record.keyPath = QStringLiteral("secp256k1/keys/") + uid;
    return record;
}

// The exact POSIX mode bits (Qt's permission flags mix owner and "user").
int modeOf(const QString &path)
{
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 0777);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// What is at `path` (symlinks followed), in the words of the store's errors.
QString kindAt(const QString &path)
{
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return QStringLiteral("nothing");
    if (S_ISFIFO(info.st_mode))
        return QStringLiteral("a FIFO");
    if (S_ISCHR(info.st_mode))
        return QStringLiteral("a device");
    if (S_ISDIR(info.st_mode))
        return QStringLiteral("a folder");
    return S_ISREG(info.st_mode) ? QStringLiteral("a regular file") : QStringLiteral("something else");
}

// Puts `kind` at `path`. A device is a symlink to /dev/null: anyone can make
// one, and the store follows symlinks.
bool makeNode(const QString &kind, const QString &path)
{
    if (kind == QLatin1String("a FIFO"))
        return ::mkfifo(QFile::encodeName(path).constData(), 0600) == 0;
    if (kind == QLatin1String("a device"))
        return QFile::link(QStringLiteral("/dev/null"), path);
    return kind == QLatin1String("a folder") && QDir().mkdir(path);
}

// Every name in `folder`, FIFOs and links included.
QStringList namesIn(const QString &folder)
{
    return QDir(folder).entryList(QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot,
                                  QDir::Name);
}

// store.load(), which must not wait: a FIFO's reader waits for a writer
// forever. Past the deadline this opens the FIFO's write end itself (and
// closes it) so the reader returns, and says so through `blocked`.
baokeys::bao::BaoResult<void> loadWithoutWaiting(BaoStore &store, const QString &fifo, bool *blocked)
{
    std::packaged_task<baokeys::bao::BaoResult<void>()> task([&store] { return store.load(); });
    auto result = task.get_future();
    std::thread loader(std::move(task));
    *blocked = result.wait_for(std::chrono::seconds(2)) != std::future_status::ready;
    while (result.wait_for(std::chrono::milliseconds(50)) != std::future_status::ready) {
        const int writer = ::open(QFile::encodeName(fifo).constData(), O_WRONLY | O_NONBLOCK);
        if (writer >= 0)
            ::close(writer);
    }
    loader.join();
    return result.get();
}

// The process umask for one scope (umask is process-wide: single-threaded tests only).
class UmaskFor {
public:
    explicit UmaskFor(mode_t mask) : m_old(::umask(mask)) {}
    ~UmaskFor() { ::umask(m_old); }
    UmaskFor(const UmaskFor &) = delete;
    UmaskFor &operator=(const UmaskFor &) = delete;

private:
    mode_t m_old;
};

} // namespace

class TestBaoStore : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path() const { return m_dir->filePath(QStringLiteral("keys.json")); }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void missingFileIsEmpty()
    {
        BaoStore store(path());
        QVERIFY(store.load().hasValue());
        QCOMPARE(store.size(), 0);
        QVERIFY(!QFile::exists(path())); // nothing written until there is something to keep
    }

    void roundTripIsVersionedAndOwnerOnly()
    {
        {
            BaoStore store(path());
            QVERIFY(store.load().hasValue());
            QVERIFY(store.put(record(QStringLiteral("alice"), 0, KeySource::Imported)).hasValue());
            QVERIFY(store.put(record(QStringLiteral("bob"), 1, KeySource::Synced)).hasValue());
        }
        QCOMPARE(modeOf(path()), 0600);
        const QJsonObject root = QJsonDocument::fromJson(readAll(path())).object();
        QCOMPARE(root.value(QStringLiteral("format")).toString(), QStringLiteral("baokeys-store"));
        QCOMPARE(root.value(QStringLiteral("version")).toInt(), BaoStore::FormatVersion);

        BaoStore reopened(path());
        QVERIFY(reopened.load().hasValue());
        QCOMPARE(reopened.size(), 2);
        QCOMPARE(*reopened.find(QStringLiteral("alice")),
                 record(QStringLiteral("alice"), 0, KeySource::Imported));
        QCOMPARE(*reopened.find(QStringLiteral("bob")), record(QStringLiteral("bob"), 1, KeySource::Synced));
        const KeyRecord bob = *reopened.findByAddress(record(QStringLiteral("x"), 1).address);
        QCOMPARE(bob.uid, QStringLiteral("bob"));
        QCOMPARE(bob.bech32(QStringLiteral("celestia")),
                 QStringLiteral("celestia1lw2v58r76dam3ek03nw88jx9h3mkdterar8u5l"));
        QCOMPARE(bob.bech32(QStringLiteral("cosmos")),
                 QStringLiteral("cosmos1lw2v58r76dam3ek03nw88jx9h3mkdtervfkvwj"));
        QCOMPARE(reopened.all().first().uid, QStringLiteral("alice"));
    }

    void putManyIsOneWrite()
    {
        BaoStore store(path());
        QVERIFY(store.load().hasValue());
        QList<KeyRecord> batch;
        for (int i = 1; i <= 500; ++i)
            batch << record(QStringLiteral("blob-worker-%1").arg(i), i % 3);
        const quint64 before = store.fileWrites();
        QVERIFY(store.putMany(batch).hasValue());
        QCOMPARE(store.fileWrites() - before, quint64(1));
        BaoStore reopened(path());
        QVERIFY(reopened.load().hasValue());
        QCOMPARE(reopened.size(), 500);
    }

    // A write that fails half-way (here the file-size limit, as a full disk
    // would) names the system's reason, keeps the file as it was and leaves
    // no temporary file behind. The reason used to read "Writing canceled by
    // application".
    void aFailedWriteNamesTheReasonAndKeepsTheFile()
    {
        BaoStore store(path());
        QVERIFY(store.load().hasValue());
        QVERIFY(store.put(record(QStringLiteral("kept"), 1)).hasValue());
        const QByteArray before = readAll(path());
        const QStringList namesBefore = namesIn(m_dir->path());
        QList<KeyRecord> batch;
        for (int i = 1; i <= 500; ++i)
            batch << record(QStringLiteral("blob-worker-%1").arg(i), i % 3);
        baokeys::bao::BaoResult<void> written;
        {
            FileSizeLimit limit(32 * 1024); // the batch's file is larger
            written = store.putMany(batch);
        }
        QVERIFY(!written.hasValue());
        QCOMPARE(written.error().kind, BaoErrorKind::StoreIo);
        QVERIFY2(written.error().message.contains(QString::fromLocal8Bit(strerror(EFBIG))),
                 qPrintable(written.error().message));
        QCOMPARE(readAll(path()), before);
        QCOMPARE(namesIn(m_dir->path()), namesBefore);
        BaoStore reopened(path());
        QVERIFY(reopened.load().hasValue());
        QVERIFY(reopened.find(QStringLiteral("kept")).has_value());
    }

    void replaceRemoveAndMissing()
    {
        BaoStore store(path());
        QVERIFY(store.load().hasValue());
        QVERIFY(store.putMany({record(QStringLiteral("a")), record(QStringLiteral("b"), 1)}).hasValue());
        KeyRecord renamed = record(QStringLiteral("c"));
        QVERIFY(store.replace(QStringLiteral("a"), renamed).hasValue());
        QVERIFY(!store.contains(QStringLiteral("a")));
        QVERIFY(store.contains(QStringLiteral("c")));
        QVERIFY(store.markServerState({QStringLiteral("b")}, {QStringLiteral("c")}).hasValue());
        QVERIFY(store.find(QStringLiteral("b"))->missingOnServer);
        QVERIFY(!store.find(QStringLiteral("b"))->replacedOnServer);
        QVERIFY(!store.find(QStringLiteral("c"))->missingOnServer);
        QVERIFY(store.find(QStringLiteral("c"))->replacedOnServer);
        QVERIFY(store.remove(QStringLiteral("b")).hasValue());
        BaoStore reopened(path());
        QVERIFY(reopened.load().hasValue());
        QCOMPARE(reopened.size(), 1);
        QVERIFY(reopened.find(QStringLiteral("c"))->replacedOnServer); // kept in the file
        QVERIFY(store.markServerState({}, {}).hasValue());
        QVERIFY(store.find(QStringLiteral("c"))->heldByServer());
    }

    void corruptFileIsReportedAndNeverOverwritten_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<BaoErrorKind>("kind");
        QTest::addColumn<QString>("names"); // what the error must name
        const QByteArray head = "{\"format\":\"baokeys-store\",\"version\":1,";
        // One valid entry with one field replaced: `field` set to `value`
        // (a JSON text), or left out when `value` is empty.
        const auto entry = [](const QByteArray &field, const QByteArray &value) {
            QList<QPair<QByteArray, QByteArray>> fields{
                {"uid", "\"a\""},
                {"public_key", "\"02ac301ef3117116e34df184f20290db6f85a5e13042092c2a36d640242ac02948\""},
                {"address", "\"0d551ff871ec2bb563f64ab29aa091c47dfcc346\""},
                {"exportable", "false"},
                {"created_at", "\"2026-11-27T01:02:03.456Z\""},
                {"source", "\"generated\""},
                {"key_path", "\"secp256k1/keys/a\""}};
            QByteArrayList parts;
            bool replaced = false;
            for (const auto &[name, text] : fields) {
                if (name == field) {
                    replaced = true;
                    if (!value.isEmpty())
                        parts << "\"" + name + "\":" + value;
                } else {
                    parts << "\"" + name + "\":" + text;
                }
            }
            if (!replaced && !value.isEmpty())
                parts << "\"" + field + "\":" + value;
            return "{" + parts.join(',') + "}";
        };
        QTest::newRow("not json") << QByteArray("{\"format\":\"baokeys-store\",")
                                  << BaoErrorKind::StoreCorrupt << QStringLiteral("not valid JSON");
        QTest::newRow("an array") << QByteArray("[]") << BaoErrorKind::StoreCorrupt
                                  << QStringLiteral("top level is an array");
        QTest::newRow("other format")
            << QByteArray("{\"format\":\"x\",\"version\":1,\"keys\":[]}") << BaoErrorKind::StoreCorrupt
            << QStringLiteral("not a BaoKeys key store");
        QTest::newRow("version a string")
            << QByteArray("{\"format\":\"baokeys-store\",\"version\":\"1\",\"keys\":[]}")
            << BaoErrorKind::StoreCorrupt << QStringLiteral("version a string");
        QTest::newRow("keys an object") << head + "\"keys\":{}}" << BaoErrorKind::StoreCorrupt
                                        << QStringLiteral("keys is an object, not an array");
        QTest::newRow("keys a string") << head + "\"keys\":\"a\"}" << BaoErrorKind::StoreCorrupt
                                       << QStringLiteral("keys is a string, not an array");
        QTest::newRow("keys null") << head + "\"keys\":null}" << BaoErrorKind::StoreCorrupt
                                   << QStringLiteral("keys is null, not an array");
        QTest::newRow("keys missing") << QByteArray("{\"format\":\"baokeys-store\",\"version\":1}")
                                      << BaoErrorKind::StoreCorrupt << QStringLiteral("keys is missing");
        QTest::newRow("entry a number") << head + "\"keys\":[1]}" << BaoErrorKind::StoreCorrupt
                                        << QStringLiteral("keys[0] is a number, not an object");
        QTest::newRow("exportable a string")
            << head + "\"keys\":[" + entry("exportable", "\"yes\"") + "]}" << BaoErrorKind::StoreCorrupt
            << QStringLiteral("keys[0].exportable is a string, not true/false");
        QTest::newRow("created_at a number")
            << head + "\"keys\":[" + entry("created_at", "123") + "]}" << BaoErrorKind::StoreCorrupt
            << QStringLiteral("keys[0].created_at is a number, not a string");
        QTest::newRow("created_at not a time")
            << head + "\"keys\":[" + entry("created_at", "\"yesterday\"") + "]}" << BaoErrorKind::StoreCorrupt
            << QStringLiteral("created_at 'yesterday'");
        QTest::newRow("uid missing") << head + "\"keys\":[" + entry("uid", "") + "]}"
                                     << BaoErrorKind::StoreCorrupt
                                     << QStringLiteral("keys[0].uid is missing");
        QTest::newRow("missing_on_server a number")
            << head + "\"keys\":[" + entry("missing_on_server", "1") + "]}" << BaoErrorKind::StoreCorrupt
            << QStringLiteral("keys[0].missing_on_server is a number");
        QTest::newRow("replaced_on_server a string")
            << head + "\"keys\":[" + entry("replaced_on_server", "\"yes\"") + "]}"
            << BaoErrorKind::StoreCorrupt << QStringLiteral("keys[0].replaced_on_server is a string");
        QTest::newRow("a name twice")
            << head + "\"keys\":[" + entry("uid", "\"a\"") + "," + entry("uid", "\"a\"") + "]}"
            << BaoErrorKind::StoreCorrupt << QStringLiteral("'a' is there twice");
        QTest::newRow("address mismatch")
            << head + "\"keys\":[" + entry("address", "\"fb94ca1c7ed37bb8e6cf8cdc73c8c5bc7766af23\"") + "]}"
            << BaoErrorKind::StoreCorrupt << QStringLiteral("address does not match");
    }

    void corruptFileIsReportedAndNeverOverwritten()
    {
        QFETCH(QByteArray, content);
        QFETCH(BaoErrorKind, kind);
        QFETCH(QString, names);
        {
            QFile file(path());
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
        }
        BaoStore store(path());
        auto loaded = store.load();
        QVERIFY(!loaded.hasValue());
        QCOMPARE(loaded.error().kind, kind);
        QVERIFY(loaded.error().message.contains(path()));
        QVERIFY2(loaded.error().message.contains(names), qPrintable(loaded.error().message));
        QCOMPARE(store.loadError()->kind, kind);
        QCOMPARE(store.size(), 0);

        auto write = store.put(record(QStringLiteral("a")));
        QVERIFY(!write.hasValue());
        QCOMPARE(write.error().kind, kind);
        QVERIFY(!store.writeJournal(QStringLiteral("b1"), {QStringLiteral("a")}).hasValue());
        QCOMPARE(readAll(path()), content); // untouched

        auto backup = store.resetCorrupt();
        QVERIFY(backup.hasValue());
        QVERIFY(!backup->store.isEmpty());
        QCOMPARE(readAll(backup->store), content); // moved aside intact
        QVERIFY(store.put(record(QStringLiteral("a"))).hasValue());
        QVERIFY(!store.loadError());
    }

    void unreadableFileIsStoreIo()
    {
        {
            QFile file(path());
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("{}");
        }
        QFile::setPermissions(path(), QFileDevice::Permissions());
        if (QFile(path()).open(QIODevice::ReadOnly))
            QSKIP("running as root: permissions are not enforced");
        BaoStore store(path());
        auto loaded = store.load();
        QVERIFY(!loaded.hasValue());
        QCOMPARE(loaded.error().kind, BaoErrorKind::StoreIo);
    }

    void journalSurvivesReopen()
    {
        {
            BaoStore store(path());
            QVERIFY(store.load().hasValue());
            QVERIFY(
                store.writeJournal(QStringLiteral("batch-1"), {QStringLiteral("w-1"), QStringLiteral("w-2")})
                    .hasValue());
            QVERIFY(store.writeJournal(QStringLiteral("batch-2"), {QStringLiteral("w-3")}).hasValue());
            QVERIFY(store.clearJournal(QStringLiteral("batch-2")).hasValue());
        }
        QCOMPARE(modeOf(path() + QStringLiteral(".journal")), 0600);
        BaoStore reopened(path());
        QVERIFY(reopened.load().hasValue());
        QCOMPARE(reopened.journalUids(), (QStringList{QStringLiteral("w-1"), QStringLiteral("w-2")}));
        QVERIFY(reopened.clearAllJournals().hasValue());
        QVERIFY(!QFile::exists(path() + QStringLiteral(".journal")));
    }

    void readersRunWhileWritersWrite()
    {
        BaoStore store(path());
        QVERIFY(store.load().hasValue());
        QVERIFY(store.put(record(QStringLiteral("stable"))).hasValue());
        std::atomic<bool> stop{false};
        std::atomic<int> reads{0};
        std::atomic<bool> sawMissing{false};
        // std::thread, joined: ThreadSanitizer sees a join, not QThread::wait()
        // (a futex in the uninstrumented Qt), so the stack these threads read
        // is not reported as raced when a later test reuses it.
        std::vector<std::thread> readers;
        for (int i = 0; i < 3; ++i) {
            readers.emplace_back([&] {
                while (!stop.load()) {
                    if (!store.find(QStringLiteral("stable")))
                        sawMissing = true;
                    (void)store.all();
                    ++reads;
                }
            });
        }
        int written = 0;
        for (int i = 0; i < 20; ++i)
            written += store.put(record(QStringLiteral("w-%1").arg(i), i % 3)).hasValue() ? 1 : 0;
        stop = true;
        for (std::thread &reader : readers)
            reader.join();
        QCOMPARE(written, 20);
        QVERIFY(!sawMissing.load());
        QVERIFY(reads.load() > 0);
        QCOMPARE(store.size(), 21);
    }

    void aValidEntryLoads()
    {
        // The entry the corrupt rows above alter, unaltered: it loads.
        QFile file(path());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            "{\"format\":\"baokeys-store\",\"version\":1,\"keys\":[{\"uid\":\"a\",\"public_key\":"
            "\"02ac301ef3117116e34df184f20290db6f85a5e13042092c2a36d640242ac02948\",\"address\":"
            "\"0d551ff871ec2bb563f64ab29aa091c47dfcc346\",\"exportable\":false,\"created_at\":"
            "\"2026-11-27T01:02:03.456Z\",\"source\":\"generated\",\"key_path\":\"secp256k1/keys/a\"}]}");
        file.close();
        BaoStore store(path());
        auto loaded = store.load();
        QVERIFY2(loaded.hasValue(), loaded ? "" : qPrintable(loaded.error().message));
        QCOMPARE(store.size(), 1);
    }

    void journalOfWrongShapeIsRefused()
    {
        QFile file(path() + QStringLiteral(".journal"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"format\":\"baokeys-journal\",\"version\":1,\"batches\":{\"b1\":[\"a\",7]}}");
        file.close();
        BaoStore store(path());
        auto loaded = store.load();
        QVERIFY(!loaded.hasValue());
        QVERIFY2(loaded.error().message.contains(QStringLiteral("batches.b1 holds a number")),
                 qPrintable(loaded.error().message));
    }

    void journalNameThatIsNoKeyNameIsRefused()
    {
        QFile file(path() + QStringLiteral(".journal"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            "{\"format\":\"baokeys-journal\",\"version\":1,\"batches\":{\"b1\":[\"w-1\",\"../sys/seal\"]}}");
        file.close();
        BaoStore store(path());
        auto loaded = store.load();
        QVERIFY(!loaded.hasValue());
        QCOMPARE(loaded.error().kind, BaoErrorKind::StoreCorrupt);
        QVERIFY2(loaded.error().message.contains(QStringLiteral("'../sys/seal', not a valid key name")),
                 qPrintable(loaded.error().message));
    }

    void aFileBeyondTheSizeBoundIsRefused()
    {
        // Sparse: 64 MiB and a byte of nothing, read only up to the bound.
        {
            QFile file(path());
            QVERIFY(file.open(QIODevice::WriteOnly));
            QVERIFY(file.resize((qint64(64) << 20) + 1));
        }
        BaoStore store(path());
        auto loaded = store.load();
        QVERIFY(!loaded.hasValue());
        QCOMPARE(loaded.error().kind, BaoErrorKind::StoreCorrupt);
        QVERIFY2(loaded.error().message.contains(QStringLiteral("larger than 64 MiB")),
                 qPrintable(loaded.error().message));
    }

    void aCorruptJournalIsSetAsideAloneAndTheStoreKeepsItsRecords()
    {
        {
            BaoStore store(path());
            QVERIFY(store.load().hasValue());
            QVERIFY(store
                        .putMany({record(QStringLiteral("made"), 0, KeySource::Generated),
                                  record(QStringLiteral("brought"), 1, KeySource::Imported)})
                        .hasValue());
        }
        const QByteArray storeBytes = readAll(path());
        const QByteArray torn("{\"format\":\"baokeys-journal\",\"version\":1,\"batches\":{");
        QVERIFY(writeAll(path() + QStringLiteral(".journal"), torn));

        BaoStore store(path());
        auto loaded = store.load();
        QVERIFY(!loaded.hasValue());
        QCOMPARE(loaded.error().kind, BaoErrorKind::StoreCorrupt);
        QVERIFY2(loaded.error().message.contains(path() + QStringLiteral(".journal")),
                 qPrintable(loaded.error().message));

        QVERIFY(store.resetCorrupt().hasValue());
        QCOMPARE(readAll(path()), storeBytes); // the store file stays where it is, as it was
        const QStringList aside = QDir(m_dir->path()).entryList({QStringLiteral("*.corrupt-*")});
        QCOMPARE(aside.size(), 1);
        QVERIFY2(aside.first().startsWith(QStringLiteral("keys.json.journal.corrupt-")),
                 qPrintable(aside.first()));
        QCOMPARE(readAll(m_dir->filePath(aside.first())), torn);
        QVERIFY(!store.loadError());
        QCOMPARE(store.size(), 2);
        QCOMPARE(*store.find(QStringLiteral("made")),
                 record(QStringLiteral("made"), 0, KeySource::Generated));
        QCOMPARE(*store.find(QStringLiteral("brought")),
                 record(QStringLiteral("brought"), 1, KeySource::Imported));
        QVERIFY(store.journalUids().isEmpty());
        QVERIFY(store.put(record(QStringLiteral("after"), 2)).hasValue());
    }

    // A file a newer BaoKeys wrote (a format version this build does not
    // read) is not damaged: it is refused as such, and resetCorrupt() - what
    // a sync calls - leaves it where it is instead of setting it aside and
    // rebuilding an older file in its place. Store and journal alike.
    void aFileFromANewerVersionIsNeverMovedAside_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("store") << QStringLiteral("keys.json")
                               << QByteArray("{\"format\":\"baokeys-store\",\"version\":2,\"keys\":[]}");
        QTest::newRow("journal") << QStringLiteral("keys.json.journal")
                                 << QByteArray(
                                        "{\"format\":\"baokeys-journal\",\"version\":7,\"batches\":{}}");
    }

    void aFileFromANewerVersionIsNeverMovedAside()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        const QString written = m_dir->filePath(file);
        QVERIFY(writeAll(written, content));
        BaoStore store(path());
        auto loaded = store.load();
        QVERIFY(!loaded.hasValue());
        QCOMPARE(loaded.error().kind, BaoErrorKind::StoreTooNew);
        QVERIFY2(loaded.error().message.contains(written) &&
                     loaded.error().message.contains(QLatin1String("newer")),
                 qPrintable(loaded.error().message));
        QCOMPARE(store.put(record(QStringLiteral("a"))).error().kind, BaoErrorKind::StoreTooNew);

        auto reset = store.resetCorrupt();
        QVERIFY(!reset.hasValue());
        QCOMPARE(reset.error().kind, BaoErrorKind::StoreTooNew);
        QCOMPARE(readAll(written), content);
        QVERIFY(QDir(m_dir->path()).entryList({QStringLiteral("*.corrupt-*")}).isEmpty());
        QCOMPARE(store.loadError()->kind, BaoErrorKind::StoreTooNew); // still refusing writes
    }

    void aCorruptStoreKeepsAGoodJournal()
    {
        QVERIFY(writeAll(path(), "{\"format\":\"baokeys-store\","));
        QVERIFY(writeAll(path() + QStringLiteral(".journal"),
                         "{\"format\":\"baokeys-journal\",\"version\":1,\"batches\":{\"b1\":[\"w-1\"]}}"));
        BaoStore store(path());
        QVERIFY(!store.load().hasValue());
        QVERIFY(store.resetCorrupt().hasValue());
        QCOMPARE(QDir(m_dir->path()).entryList({QStringLiteral("*.corrupt-*")}).size(), 1);
        // The names of the interrupted create are still there to recover.
        QCOMPARE(store.journalUids(), QStringList{QStringLiteral("w-1")});
        QVERIFY(QFileInfo::exists(path() + QStringLiteral(".journal")));
    }

    void aStorePathThatIsNoRegularFileIsRefusedUnreadAndNeverMoved_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("a FIFO") << QStringLiteral("a FIFO");
        QTest::newRow("a device") << QStringLiteral("a device");
        QTest::newRow("a folder") << QStringLiteral("a folder");
    }

    void aStorePathThatIsNoRegularFileIsRefusedUnreadAndNeverMoved()
    {
        QFETCH(QString, kind);
        QVERIFY(makeNode(kind, path()));
        BaoStore store(path());
        bool blocked = false;
        auto loaded = loadWithoutWaiting(store, path(), &blocked);
        QVERIFY2(!blocked, "load() waited for a writer on the FIFO");
        QVERIFY(!loaded.hasValue());
        QVERIFY2(loaded.error().kind == BaoErrorKind::StoreIo, qPrintable(loaded.error().message));
        QVERIFY2(loaded.error().message.contains(path() + QStringLiteral(" is ") + kind +
                                                 QStringLiteral(", not a regular file")),
                 qPrintable(loaded.error().message));
        QVERIFY(!store.put(record(QStringLiteral("a"))).hasValue());

        auto reset = store.resetCorrupt();
        QVERIFY(!reset.hasValue());
        QCOMPARE(reset.error().kind, BaoErrorKind::StoreIo);
        QCOMPARE(kindAt(path()), kind); // still there, still what it was
        QCOMPARE(namesIn(m_dir->path()), QStringList{QStringLiteral("keys.json")}); // nothing moved or made
    }

    void aJournalThatIsNoRegularFileIsRefused()
    {
        {
            BaoStore store(path());
            QVERIFY(store.load().hasValue());
            QVERIFY(store.put(record(QStringLiteral("kept"))).hasValue());
        }
        const QString journal = path() + QStringLiteral(".journal");
        QVERIFY(makeNode(QStringLiteral("a FIFO"), journal));
        {
            BaoStore store(path());
            bool blocked = false;
            auto loaded = loadWithoutWaiting(store, journal, &blocked);
            QVERIFY2(!blocked, "load() waited for a writer on the journal FIFO");
            QVERIFY(!loaded.hasValue());
            QVERIFY2(loaded.error().message.contains(journal + QStringLiteral(" is a FIFO")),
                     qPrintable(loaded.error().message));
            QVERIFY(!store.resetCorrupt().hasValue());
            QCOMPARE(kindAt(journal), QStringLiteral("a FIFO"));
            QCOMPARE(kindAt(path()), QStringLiteral("a regular file"));
        }
    }

    void aLockThatIsNoRegularFileIsRefused()
    {
        {
            BaoStore store(path());
            QVERIFY(store.load().hasValue());
            QVERIFY(store.put(record(QStringLiteral("kept"))).hasValue());
        }
        const QString lock = path() + QStringLiteral(".lock");
        QVERIFY(QFile::remove(lock));
        QVERIFY(makeNode(QStringLiteral("a FIFO"), lock));
        BaoStore store(path());
        QVERIFY(store.load().hasValue());
        auto written = store.put(record(QStringLiteral("more"), 1));
        QVERIFY(!written.hasValue());
        QCOMPARE(written.error().kind, BaoErrorKind::StoreIo);
        QVERIFY2(written.error().message.contains(lock + QStringLiteral(" is a FIFO")),
                 qPrintable(written.error().message));
        QCOMPARE(kindAt(lock), QStringLiteral("a FIFO"));
    }

    void aStoreReachedThroughASymlinkStillWorks()
    {
        const QString real = m_dir->filePath(QStringLiteral("real.json"));
        QVERIFY(QFile::link(real, path()));
        {
            BaoStore store(path());
            QVERIFY(store.load().hasValue());
            QVERIFY(store.put(record(QStringLiteral("linked"))).hasValue());
        }
        QVERIFY(QFileInfo(path()).isSymLink());
        QVERIFY(readAll(real).contains("linked"));
        BaoStore reopened(path());
        QVERIFY(reopened.load().hasValue());
        QCOMPARE(reopened.size(), 1);
    }

    void foldersTheStoreCreatesAreOwnerOnly()
    {
        const QString existing = m_dir->filePath(QStringLiteral("existing"));
        QVERIFY(QDir().mkdir(existing));
        QCOMPARE(::chmod(QFile::encodeName(existing).constData(), 0755), 0);
        const QString file = existing + QStringLiteral("/new/sub/keys.json");
        {
            const UmaskFor open(0);
            BaoStore store(file);
            QVERIFY(store.load().hasValue());
            QVERIFY(store.put(record(QStringLiteral("a"))).hasValue());
            QVERIFY(store.writeJournal(QStringLiteral("b1"), {QStringLiteral("b")}).hasValue());
        }
        QCOMPARE(modeOf(existing + QStringLiteral("/new")), 0700);
        QCOMPARE(modeOf(existing + QStringLiteral("/new/sub")), 0700);
        QCOMPARE(modeOf(existing), 0755); // there before: left as it was
        QCOMPARE(modeOf(file), 0600);
        QCOMPARE(modeOf(file + QStringLiteral(".journal")), 0600);
    }

    void twoStoresOnOneFileKeepEachOthersWrites()
    {
        // Two stores on one file stand for two processes: each loaded before
        // the other wrote, and each writes from many threads at once.
        BaoStore first(path());
        BaoStore second(path());
        QVERIFY(first.load().hasValue());
        QVERIFY(second.load().hasValue());
        constexpr int PerThread = 10;
        std::vector<std::thread> threads; // joined: see readersRunWhileWritersWrite
        std::atomic<int> failures{0};
        for (int t = 0; t < 4; ++t) {
            BaoStore &store = t % 2 == 0 ? first : second;
            threads.emplace_back([&store, &failures, t] {
                for (int i = 0; i < PerThread; ++i) {
                    if (!store.put(record(QStringLiteral("t%1-%2").arg(t).arg(i), i % 3)).hasValue())
                        ++failures;
                    if (!store.writeJournal(QStringLiteral("j%1-%2").arg(t).arg(i), {QStringLiteral("x")})
                             .hasValue())
                        ++failures;
                }
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        QCOMPARE(failures.load(), 0);
        BaoStore reopened(path());
        QVERIFY(reopened.load().hasValue());
        QCOMPARE(reopened.size(), 4 * PerThread);
        // A writer also takes in what the other wrote.
        QVERIFY(first.put(record(QStringLiteral("last"))).hasValue());
        QCOMPARE(first.size(), 4 * PerThread + 1);
        QVERIFY(first.clearAllJournals().hasValue());
        QVERIFY(!QFileInfo::exists(path() + QStringLiteral(".journal")));
    }

    void inMemoryStoreWritesNothing()
    {
        BaoStore store(QString{});
        QVERIFY(store.load().hasValue());
        QVERIFY(store.put(record(QStringLiteral("a"))).hasValue());
        QCOMPARE(store.fileWrites(), quint64(0));
        QCOMPARE(store.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestBaoStore)
#include "TestBaoStore.moc"
