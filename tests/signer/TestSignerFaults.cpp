// Injected latency, jitter, per-key latency, failures and the sealed start,
// from the in-process API, measured over real HTTP. The 256-in-flight case
// proves a delayed request holds no thread (the server runs 2 I/O threads).
#include "ParallelRequests.h"
#include "SignerHttp.h"
#include "core/signer/SignerServer.h"

#include <QElapsedTimer>
#include <QTest>
#include <algorithm>

using baokeys::signer::FaultSettings;
using baokeys::signer::SignerOptions;
using baokeys::signer::SignerServer;
using namespace std::chrono_literals;

class TestSignerFaults : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SignerServer> m_server;
    std::unique_ptr<SignerHttp> m_http;

    qint64 timedSign(const QString &key, int *status = nullptr)
    {
        QElapsedTimer t;
        t.start();
        const HttpResult r = m_http->post(QStringLiteral("secp256k1/sign/") + key,
                                          QJsonObject{{QStringLiteral("input"), QStringLiteral("aGk=")}});
        if (status)
            *status = r.status;
        return t.elapsed();
    }

private slots:
    void init()
    {
        SignerOptions options;
        options.rootToken = QStringLiteral("faults-token");
        m_server = std::make_unique<SignerServer>(options);
        QVERIFY(m_server->start().hasValue());
        m_http = std::make_unique<SignerHttp>(m_server->address(), m_server->rootToken());
        for (const char *name : {"fast", "slow", "worker"})
            QCOMPARE(m_http->post(QStringLiteral("secp256k1/keys/") + QLatin1String(name), {}).status, 200);
        timedSign(QStringLiteral("fast")); // warm the connection
    }

    void cleanup()
    {
        m_http.reset();
        m_server.reset();
    }

    void settingsRoundTrip()
    {
        FaultSettings f;
        f.latency = 123ms;
        f.latencyJitter = 7ms;
        f.keyLatency.insert(QStringLiteral("slow"), 456ms);
        f.failRate = 0.25;
        m_server->setFaults(f);
        const FaultSettings back = m_server->faults();
        QCOMPARE(back.latency, 123ms);
        QCOMPARE(back.latencyJitter, 7ms);
        QCOMPARE(back.keyLatency.value(QStringLiteral("slow")), 456ms);
        QCOMPARE(back.failRate, 0.25);
    }

    void latencyDelaysEngineAnswersOnly()
    {
        const qint64 before = timedSign(QStringLiteral("fast"));
        QVERIFY2(before < 150, qPrintable(QString::number(before)));
        FaultSettings f;
        f.latency = 300ms;
        m_server->setFaults(f);
        int status = 0;
        const qint64 slow = timedSign(QStringLiteral("fast"), &status);
        QCOMPARE(status, 200);
        QVERIFY2(slow >= 290 && slow < 1500, qPrintable(QString::number(slow)));
        // System paths are not the engine: not delayed.
        QElapsedTimer t;
        t.start();
        QCOMPARE(m_http->get(QStringLiteral("sys/health")).status, 200);
        QVERIFY(t.elapsed() < 250);
        m_server->setFaults({});
        QVERIFY(timedSign(QStringLiteral("fast")) < 250);
    }

    void perKeyLatencyReplacesGlobal()
    {
        FaultSettings f;
        f.latency = 0ms;
        f.keyLatency.insert(QStringLiteral("slow"), 500ms);
        m_server->setFaults(f);
        const qint64 fast = timedSign(QStringLiteral("fast"));
        const qint64 slow = timedSign(QStringLiteral("slow"));
        QVERIFY2(fast < 250, qPrintable(QString::number(fast)));
        QVERIFY2(slow >= 490 && slow < 2000, qPrintable(QString::number(slow)));
        // Reads of that key are engine requests for it too.
        QElapsedTimer t;
        t.start();
        QCOMPARE(m_http->get(QStringLiteral("secp256k1/keys/slow")).status, 200);
        QVERIFY(t.elapsed() >= 490);
    }

    void jitterSpreadsTheDelay()
    {
        FaultSettings f;
        f.latency = 200ms;
        f.latencyJitter = 100ms;
        m_server->setFaults(f);
        QList<QByteArray> requests;
        for (int i = 0; i < 40; ++i)
            requests << signRequest("secp256k1", "worker", "faults-token");
        const ParallelResult r = runParallel(m_server->port(), requests);
        QVERIFY(std::all_of(r.statuses.begin(), r.statuses.end(), [](int s) { return s == 200; }));
        const qint64 first = *std::min_element(r.finishedMs.begin(), r.finishedMs.end());
        const qint64 last = *std::max_element(r.finishedMs.begin(), r.finishedMs.end());
        // Uniform in [100, 300] ms: 40 draws spread well over 40 ms, none under 100 ms.
        QVERIFY2(first >= 95, qPrintable(QString::number(first)));
        QVERIFY2(last - first >= 40, qPrintable(QStringLiteral("%1..%2").arg(first).arg(last)));
        QVERIFY2(last < 1500, qPrintable(QString::number(last)));
    }

    void failRateAnswers500()
    {
        FaultSettings f;
        f.failRate = 1.0;
        m_server->setFaults(f);
        for (int i = 0; i < 5; ++i) {
            const HttpResult r = m_http->post(QStringLiteral("secp256k1/sign/fast"),
                                              {{QStringLiteral("input"), QStringLiteral("aGk=")}});
            QCOMPARE(r.status, 500);
            QCOMPARE(r.errors().size(), 1);
            QCOMPARE(r.contentType, QByteArray("application/json"));
        }
        // Not the system paths.
        QCOMPARE(m_http->get(QStringLiteral("auth/token/lookup-self")).status, 200);

        f.failRate = 0.5;
        m_server->setFaults(f);
        int failed = 0;
        const int total = 200;
        for (int i = 0; i < total; ++i) {
            int status = 0;
            timedSign(QStringLiteral("fast"), &status);
            QVERIFY(status == 200 || status == 500);
            failed += status == 500 ? 1 : 0;
        }
        // Binomial(200, 0.5): mean 100, sd ~7; these bounds are ~7 sd wide.
        QVERIFY2(failed > 50 && failed < 150, qPrintable(QString::number(failed)));

        m_server->setFaults({});
        for (int i = 0; i < 20; ++i) {
            int status = 0;
            timedSign(QStringLiteral("fast"), &status);
            QCOMPARE(status, 200);
        }
    }

    void delayedRequestsHoldNoThread()
    {
        FaultSettings f;
        f.latency = 200ms;
        m_server->setFaults(f);
        const quint64 before = m_server->engineRequestCount();
        QList<QByteArray> requests;
        for (int i = 0; i < 256; ++i)
            requests << signRequest("secp256k1", "worker", "faults-token");
        const ParallelResult r = runParallel(m_server->port(), requests);
        const int ok = int(std::count(r.statuses.begin(), r.statuses.end(), 200));
        QCOMPARE(ok, 256);
        QCOMPARE(m_server->engineRequestCount() - before, quint64(256));
        const qint64 first = *std::min_element(r.finishedMs.begin(), r.finishedMs.end());
        qInfo("256 requests at 200 ms injected latency on 2 I/O threads: first %lld ms, all %lld ms", first,
              r.totalMs);
        QVERIFY2(first >= 195, qPrintable(QString::number(first)));
        // Serialised on 2 threads this would take 256 * 200 / 2 ms = 25.6 s.
        // Sanitizers slow every request 5-15x; their bound still proves no
        // thread waits out a delay.
#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
        const qint64 bound = 3000;
#else
        const qint64 bound = 700;
#endif
        QVERIFY2(r.totalMs < bound, qPrintable(QString::number(r.totalMs)));
    }

    void startSealed()
    {
        SignerOptions options;
        options.startSealed = true;
        SignerServer sealedServer(options);
        QVERIFY(sealedServer.start().hasValue());
        QVERIFY(sealedServer.isSealed());
        SignerHttp http(sealedServer.address(), sealedServer.rootToken());
        const HttpResult r = http.post(QStringLiteral("secp256k1/keys/k"), {});
        QCOMPARE(r.status, 503);
        QCOMPARE(r.errors(), QStringList{QStringLiteral("Vault is sealed")});
        QCOMPARE(http.send("GET", QStringLiteral("sys/health"), {}, {}, false).status, 503);
        QVERIFY(sealedServer.unseal(sealedServer.unsealKey()));
        QCOMPARE(http.post(QStringLiteral("secp256k1/keys/k"), {}).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestSignerFaults)
#include "TestSignerFaults.moc"
