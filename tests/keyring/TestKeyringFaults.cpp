// BaoKeyring against servers that misbehave (tests/support): a signer that
// lies (wrong signature, wrong public key, another key, high-S) is a security
// fault and never a result; garbage JSON, 5xx, sealed, dropped connections and
// timeouts reach the caller as their typed errors, per batch item, without
// hiding the items that succeeded.
#include "FakeBaoServer.h"
#include "KeyringFolder.h"
#include "MiniEngine.h"

#include "core/crypto/Secp256k1.h"
#include "core/keyring/BaoKeyring.h"

#include <QTest>

#include <atomic>
#include <memory>

using baokeys::bao::BaoErrorKind;
using baokeys::bao::BaoSettings;
using baokeys::keyring::BaoKeyring;
using baokeys::keyring::CreateBatchRequest;
using baokeys::keyring::KeySource;
using baokeys::keyring::ServerNameCheck;
using baokeys::keyring::SignRequest;
using baokeys::testsupport::FakeBaoServer;
using baokeys::testsupport::FakeRequest;
using baokeys::testsupport::FakeResponse;
using baokeys::testsupport::KeyringFolder;
using baokeys::testsupport::MiniEngine;

Q_DECLARE_METATYPE(MiniEngine::Lie)
Q_DECLARE_METATYPE(FakeResponse)
Q_DECLARE_METATYPE(BaoErrorKind)

class TestKeyringFaults : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<MiniEngine> m_engine;
    std::unique_ptr<FakeBaoServer> m_server;
    std::unique_ptr<KeyringFolder> m_folder;
    std::unique_ptr<BaoKeyring> m_keyring;

    void openKeyring(int timeoutMs = 5000)
    {
        BaoSettings settings;
        settings.address = m_server->address();
        settings.token = QStringLiteral("t");
        settings.timeout = std::chrono::milliseconds(timeoutMs);
        m_keyring.reset();
        m_keyring = m_folder->open(settings);
    }

    // Answers `fault` for sign requests to `key`, the engine for the rest.
    void faultOnSign(const QString &key, const FakeResponse &fault)
    {
        MiniEngine *engine = m_engine.get();
        m_server->setHandler([engine, key, fault](const FakeRequest &request) {
            if (request.path.endsWith(QStringLiteral("/sign/") + key))
                return fault;
            return engine->handle(request);
        });
    }

