#include "core/crypto/Hash.h"
#include "core/crypto/Hex.h"

#include <QTest>
#include <openssl/evp.h>

namespace Hash = baokeys::crypto::Hash;
namespace Hex = baokeys::crypto::Hex;

// Published test vectors: FIPS 180-2 (SHA-256 "abc"), the RIPEMD-160 paper,
// the Keccak team's / Ethereum's Keccak-256, RFC 4231 (HMAC-SHA512) and the
// PBKDF2-HMAC-SHA512 vectors widely used alongside RFC 6070.
class TestHash : public QObject {
    Q_OBJECT

private slots:
    void sha256()
    {
        QCOMPARE(Hex::encode(Hash::sha256("abc")),
                 QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QCOMPARE(Hex::encode(Hash::sha256({})),
                 QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }

    void ripemd160()
    {
        QCOMPARE(Hex::encode(Hash::ripemd160({})),
                 QStringLiteral("9c1185a5c5e9fc54612808977ee8f548b2258d31"));
        QCOMPARE(Hex::encode(Hash::ripemd160("abc")),
                 QStringLiteral("8eb208f7e05d987a9b044a8e98c6b087f15a0bfc"));
        QCOMPARE(Hex::encode(Hash::ripemd160("message digest")),
                 QStringLiteral("5d0689ef49d2fae572b881b123a85ffa21595f36"));
    }

    void ripemd160IsInDefaultProvider()
    {
        // Documents the fact our fallback depends on: since OpenSSL 3.0.7 the
        // default provider offers RIPEMD-160, so no legacy provider is loaded.
        EVP_MD *md = EVP_MD_fetch(nullptr, "RIPEMD160", "provider=default");
        QVERIFY2(md, "RIPEMD160 missing from the default provider; Hash falls back to legacy");
        EVP_MD_free(md);
    }

    void keccak256IsOriginalKeccak()
    {
        QCOMPARE(Hex::encode(Hash::keccak256({})),
                 QStringLiteral("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"));
        QCOMPARE(Hex::encode(Hash::keccak256("abc")),
                 QStringLiteral("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"));
        // Not FIPS SHA3-256, whose empty-input digest is a7ffc6f8...
        QVERIFY(!Hex::encode(Hash::keccak256({})).startsWith(QStringLiteral("a7ffc6f8")));
    }

    void hmacSha512_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("expected");
        QTest::newRow("RFC 4231 case 1")
            << QByteArray(20, '\x0b') << QByteArray("Hi There")
            << QStringLiteral("87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
                              "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854");
        QTest::newRow("RFC 4231 case 2")
            << QByteArray("Jefe") << QByteArray("what do ya want for nothing?")
            << QStringLiteral("164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
                              "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737");
    }
    void hmacSha512()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, data);
        QFETCH(QString, expected);
        const auto mac = Hash::hmacSha512(key, data);
        QCOMPARE(mac.size(), std::size_t(64));
        QCOMPARE(Hex::encode(mac.view()), expected);
    }

    void pbkdf2HmacSha512_data()
    {
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<QByteArray>("salt");
        QTest::addColumn<int>("iterations");
        QTest::addColumn<QString>("expected");
        QTest::newRow("1 round") << QByteArray("password") << QByteArray("salt") << 1
                                 << QStringLiteral(
                                        "867f70cf1ade02cff3752599a3a53dc4af34c7a669815ae5d513554e1c8cf252"
                                        "c02d470a285a0501bad999bfe943c08f050235d7d68b1da55e63f73b60a57fce");
        QTest::newRow("2 rounds") << QByteArray("password") << QByteArray("salt") << 2
                                  << QStringLiteral(
                                         "e1d9c16aa681708a45f5c7c4e215ceb66e011a2e9f0040713f18aefdb866d53c"
                                         "f76cab2868a39b9f7840edce4fef5a82be67335c77a6068e04112754f27ccf4e");
        QTest::newRow("4096 rounds")
            << QByteArray("passwordPASSWORDpassword") << QByteArray("saltSALTsaltSALTsaltSALTsaltSALTsalt")
            << 4096
            << QStringLiteral("8c0511f4c6e597c6ac6315d8f0362e225f3c501495ba23b868c005174dc4ee71"
                              "115b59f9e60cd9532fa33e0f75aefe30225c583a186cd82bd4daea9724a3d3b8");
    }
    void pbkdf2HmacSha512()
    {
        QFETCH(QByteArray, password);
        QFETCH(QByteArray, salt);
        QFETCH(int, iterations);
        QFETCH(QString, expected);
        const auto key = Hash::pbkdf2HmacSha512(password, salt, iterations, 64);
        QCOMPARE(Hex::encode(key.view()), expected);
    }
};

QTEST_GUILESS_MAIN(TestHash)
#include "TestHash.moc"
