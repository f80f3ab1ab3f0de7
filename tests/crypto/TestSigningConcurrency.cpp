#include "CryptoTestData.h"
#include "core/crypto/Hex.h"
#include "core/crypto/Secp256k1.h"

#include <QJsonArray>
#include <QTest>
#include <atomic>
#include <thread>
#include <vector>

using baokeys::crypto::Secp256k1;
namespace td = baokeys::crypto::testdata;

// The shared libsecp256k1 context is created lazily by whichever thread signs
// first; several threads racing into the first use and then signing at once
// must all get the deterministic (RFC 6979) signatures of the known vectors.
class TestSigningConcurrency : public QObject {
    Q_OBJECT

private slots:
    void parallelSigningIsDeterministic()
    {
        struct Case {
            QString key;
            QByteArray digest;
            QByteArray expected;
        };
        std::vector<Case> cases;
        const QJsonDocument doc = td::readJson(td::cosmosVectorsPath());
        QVERIFY(doc.isObject());
        for (const QJsonValue &v : doc.object().value(QLatin1String("signatures")).toArray()) {
            const QJsonObject s = v.toObject();
            cases.push_back({s.value(QLatin1String("privkey_hex")).toString(),
                             td::hex(s.value(QLatin1String("sha256_hex")).toString()),
                             td::hex(s.value(QLatin1String("signature_hex")).toString())});
        }
        QVERIFY(cases.size() >= 2);

        constexpr int Threads = 4;
        constexpr int SignsPerThread = 200;
        std::atomic<int> ready{0};
        std::atomic<int> good{0};
        std::atomic<int> bad{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < Threads; ++t) {
            threads.emplace_back([&, t] {
                // Start together so the first use of the context is contended.
                ready.fetch_add(1);
                while (ready.load() < Threads)
                    std::this_thread::yield();
                for (int i = 0; i < SignsPerThread; ++i) {
                    const Case &c = cases[std::size_t(t + i) % cases.size()];
                    auto sig = Secp256k1::signDigest(td::secretHex(c.key), c.digest);
                    if (sig && *sig == c.expected)
                        good.fetch_add(1);
                    else
                        bad.fetch_add(1);
                }
            });
        }
        for (auto &th : threads)
            th.join();
        QCOMPARE(bad.load(), 0);
        QCOMPARE(good.load(), Threads * SignsPerThread);
    }
};

QTEST_GUILESS_MAIN(TestSigningConcurrency)
#include "TestSigningConcurrency.moc"
