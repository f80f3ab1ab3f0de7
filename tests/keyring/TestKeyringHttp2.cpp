// Batches over HTTPS, as against a production OpenBao: the lanes send their
// requests as HTTP/2 streams over a few shared connections when the server
// offers HTTP/2, and over a connection each (HTTP/1.1) when it does not.
// Timings, cancellation and every item's own result are those of the
// HTTP/1.1 lanes; what changes is the number of connections (and TLS
// handshakes), counted from /proc.
#include "KeyringTestSupport.h"
#include "LoopbackCertificate.h"
#include "LoopbackConnections.h"

#include "core/crypto/Secp256k1.h"
#include "core/keyring/BaoKeyring.h"
#include "core/signer/SignerServer.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrl>

using namespace baokeys;
using namespace baokeys::keyring;
using baokeys::bao::BaoErrorKind;
using baokeys::signer::FaultSettings;
using baokeys::signer::SignerOptions;
using baokeys::signer::SignerServer;
using baokeys::testsupport::connectionsTo;
using namespace std::chrono_literals;

namespace {

// Generous bounds for a shared machine; sanitizers slow everything down.
qint64 bound(qint64 ms)
{
#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
    return ms * 3;
#else
    return ms;
#endif
}

} // namespace

class TestKeyringHttp2 : public QObject {
    Q_OBJECT

private:
    baokeys::testsupport::LoopbackCertificate m_certificate;
    std::unique_ptr<SignerServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<BaoKeyring> m_keyring;

    void startOverHttps(bool serverSpeaksHttp2)
    {
        SignerOptions options;
        options.tlsCertFile = m_certificate.certificateFile();
        options.tlsKeyFile = m_certificate.keyFile();
        options.http2 = serverSpeaksHttp2;
        options.ioThreads = 2;
        m_server = std::make_unique<SignerServer>(options);
        auto started = m_server->start();
        QVERIFY2(started.hasValue(), started ? "" : qPrintable(started.error().message));
        bao::BaoSettings settings = keyringtest::settingsFor(*m_server);
        QVERIFY(settings.address.startsWith(QLatin1String("https://")));
        settings.caCertFile = m_certificate.certificateFile();
        m_dir = std::make_unique<QTemporaryDir>();
        m_keyring = std::make_unique<BaoKeyring>(settings, m_dir->filePath(QStringLiteral("keys.json")));
    }

    quint16 port() const { return quint16(QUrl(m_server->address()).port()); }
    // Connections open now that were not in `before` (the creates' own, kept
    // by their threads, are not the batch lanes').
    int newConnections(const QSet<QString> &before) const
    {
        return int((connectionsTo(port()) - before).size());
    }

    void createWorkers(const QString &prefix, int count)
    {
        keyringtest::createWorkers(*m_keyring, prefix, count);
    }

    QList<SignRequest> signRequests(const QString &prefix, int count)
    {
        QList<SignRequest> requests;
        for (int i = 1; i <= count; ++i)
            requests << SignRequest{QStringLiteral("%1-%2").arg(prefix).arg(i), QByteArray::number(i), false};
        return requests;
    }

    // Signs all of `requests` at 200 ms of latency and checks every signature.
    qint64 signAllAtOneLatency(const QList<SignRequest> &requests)
    {
        FaultSettings faults;
        faults.latency = 200ms;
        m_server->setFaults(faults);
        QElapsedTimer timer;
        timer.start();
        auto job = m_keyring->signBatch(requests);
        job.future.waitForFinished();
        const qint64 elapsed = timer.elapsed();
        const auto results = job.future.results();
        if (results.size() != requests.size())
            return -1;
        for (const auto &result : results) {
            if (!result.ok() ||
                !crypto::Secp256k1::verifyDigest(m_keyring->key(result.signature->uid)->publicKey,
                                                 result.signature->digest, result.signature->signature))
                return -1;
        }
        return elapsed;
    }

private slots:
    void initTestCase() { QVERIFY2(m_certificate.create(), qPrintable(m_certificate.error())); }