private slots:
    void init()
    {
        m_engine = std::make_unique<MiniEngine>();
        m_server = std::make_unique<FakeBaoServer>(m_engine->handler());
        QVERIFY(m_server->start());
        m_folder = std::make_unique<KeyringFolder>();
        QVERIFY(m_folder->isValid());
        openKeyring();
        QVERIFY(m_keyring->newAccount(QStringLiteral("k1")).hasValue());
        QVERIFY(m_keyring->newAccount(QStringLiteral("k2")).hasValue());
        QVERIFY(m_keyring->newAccount(QStringLiteral("k3")).hasValue());
    }

    void cleanup()
    {
        m_keyring.reset();
        m_server.reset();
        m_engine.reset();
        m_folder.reset();
    }

    void honestEngineSigns()
    {
        auto signature = m_keyring->sign(QStringLiteral("k1"), "honest");
        QVERIFY2(signature.hasValue(), signature ? "" : qPrintable(signature.error().describe()));
    }

    void lyingSignerIsASecurityFault_data()
    {
        QTest::addColumn<MiniEngine::Lie>("lie");
        QTest::newRow("signature over another message") << MiniEngine::Lie::WrongSignature;
        QTest::newRow("another public key") << MiniEngine::Lie::WrongPublicKey;
        QTest::newRow("signed by another key") << MiniEngine::Lie::OtherKeySigns;
        QTest::newRow("high-S") << MiniEngine::Lie::HighS;
        QTest::newRow("a public key off the curve") << MiniEngine::Lie::KeyOffTheCurve;
    }

    void lyingSignerIsASecurityFault()
    {
        QFETCH(MiniEngine::Lie, lie);
        m_engine->setLie(lie);
        auto signature = m_keyring->sign(QStringLiteral("k1"), "pay 1000 utia");
        QVERIFY(!signature.hasValue());
        QCOMPARE(signature.error().kind, BaoErrorKind::SecurityFault);

        auto job = m_keyring->signBatch(
            {SignRequest{QStringLiteral("k1"), "a", false}, SignRequest{QStringLiteral("k2"), "b", false}});
        job.future.waitForFinished();
        for (const auto &result : job.future.results()) {
            QVERIFY(!result.signature.has_value()); // never handed out
            QCOMPARE(result.error->kind, BaoErrorKind::SecurityFault);
        }
    }

    void serverFaultsPerItem_data()
    {
        QTest::addColumn<FakeResponse>("fault");
        QTest::addColumn<BaoErrorKind>("kind");
        QTest::newRow("garbage json")
            << FakeResponse::raw(200, "{\"data\": {\"signature\": ") << BaoErrorKind::MalformedAnswer;
        QTest::newRow("500") << FakeResponse::errors(500, {QStringLiteral("internal error")})
                             << BaoErrorKind::ServerError;
        QTest::newRow("sealed") << FakeResponse::errors(503, {QStringLiteral("Vault is sealed")})
                                << BaoErrorKind::Sealed;
        QTest::newRow("rate limited")
            << FakeResponse::errors(429, {QStringLiteral("rate limit")}) << BaoErrorKind::RateLimited;
        QTest::newRow("dropped connection") << FakeResponse::drop() << BaoErrorKind::Transport;
        QTest::newRow("no answer") << FakeResponse::hang() << BaoErrorKind::Timeout;
    }

    void serverFaultsPerItem()
    {
        QFETCH(FakeResponse, fault);
        QFETCH(BaoErrorKind, kind);
        openKeyring(400);
        faultOnSign(QStringLiteral("k2"), fault);
        auto job = m_keyring->signBatch({SignRequest{QStringLiteral("k1"), "a", false},
                                         SignRequest{QStringLiteral("k2"), "b", false},
                                         SignRequest{QStringLiteral("k3"), "c", false}});
        job.future.waitForFinished();
        const auto results = job.future.results();
        QCOMPARE(results.size(), 3);
        QVERIFY(results.at(0).ok());
        QVERIFY(!results.at(1).ok());
        QCOMPARE(results.at(1).error->kind, kind);
        QVERIFY(results.at(2).ok());
        QCOMPARE(job.progress->counts().failed, 1);
        QCOMPARE(job.progress->counts().succeeded, 2);
    }

    void createBatchStopsWhenTheListFails()
    {
        MiniEngine *engine = m_engine.get();
        m_server->setHandler([engine](const FakeRequest &request) {
            if (request.method == "LIST")
                return FakeResponse::errors(503, {QStringLiteral("Vault is sealed")});
            return engine->handle(request);
        });
        const int before = m_server->requestCount();
        CreateBatchRequest request;
        request.prefix = QStringLiteral("batch");
        request.count = 3;
        request.serverCheck = ServerNameCheck::ListFirst; // the all-or-nothing LIST before any create
        auto job = m_keyring->createBatch(request);
        QVERIFY(job.hasValue());
        job->future.waitForFinished();
        // The LIST, asked again while the node says sealed (a bounded number
        // of times: it is safe to repeat), and nothing else.
        const auto requests = m_server->requests().mid(before);
        QVERIFY(!requests.isEmpty() && requests.size() <= 5);
        for (const FakeRequest &sent : requests)
            QCOMPARE(sent.method, QByteArray("LIST"));
        QCOMPARE(job->progress->preflightError()->kind, BaoErrorKind::Sealed);
        for (const auto &result : job->future.results())
            QCOMPARE(result.error->kind, BaoErrorKind::Sealed);
        QVERIFY(!m_engine->hasKey(QStringLiteral("batch-1")));
        QVERIFY(m_keyring->store().journalUids().isEmpty());
    }

    void createBatchKeepsTheKeysThatWereMade()
    {
        MiniEngine *engine = m_engine.get();
        m_server->setHandler([engine](const FakeRequest &request) {
            if (request.path.endsWith(QLatin1String("/keys/made-2")) && request.method == "POST")
                return FakeResponse::errors(500, {QStringLiteral("storage failure")});
            return engine->handle(request);
        });
        CreateBatchRequest request;
        request.prefix = QStringLiteral("made");
        request.count = 3;
        auto job = m_keyring->createBatch(request);
        QVERIFY(job.hasValue());
        job->future.waitForFinished();
        const auto results = job->future.results();
        QVERIFY(results.at(0).ok());
        // A 500 does not say whether the key was made: outcome unknown, kept
        // in the journal for the next run to settle.
        QCOMPARE(results.at(1).error->kind, BaoErrorKind::OutcomeUnknown);
        QVERIFY(results.at(2).ok());
        QVERIFY(m_keyring->key(QStringLiteral("made-1")));
        QVERIFY(!m_keyring->key(QStringLiteral("made-2")));
        QVERIFY(m_keyring->key(QStringLiteral("made-3")));
        QCOMPARE(m_keyring->store().journalUids(), QStringList{QStringLiteral("made-2")});
        // The same batch again finds no such key on the server and makes it.
        m_server->setHandler([engine](const FakeRequest &request) { return engine->handle(request); });
        request.skipStored = true;
        auto again = m_keyring->createBatch(request);
        QVERIFY2(again.hasValue(), again ? "" : qPrintable(again.error().describe()));
        again->future.waitForFinished();
        QCOMPARE(again->future.results().size(), 1);
        QVERIFY(again->future.results().at(0).ok());
        QVERIFY(m_keyring->key(QStringLiteral("made-2")));
        QVERIFY(m_keyring->store().journalUids().isEmpty());
    }

    // The create reaches the engine, which makes the key, but its answer is
    // lost: dropped (`delayMs` 0), later than the client's timeout, or
    // replaced on the way back (`answerStatus`: a gateway's 504, a 2xx that
    // cannot be read). The item is outcome unknown and stays in the journal;
    // the same batch again adopts the key, and never sent the create twice.
    void lostCreateAnswerIsAdoptedByTheSameBatchAgain_data()
    {
        QTest::addColumn<int>("delayMs");
        QTest::addColumn<int>("answerStatus"); // 0: the engine's answer, dropped or late
        QTest::addColumn<int>("serverCheck");
        QTest::newRow("dropped connection") << 0 << 0 << int(ServerNameCheck::ByEngine);
        QTest::newRow("dropped connection, LIST first") << 0 << 0 << int(ServerNameCheck::ListFirst);
        QTest::newRow("slower than the timeout") << 1500 << 0 << int(ServerNameCheck::ByEngine);
        QTest::newRow("504 from a gateway") << 0 << 504 << int(ServerNameCheck::ByEngine);
        QTest::newRow("200 that cannot be read") << 0 << 200 << int(ServerNameCheck::ByEngine);
    }

    void lostCreateAnswerIsAdoptedByTheSameBatchAgain()
    {
        QFETCH(int, delayMs);
        QFETCH(int, answerStatus);
        QFETCH(int, serverCheck);
        openKeyring(500);
        MiniEngine *engine = m_engine.get();
        auto creates = std::make_shared<std::atomic<int>>(0);
        m_server->setHandler([engine, delayMs, answerStatus, creates](const FakeRequest &request) {
            FakeResponse answer = engine->handle(request); // the key is made either way
            if (request.method == "POST" && request.path.endsWith(QLatin1String("/keys/w-2"))) {
                if (creates->fetch_add(1) == 0) {
                    if (answerStatus != 0)
                        return FakeResponse::raw(answerStatus, "<html>upstream</html>");
                    if (delayMs == 0)
                        return FakeResponse::drop();
                    answer.delayMs = delayMs;
                }
            }
            return answer;
        });
        CreateBatchRequest request;
        request.prefix = QStringLiteral("w");
        request.count = 3;
        request.serverCheck = ServerNameCheck(serverCheck);
        auto job = m_keyring->createBatch(request);
        QVERIFY(job.hasValue());
        job->future.waitForFinished();
        auto results = job->future.results();
        QVERIFY(results.at(0).ok());
        QVERIFY(results.at(1).error);
        QVERIFY2(results.at(1).error->kind == BaoErrorKind::OutcomeUnknown,
                 qPrintable(results.at(1).error->describe()));
        QVERIFY(results.at(2).ok());
        QVERIFY(engine->hasKey(QStringLiteral("w-2")));
        QVERIFY(!m_keyring->key(QStringLiteral("w-2")));
        QCOMPARE(m_keyring->store().journalUids(), QStringList{QStringLiteral("w-2")});

        request.skipStored = true; // the same batch again
        auto again = m_keyring->createBatch(request);
        QVERIFY2(again.hasValue(), again ? "" : qPrintable(again.error().describe()));
        again->future.waitForFinished();
        results = again->future.results();
        QCOMPARE(results.size(), 1);
        QVERIFY2(results.at(0).ok(), results.at(0).ok() ? "" : qPrintable(results.at(0).error->describe()));
        QCOMPARE(results.at(0).uid, QStringLiteral("w-2"));
        QCOMPARE(m_keyring->list().size(), 3 + 3); // k1..k3 and w-1..w-3
        QVERIFY(m_keyring->store().journalUids().isEmpty());
        QCOMPARE(creates->load(), 1); // adopted, never created twice
        // And the adopted key is the engine's: it signs and verifies.
        QVERIFY(m_keyring->sign(QStringLiteral("w-2"), "m").hasValue());
    }

    void lostAnswerToANewAccountIsAdoptedByTheSameCallAgain_data()
    {
        QTest::addColumn<FakeResponse>("lostAs");
        QTest::newRow("dropped connection") << FakeResponse::drop();
        QTest::newRow("500") << FakeResponse::errors(500, {QStringLiteral("internal error")});
        QTest::newRow("502 from a gateway") << FakeResponse::raw(502, "<html>bad gateway</html>");
    }

    void lostAnswerToANewAccountIsAdoptedByTheSameCallAgain()
    {
        QFETCH(FakeResponse, lostAs);
        MiniEngine *engine = m_engine.get();
        auto creates = std::make_shared<std::atomic<int>>(0);
        m_server->setHandler([engine, creates, lostAs](const FakeRequest &request) {
            FakeResponse answer = engine->handle(request); // the key is made either way
            if (request.method == "POST" && request.path.endsWith(QLatin1String("/keys/solo")) &&
                creates->fetch_add(1) == 0)
                return lostAs;
            return answer;
        });
        auto first = m_keyring->newAccount(QStringLiteral("solo"));
        QVERIFY(!first.hasValue());
        QCOMPARE(first.error().kind, BaoErrorKind::OutcomeUnknown);
        QCOMPARE(m_keyring->store().journalUids(), QStringList{QStringLiteral("solo")});
        auto again = m_keyring->newAccount(QStringLiteral("solo"));
        QVERIFY2(again.hasValue(), again ? "" : qPrintable(again.error().describe()));
        QCOMPARE(creates->load(), 1);
        QVERIFY(m_keyring->store().journalUids().isEmpty());
        QVERIFY(m_keyring->sign(QStringLiteral("solo"), "m").hasValue());
    }

    // An import whose answer was lost: the same import again adopts the key
    // the server made (it was refused as "already exists"), recorded as
    // imported; a sync recovers it as imported too. Another key under the
    // name is not adopted.
    void lostAnswerToAnImportIsAdoptedByTheSameCallAgain()
    {
        MiniEngine *engine = m_engine.get();
        auto imports = std::make_shared<std::atomic<int>>(0);
        m_server->setHandler([engine, imports](const FakeRequest &request) {
            FakeResponse answer = engine->handle(request); // the key is made either way
            if (request.method == "POST" && request.path.endsWith(QLatin1String("/import"))) {
                imports->fetch_add(1);
                return FakeResponse::drop(); // every import's answer is lost
            }
            return answer;
        });
        const QString hex =
            QStringLiteral("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
        auto first = m_keyring->importPrivateKey(QStringLiteral("imp"), hex);
        QVERIFY(!first.hasValue());
        QCOMPARE(first.error().kind, BaoErrorKind::OutcomeUnknown);
        auto again = m_keyring->importPrivateKey(QStringLiteral("imp"), hex);
        QVERIFY2(again.hasValue(), again ? "" : qPrintable(again.error().describe()));
        QCOMPARE(again->source, KeySource::Imported);
        QCOMPARE(imports->load(), 1); // adopted, never imported twice
        QVERIFY(m_keyring->store().journalUids().isEmpty());
        QVERIFY(m_keyring->sign(QStringLiteral("imp"), "m").hasValue());

        // Lost again under another name, then settled by a sync.
        QVERIFY(!m_keyring->importPrivateKey(QStringLiteral("imp-2"), hex).hasValue());
        auto synced = m_keyring->sync();
        QVERIFY2(synced.hasValue(), synced ? "" : qPrintable(synced.error().describe()));
        QCOMPARE(m_keyring->key(QStringLiteral("imp-2"))->source, KeySource::Imported);

        // A lost import whose name the server holds for another key.
        QVERIFY(!m_keyring
                     ->importPrivateKey(
                         QStringLiteral("imp-3"),
                         QStringLiteral("0000000000000000000000000000000000000000000000000000000000000002"))
                     .hasValue()); // dropped: outcome unknown, the engine holds 0x…02 under imp-3
        auto other = m_keyring->importPrivateKey(QStringLiteral("imp-3"), hex);
        QVERIFY(!other.hasValue());
        QVERIFY2(other.error().kind == BaoErrorKind::AlreadyExists, qPrintable(other.error().describe()));
        QVERIFY(!m_keyring->key(QStringLiteral("imp-3")));
    }

    // Cancel stops the creates not yet sent; those in flight get their answer
    // and are kept, so the store holds every key the server made.
    void cancelLetsCreatesInFlightFinish()
    {
        MiniEngine *engine = m_engine.get();
        m_server->setHandler([engine](const FakeRequest &request) {
            FakeResponse answer = engine->handle(request);
            if (request.method == "POST")
                answer.delayMs = 400;
            return answer;
        });
        CreateBatchRequest request;
        request.prefix = QStringLiteral("c");
        request.count = 8;
        request.parallelism = 2;
        auto job = m_keyring->createBatch(request);
        QVERIFY(job.hasValue());
        QTest::qWait(150); // the first two are in flight
        job->progress->cancel();
        job->future.waitForFinished();
        int made = 0;
        for (const auto &result : job->future.results()) {
            if (result.ok()) {
                ++made;
                QVERIFY(engine->hasKey(result.uid));
                QVERIFY(m_keyring->key(result.uid));
            } else {
                QCOMPARE(result.error->kind, BaoErrorKind::Cancelled);
                QVERIFY2(!engine->hasKey(result.uid),
                         qPrintable(result.uid + QStringLiteral(" was made but reported cancelled")));
            }
        }
        QVERIFY2(made >= 1 && made < 8, qPrintable(QString::number(made)));
        QVERIFY(m_keyring->store().journalUids().isEmpty());
    }

    void lyingCreateIsRefused()
    {
        // The answer's address does not belong to its public key.
        m_server->setHandler([](const FakeRequest &) {
            return FakeResponse::data(
                {{QStringLiteral("name"), QStringLiteral("liar")},
                 {QStringLiteral("public_key"),
                  QStringLiteral("02ac301ef3117116e34df184f20290db6f85a5e13042092c2a36d640242ac02948")},
                 {QStringLiteral("address"), QStringLiteral("fb94ca1c7ed37bb8e6cf8cdc73c8c5bc7766af23")}});
        });
        auto created = m_keyring->newAccount(QStringLiteral("liar"));
        QVERIFY(!created.hasValue());
        QCOMPARE(created.error().kind, BaoErrorKind::MalformedAnswer);
        QVERIFY(!m_keyring->key(QStringLiteral("liar")));
    }
};

QTEST_GUILESS_MAIN(TestKeyringFaults)
#include "TestKeyringFaults.moc"
