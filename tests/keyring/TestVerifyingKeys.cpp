// VerifyingKeys: the keyring's parsed-once public keys. Each answer must be
// the one parsing the key anew would give, from one thread or many, before
// and after the map starts over.
#include "core/crypto/Hash.h"
#include "core/crypto/Secp256k1.h"
#include "core/crypto/SecureBytes.h"
#include "core/keyring/VerifyingKeys.h"

#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using baokeys::crypto::CryptoErrorKind;
using baokeys::crypto::Secp256k1;
using baokeys::crypto::SecureBytes;
using baokeys::keyring::VerifyingKeys;

namespace {

struct SigningKey {
    QByteArray publicKey;
    QByteArray digest;
    QByteArray signature;
};

// Key i has private key i + 1: distinct, valid, and the same every run.
std::vector<SigningKey> signingKeys(int count)
{
    std::vector<SigningKey> keys;
    for (int i = 0; i < count; ++i) {
        SecureBytes secret(32);
        secret.data()[31] = static_cast<unsigned char>(i + 1);
        SigningKey key;
        key.publicKey = Secp256k1::derivePublicKey(secret).value();
        key.digest = baokeys::crypto::Hash::sha256(QByteArray("message ") + QByteArray::number(i));
        key.signature = Secp256k1::signDigest(secret, key.digest).value();
        keys.push_back(key);
    }
    return keys;
}

} // namespace

class TestVerifyingKeys : public QObject {
    Q_OBJECT

private slots:
    void givesTheParsedKey()
    {
        const auto keys = signingKeys(2);
        VerifyingKeys cache;
        for (int pass = 0; pass < 2; ++pass) { // parsed, then from the map
            auto first = cache.get(keys[0].publicKey);
            QVERIFY(first);
            QCOMPARE(first->compressed(), keys[0].publicKey);
            QVERIFY(Secp256k1::verifyDigest(*first, keys[0].digest, keys[0].signature));
            QVERIFY(!Secp256k1::verifyDigest(*first, keys[1].digest, keys[1].signature));
            QCOMPARE(cache.size(), 1);
        }
    }

    void refusesWhatIsNoKey()
    {
        VerifyingKeys cache;
        const QByteArray offTheCurve = QByteArray(1, '\x02') + QByteArray(32, '\xff');
        for (int pass = 0; pass < 2; ++pass) { // never remembered as a key
            auto parsed = cache.get(offTheCurve);
            QVERIFY(!parsed);
            QCOMPARE(parsed.error().kind, CryptoErrorKind::InvalidPublicKey);
        }
        QVERIFY(!cache.get(QByteArray()));
        QCOMPARE(cache.size(), 0);
    }

    void startsOverPastItsBound()
    {
        const auto keys = signingKeys(7);
        VerifyingKeys cache(3);
        for (int round = 0; round < 3; ++round) {
            for (const SigningKey &key : keys) {
                auto parsed = cache.get(key.publicKey);
                QVERIFY(parsed);
                QCOMPARE(parsed->compressed(), key.publicKey);
                QVERIFY(Secp256k1::verifyDigest(*parsed, key.digest, key.signature));
                QVERIFY(cache.size() <= 3);
            }
        }
    }

    // Eight threads over sixteen keys, with a bound that makes them start the
    // map over while others read it (ThreadSanitizer runs this).
    void manyThreadsAtOnce()
    {
        const auto keys = signingKeys(16);
        VerifyingKeys cache(5);
        std::atomic<int> wrong{0};
        std::vector<std::thread> threads; // std::thread: its join is one ThreadSanitizer sees
        for (int t = 0; t < 8; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < 400; ++i) {
                    const SigningKey &key = keys[std::size_t((i * 7 + t) % 16)];
                    auto parsed = cache.get(key.publicKey);
                    if (!parsed || parsed->compressed() != key.publicKey ||
                        !Secp256k1::verifyDigest(*parsed, key.digest, key.signature))
                        ++wrong;
                }
            });
        }
        for (auto &thread : threads)
            thread.join();
        QCOMPARE(wrong.load(), 0);
    }
};

QTEST_GUILESS_MAIN(TestVerifyingKeys)
#include "TestVerifyingKeys.moc"
