// BaoStore on its own: the versioned 0600 file, atomic replace, one write per
// putMany, the batch journal, and a corrupt file that is reported, never
// overwritten, and moved aside intact only when asked.
#include "core/keyring/BaoStore.h"

#include "core/crypto/CosmosAddress.h"
#include "core/crypto/Hex.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <sys/stat.h>

using baokeys::bao::BaoErrorKind;
using baokeys::keyring::BaoStore;
using baokeys::keyring::KeyRecord;
using baokeys::keyring::KeySource;
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

    void replaceRemoveAndMissing()
    {
        BaoStore store(path());
        QVERIFY(store.load().hasValue());
        QVERIFY(store.putMany({record(QStringLiteral("a")), record(QStringLiteral("b"), 1)}).hasValue());
        KeyRecord renamed = record(QStringLiteral("c"));
        QVERIFY(store.replace(QStringLiteral("a"), renamed).hasValue());
        QVERIFY(!store.contains(QStringLiteral("a")));
        QVERIFY(store.contains(QStringLiteral("c")));
        QVERIFY(store.markMissing({QStringLiteral("b")}).hasValue());
        QVERIFY(store.find(QStringLiteral("b"))->missingOnServer);
        QVERIFY(!store.find(QStringLiteral("c"))->missingOnServer);
        QVERIFY(store.remove(QStringLiteral("b")).hasValue());
        BaoStore reopened(path());
        QVERIFY(reopened.load().hasValue());
        QCOMPARE(reopened.size(), 1);
    }

    void corruptFileIsReportedAndNeverOverwritten_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<BaoErrorKind>("kind");
        QTest::newRow("not json") << QByteArray("{\"format\":\"baokeys-store\",")
                                  << BaoErrorKind::StoreCorrupt;
        QTest::newRow("other format")
            << QByteArray("{\"format\":\"x\",\"version\":1,\"keys\":[]}") << BaoErrorKind::StoreCorrupt;
        QTest::newRow("newer version")
            << QByteArray("{\"format\":\"baokeys-store\",\"version\":99,\"keys\":[]}")
            << BaoErrorKind::StoreCorrupt;
        QTest::newRow("address mismatch")
            << QByteArray(
                   "{\"format\":\"baokeys-store\",\"version\":1,\"keys\":[{\"uid\":\"a\",\"public_key\":"
                   "\"02ac301ef3117116e34df184f20290db6f85a5e13042092c2a36d640242ac02948\",\"address\":"
                   "\"fb94ca1c7ed37bb8e6cf8cdc73c8c5bc7766af23\",\"source\":\"generated\"}]}")
            << BaoErrorKind::StoreCorrupt;
    }

    void corruptFileIsReportedAndNeverOverwritten()
    {
        QFETCH(QByteArray, content);
        QFETCH(BaoErrorKind, kind);
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
        QCOMPARE(store.loadError()->kind, kind);
        QCOMPARE(store.size(), 0);

        auto write = store.put(record(QStringLiteral("a")));
        QVERIFY(!write.hasValue());
        QCOMPARE(write.error().kind, kind);
        QVERIFY(!store.writeJournal(QStringLiteral("b1"), {QStringLiteral("a")}).hasValue());
        QCOMPARE(readAll(path()), content); // untouched

        auto backup = store.resetCorrupt();
        QVERIFY(backup.hasValue());
        QVERIFY(!backup->isEmpty());
        QCOMPARE(readAll(*backup), content); // moved aside intact
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
        QList<QThread *> readers;
        for (int i = 0; i < 3; ++i) {
            readers << QThread::create([&] {
                while (!stop.load()) {
                    if (!store.find(QStringLiteral("stable")))
                        sawMissing = true;
                    (void)store.all();
                    ++reads;
                }
            });
            readers.last()->start();
        }
        for (int i = 0; i < 20; ++i)
            QVERIFY(store.put(record(QStringLiteral("w-%1").arg(i), i % 3)).hasValue());
        stop = true;
        for (QThread *reader : readers) {
            QVERIFY(reader->wait(5000));
            delete reader;
        }
        QVERIFY(!sawMissing.load());
        QVERIFY(reads.load() > 0);
        QCOMPARE(store.size(), 21);
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
