// Batches against a two-node cluster on loopback whose active node goes
// away mid-batch while the other one takes over: sign items are retried on
// the new active node and complete; creates that were in flight are
// "outcome unknown" and never sent again. Over both batch transports.
//
// How the cluster is made: two embedded signers with the same token. Node B
// starts as a standby of A (--standby-of: health 429, 307 to A). Storage
// replication (Raft in OpenBao) is stood in for by importing the same
// private keys into both nodes before B becomes a standby. Mid-batch A is
// stopped with no grace (its answers in flight are lost, as when a process
// dies) and B is promoted (setStandbyOf({})), as a standby takes the lock.
#include "KeyringTestSupport.h"

#include "core/bao/BaoClient.h"
#include "core/crypto/Secp256k1.h"
#include "core/keyring/BaoKeyring.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QThread>

using baokeys::bao::BaoClient;
using baokeys::bao::BaoErrorKind;
using baokeys::bao::BaoSettings;
using baokeys::bao::HttpTransportKind;
using baokeys::keyring::BaoKeyring;
using baokeys::keyring::CreateBatchRequest;
using baokeys::keyring::SignBatchOptions;
using baokeys::keyring::SignRequest;
using baokeys::signer::FaultSettings;
using baokeys::signer::SignerOptions;
using baokeys::signer::SignerServer;
using namespace std::chrono_literals;
namespace crypto = baokeys::crypto;

namespace {

const QString Token = QStringLiteral("s.cluster-token-0123456789");

std::unique_ptr<SignerServer> startNode()
{
    SignerOptions options;
    options.rootToken = Token;
    options.ioThreads = 4;
    options.shutdownGrace = 0ms; // stop() drops what is in flight: a node that dies
    auto server = std::make_unique<SignerServer>(options);
    if (auto started = server->start(); !started) {
        qWarning("node did not start: %s", qPrintable(started.error().message));
        return nullptr;
    }
    return server;
}

BaoSettings settingsFor(const SignerServer &server)
{
    BaoSettings settings = keyringtest::settingsFor(server);
    settings.token = Token;
    return settings;
}

// Waits until `done` holds or `ms` pass.
template <typename Done> bool waitFor(Done done, int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > ms)
            return false;
        QThread::msleep(5);
    }
    return true;
}

} // namespace

class TestKeyringCluster : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SignerServer> m_a;
    std::unique_ptr<SignerServer> m_b;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<BaoKeyring> m_keyring;

    // The failover: A dies, B takes over.
    void failOver()
    {
        m_a->stop();
        m_b->setStandbyOf({});
    }