    void cleanup()
    {
        m_keyring.reset();
        m_server.reset();
        m_dir.reset();
    }

    // 128 lanes, all in flight at one latency: about 200 ms, as over
    // HTTP/1.1, but over a handful of connections instead of 128 (and as
    // many TLS handshakes). The lanes keep them warm afterwards.
    void aBatchSharesAFewConnections()
    {
        startOverHttps(true);
        createWorkers(QStringLiteral("h2"), 128);
        const QSet<QString> before = connectionsTo(port());
        const qint64 elapsed = signAllAtOneLatency(signRequests(QStringLiteral("h2"), 128));
        QVERIFY2(elapsed >= 0, "a signature is missing or does not verify");
        QVERIFY2(elapsed < bound(700), qPrintable(QStringLiteral("128 x 200 ms took %1 ms").arg(elapsed)));
        const int connections = newConnections(before);
        QVERIFY2(connections >= 1 && connections <= 4,
                 qPrintable(QStringLiteral("%1 connections").arg(connections)));

        // The next batch reuses them.
        const qint64 again = signAllAtOneLatency(signRequests(QStringLiteral("h2"), 128));
        QVERIFY2(again >= 0 && again < bound(600), qPrintable(QStringLiteral("%1 ms").arg(again)));
        QCOMPARE(newConnections(before), connections);
    }

    // A server that declines HTTP/2 (an HTTP/1.1 proxy in front of OpenBao)
    // gets what it got before: a connection per lane, the same results.
    void aServerWithoutHttp2GetsAConnectionPerLane()
    {
        startOverHttps(false);
        createWorkers(QStringLiteral("h1"), 32);
        const QSet<QString> before = connectionsTo(port());
        const qint64 elapsed = signAllAtOneLatency(signRequests(QStringLiteral("h1"), 32));
        QVERIFY2(elapsed >= 0, "a signature is missing or does not verify");
        QVERIFY2(elapsed < bound(700), qPrintable(QStringLiteral("32 x 200 ms took %1 ms").arg(elapsed)));
        const int connections = newConnections(before);
        QVERIFY2(connections >= 16, qPrintable(QStringLiteral("%1 connections").arg(connections)));
    }

    // Cancelling resets the streams in flight: every item says it was
    // cancelled, at once, and the next batch goes out over a few connections again.
    void cancellingResetsTheStreamsOnly()
    {
        startOverHttps(true);
        createWorkers(QStringLiteral("c"), 20);
        const QSet<QString> before = connectionsTo(port());
        FaultSettings faults;
        faults.latency = 400ms;
        m_server->setFaults(faults);
        QElapsedTimer timer;
        timer.start();
        auto job = m_keyring->signBatch(signRequests(QStringLiteral("c"), 20));
        QThread::msleep(150);
        job.progress->cancel();
        job.future.waitForFinished();
        const qint64 elapsed = timer.elapsed();
        const auto results = job.future.results();
        QCOMPARE(results.size(), 20);
        for (const auto &result : results) {
            QVERIFY(!result.ok());
            QCOMPARE(result.error->kind, BaoErrorKind::Cancelled);
        }
        QVERIFY2(elapsed < bound(380), qPrintable(QStringLiteral("cancel took until %1 ms").arg(elapsed)));

        const qint64 next = signAllAtOneLatency(signRequests(QStringLiteral("c"), 20));
        QVERIFY2(next >= 0, "the batch after a cancel failed");
        const int connections = newConnections(before);
        QVERIFY2(connections >= 1 && connections <= 4,
                 qPrintable(QStringLiteral("%1 connections").arg(connections)));
    }
};

QTEST_GUILESS_MAIN(TestKeyringHttp2)
#include "TestKeyringHttp2.moc"