private slots:
    void initTestCase_data()
    {
        QTest::addColumn<HttpTransportKind>("transport");
        QTest::newRow("beast") << HttpTransportKind::Beast;
        QTest::newRow("qtnetwork") << HttpTransportKind::QtNetwork;
    }

    void init()
    {
        m_a = startNode();
        QVERIFY(m_a);
        m_b = startNode();
        QVERIFY(m_b);
        m_dir = std::make_unique<QTemporaryDir>();
        BaoSettings cluster = settingsFor(*m_a);
        cluster.address = m_a->address() + QLatin1Char(',') + m_b->address();
        m_keyring = std::make_unique<BaoKeyring>(cluster, m_dir->filePath(QStringLiteral("keys.json")));
    }

    void cleanup()
    {
        m_keyring.reset();
        m_a.reset();
        m_b.reset();
        m_dir.reset();
    }

    void signItemsAreRetriedOnTheNewActiveNode()
    {
        QFETCH_GLOBAL(HttpTransportKind, transport);
        // The same 8 keys on both nodes; the keyring learns them through A.
        BaoClient nodeB(settingsFor(*m_b));
        for (int i = 1; i <= 8; ++i) {
            const QString uid = QStringLiteral("w-%1").arg(i);
            QByteArray raw = QCryptographicHash::hash(uid.toUtf8() + "-cluster", QCryptographicHash::Sha256);
            const crypto::SecureBytes secret = crypto::SecureBytes::takeFrom(raw);
            auto imported = m_keyring->importPrivateKey(uid, secret);
            QVERIFY2(imported.hasValue(), imported ? "" : qPrintable(imported.error().describe()));
            QVERIFY(nodeB.importKey(uid, secret, false).hasValue());
        }
        m_b->setStandbyOf(m_a->address());
        FaultSettings slow;
        slow.latency = 40ms;
        m_a->setFaults(slow);

        QList<SignRequest> requests;
        for (int i = 0; i < 256; ++i)
            requests << SignRequest{QStringLiteral("w-%1").arg(i % 8 + 1), QByteArray::number(i), false};
        SignBatchOptions options;
        options.transport = transport;
        options.parallelism = 16;
        QElapsedTimer timer;
        timer.start();
        auto job = m_keyring->signBatch(requests, options);
        QVERIFY(waitFor([&] { return job.progress->counts().succeeded >= 48; }, 20000));
        failOver();
        const int doneOnA = job.progress->counts().succeeded;
        job.future.waitForFinished();
        const qint64 wallMs = timer.elapsed();
        int signedCount = 0;
        for (const auto &result : job.future.results()) {
            QVERIFY2(result.ok(),
                     result.ok() ? ""
                                 : qPrintable(result.uid + QStringLiteral(": ") + result.error->describe()));
            ++signedCount;
        }
        QCOMPARE(signedCount, 256);
        // Every item A had not answered went to B, those in flight included.
        QVERIFY2(
            m_b->engineRequestCount() >= quint64(256 - doneOnA),
            qPrintable(
                QStringLiteral("%1 on B, %2 answered by A").arg(m_b->engineRequestCount()).arg(doneOnA)));
        qInfo("256 signatures across a failover: %llu on B, %lld ms wall",
              static_cast<unsigned long long>(m_b->engineRequestCount()), wallMs);
        // Later requests go to B straight away.
        const quint64 before = m_b->engineRequestCount();
        QVERIFY(m_keyring->sign(QStringLiteral("w-1"), "after").hasValue());
        QCOMPARE(m_b->engineRequestCount(), before + 1);
    }

    void createsInFlightAreOutcomeUnknownAndNeverResent()
    {
        QFETCH_GLOBAL(HttpTransportKind, transport);
        m_b->setStandbyOf(m_a->address());
        FaultSettings slow;
        slow.latency = 300ms;
        m_a->setFaults(slow);
        CreateBatchRequest request;
        request.prefix = QStringLiteral("c");
        request.count = 24;
        request.parallelism = 4;
        request.transport = transport;
        auto job = m_keyring->createBatch(request);
        QVERIFY2(job.hasValue(), job ? "" : qPrintable(job.error().describe()));
        // Four creates are in flight on A (held back 300 ms) when it dies.
        QVERIFY(waitFor([&] { return job->progress->counts().succeeded >= 4; }, 20000));
        QThread::msleep(100);
        failOver();
        job->future.waitForFinished();
        int unknown = 0;
        int created = 0;
        BaoClient nodeB(settingsFor(*m_b));
        for (const auto &result : job->future.results()) {
            if (result.ok()) {
                ++created;
                continue;
            }
            QVERIFY2(result.error->kind == BaoErrorKind::OutcomeUnknown,
                     qPrintable(result.uid + QStringLiteral(": ") + result.error->describe()));
            ++unknown;
            // Never sent again: the new active node does not have it.
            auto onB = nodeB.readKey(result.uid);
            QVERIFY(!onB.hasValue());
            QCOMPARE(onB.error().kind, BaoErrorKind::NotFound);
        }
        QVERIFY2(unknown >= 1, "no create was in flight when the node died");
        QVERIFY2(created > 4, "no create went to the new active node");
        qInfo("24 creates across a failover: %d created, %d outcome unknown", created, unknown);
    }

    // Every node gone and none coming back: each item waited out an election
    // of its own (about 4 s), so 64 items 4 at a time took over a minute to
    // fail. One wait in vain now tells the others: the batch fails in about
    // the time of one election, every item with its typed error.
    void batchAgainstAClusterThatIsDownFailsFast_data()
    {
        QTest::addColumn<bool>("standbyLeft");
        QTest::newRow("every node gone") << false;
        // Still answering, and redirecting every request to the dead node.
        QTest::newRow("a standby of the dead node left") << true;
    }

    void batchAgainstAClusterThatIsDownFailsFast()
    {
        QFETCH_GLOBAL(HttpTransportKind, transport);
        QFETCH(bool, standbyLeft);
        auto imported = m_keyring->newAccount(QStringLiteral("w-1"));
        QVERIFY2(imported.hasValue(), imported ? "" : qPrintable(imported.error().describe()));
        m_b->setStandbyOf(m_a->address());
        m_a->stop();
        if (!standbyLeft)
            m_b->stop();

        QList<SignRequest> requests;
        for (int i = 0; i < 64; ++i)
            requests << SignRequest{QStringLiteral("w-1"), QByteArray::number(i), false};
        SignBatchOptions options;
        options.transport = transport;
        options.parallelism = 4;
        QElapsedTimer timer;
        timer.start();
        auto job = m_keyring->signBatch(requests, options);
        job.future.waitForFinished();
        const qint64 wallMs = timer.elapsed();
        int failed = 0;
        for (const auto &result : job.future.results()) {
            QVERIFY(!result.ok());
            QVERIFY2(result.error->kind == BaoErrorKind::Transport,
                     qPrintable(result.uid + QStringLiteral(": ") + result.error->describe()));
            ++failed;
        }
        QCOMPARE(failed, 64);
        qInfo("64 signatures against a cluster that is down: all failed in %lld ms", wallMs);
        // One election's wait (at most about 5 s), not one per wave of 4.
        QVERIFY2(wallMs < 15000, qPrintable(QStringLiteral("%1 ms").arg(wallMs)));
    }
};

QTEST_GUILESS_MAIN(TestKeyringCluster)
#include "TestKeyringCluster.moc"
