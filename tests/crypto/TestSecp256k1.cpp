#include "CryptoTestData.h"
#include "core/crypto/Hash.h"
#include "core/crypto/Hex.h"
#include "core/crypto/Secp256k1.h"

#include <QTest>

using baokeys::crypto::CryptoErrorKind;
using baokeys::crypto::Secp256k1;
using baokeys::crypto::SecureBytes;
namespace Hex = baokeys::crypto::Hex;
namespace td = baokeys::crypto::testdata;

namespace {

const QString kGeneratorCompressed =
    QStringLiteral("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798");
const QString kGeneratorUncompressed =
    QStringLiteral("0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
                   "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8");

SecureBytes keyFromHex(const char *hex)
{
    return td::secretHex(QLatin1String(hex));
}

} // namespace

class TestSecp256k1 : public QObject {
    Q_OBJECT

private slots:
    void acceptsKeysInRange_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("one") << QStringLiteral(
            "0000000000000000000000000000000000000000000000000000000000000001");
        QTest::newRow("n-1") << QStringLiteral(
            "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140");
    }
    void acceptsKeysInRange()
    {
        QFETCH(QString, key);
        QVERIFY(Secp256k1::validatePrivateKey(td::secretHex(key)));
        QVERIFY(Secp256k1::derivePublicKey(td::secretHex(key)));
    }

    void rejectsInvalidKeys_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("zero") << QString(64, QLatin1Char('0'));
        QTest::newRow("n") << QStringLiteral(
            "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
        QTest::newRow("n+1") << QStringLiteral(
            "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364142");
        QTest::newRow("all ff") << QString(64, QLatin1Char('f'));
        QTest::newRow("31 bytes") << QString(62, QLatin1Char('1'));
        QTest::newRow("33 bytes") << QString(66, QLatin1Char('1'));
        QTest::newRow("empty") << QString();
    }
    void rejectsInvalidKeys()
    {
        QFETCH(QString, key);
        auto valid = Secp256k1::validatePrivateKey(td::secretHex(key));
        QVERIFY(!valid);
        QCOMPARE(valid.error().kind, CryptoErrorKind::InvalidPrivateKey);
        auto pub = Secp256k1::derivePublicKey(td::secretHex(key));
        QVERIFY(!pub);
        QCOMPARE(pub.error().kind, CryptoErrorKind::InvalidPrivateKey);
        auto sig = Secp256k1::signDigest(td::secretHex(key), QByteArray(32, '\x11'));
        QVERIFY(!sig);
        QCOMPARE(sig.error().kind, CryptoErrorKind::InvalidPrivateKey);
    }

    void publicKeyOfOneIsGenerator()
    {
        auto pub = Secp256k1::derivePublicKey(
            keyFromHex("0000000000000000000000000000000000000000000000000000000000000001"));
        QVERIFY(pub);
        QCOMPARE(Hex::encode(*pub), kGeneratorCompressed);
    }

    void parsesPublicKeys()
    {
        auto fromUncompressed = Secp256k1::parsePublicKey(td::hex(kGeneratorUncompressed));
        QVERIFY(fromUncompressed);
        QCOMPARE(Hex::encode(*fromUncompressed), kGeneratorCompressed);
        auto fromCompressed = Secp256k1::parsePublicKey(td::hex(kGeneratorCompressed));
        QVERIFY(fromCompressed);
        QCOMPARE(Hex::encode(*fromCompressed), kGeneratorCompressed);
    }

    void rejectsInvalidPublicKeys_data()
    {
        QTest::addColumn<QByteArray>("key");
        QByteArray notOnCurve = td::hex(kGeneratorUncompressed);
        notOnCurve[64] = char(notOnCurve[64] ^ 1);
        QByteArray badCompressedX(33, '\0');
        badCompressedX[0] = 0x02; // x = 0: x^3 + 7 = 7 is not a square mod p
        QByteArray hybrid = td::hex(kGeneratorUncompressed);
        hybrid[0] = 0x06; // hybrid encoding, valid to libsecp256k1 but not a public key for us
        QByteArray badPrefix = td::hex(kGeneratorCompressed);
        badPrefix[0] = 0x04;
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("32 bytes") << QByteArray(32, '\x02');
        QTest::newRow("64 bytes") << td::hex(kGeneratorUncompressed).mid(1);
        QTest::newRow("not on curve") << notOnCurve;
        QTest::newRow("no such x") << badCompressedX;
        QTest::newRow("hybrid prefix") << hybrid;
        QTest::newRow("33 bytes with 04") << badPrefix;
    }
    void rejectsInvalidPublicKeys()
    {
        QFETCH(QByteArray, key);
        auto parsed = Secp256k1::parsePublicKey(key);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().kind, CryptoErrorKind::InvalidPublicKey);
        QVERIFY(!Secp256k1::verifyDigest(key, QByteArray(32, '\x01'), QByteArray(64, '\x01')));
        auto verifying = Secp256k1::verifyingKey(key);
        QVERIFY(!verifying);
        QCOMPARE(verifying.error().kind, CryptoErrorKind::InvalidPublicKey);
    }

    // A key parsed once verifies exactly as the bytes do, signature after
    // signature, whichever form it was parsed from.
    void parsedKeyVerifiesLikeItsBytes()
    {
        const SecureBytes key =
            keyFromHex("9ec50871a46cc259640e3a842ba545d63f17d0f884a865221731e51464c3c90c");
        const QByteArray compressed = Secp256k1::derivePublicKey(key).value();
        auto parsed = Secp256k1::verifyingKey(compressed);
        QVERIFY(parsed);
        QCOMPARE(parsed->compressed(), compressed);
        auto generator = Secp256k1::verifyingKey(td::hex(kGeneratorUncompressed));
        QVERIFY(generator);
        QCOMPARE(Hex::encode(generator->compressed()), kGeneratorCompressed);

        for (const QByteArray &message : {QByteArray("first"), QByteArray("second"), QByteArray()}) {
            const QByteArray digest = baokeys::crypto::Hash::sha256(message);
            const QByteArray signature = Secp256k1::signDigest(key, digest).value();
            QVERIFY(Secp256k1::verifyDigest(*parsed, digest, signature));
            QVERIFY(!Secp256k1::verifyDigest(*generator, digest, signature)); // another key
            QVERIFY(!Secp256k1::verifyDigest(*parsed, digest, td::highSTwin(signature)));
            QByteArray flipped = signature;
            flipped[5] = char(flipped[5] ^ 0x01);
            QVERIFY(!Secp256k1::verifyDigest(*parsed, digest, flipped));
            QVERIFY(!Secp256k1::verifyDigest(*parsed, digest.left(31), signature));
        }
    }

    void signsAndVerifies()
    {
        const SecureBytes key =
            keyFromHex("9ec50871a46cc259640e3a842ba545d63f17d0f884a865221731e51464c3c90c");
        const QByteArray digest = baokeys::crypto::Hash::sha256("BaoKeys");
        auto pub = Secp256k1::derivePublicKey(key);
        QVERIFY(pub);
        auto sig = Secp256k1::signDigest(key, digest);
        QVERIFY(sig);
        QCOMPARE(sig->size(), 64);
        QVERIFY(Secp256k1::isLowS(*sig));
        QVERIFY(Secp256k1::verifyDigest(*pub, digest, *sig));
        // RFC 6979: the same key and digest always give the same signature.
        auto again = Secp256k1::signDigest(key, digest);
        QVERIFY(again);
        QCOMPARE(*again, *sig);

        const QByteArray otherDigest = baokeys::crypto::Hash::sha256("BaoKeys!");
        QVERIFY(!Secp256k1::verifyDigest(*pub, otherDigest, *sig));
        const SecureBytes otherKey =
            keyFromHex("7084a92dfa3e79d262bdb04612eaee1eb3be66c0d7fd794f68d5d8f6826323d7");
        auto otherPub = Secp256k1::derivePublicKey(otherKey);
        QVERIFY(otherPub);
        QVERIFY(!Secp256k1::verifyDigest(*otherPub, digest, *sig));
    }

    void verifyRejectsHighSAndTampering()
    {
        const SecureBytes key =
            keyFromHex("ba2ba6c9bb7335f23d4ab62465519ff4b0537edade4e384017c2d0edd9860346");
        const QByteArray digest = baokeys::crypto::Hash::sha256("high-S check");
        auto pub = Secp256k1::derivePublicKey(key);
        auto sig = Secp256k1::signDigest(key, digest);
        QVERIFY(pub && sig);
        const QByteArray twin = td::highSTwin(*sig);
        QVERIFY(twin != *sig);
        QVERIFY(!Secp256k1::isLowS(twin));
        QVERIFY(!Secp256k1::verifyDigest(*pub, digest, twin));
        for (int byte : {0, 31, 32, 63}) {
            QByteArray flipped = *sig;
            flipped[byte] = char(flipped[byte] ^ 0x01);
            QVERIFY2(!Secp256k1::verifyDigest(*pub, digest, flipped), qPrintable(QString::number(byte)));
        }
        QVERIFY(!Secp256k1::verifyDigest(*pub, digest, sig->left(63)));
        QVERIFY(!Secp256k1::verifyDigest(*pub, digest.left(31), *sig));
    }

    void rejectsBadDigest_data()
    {
        QTest::addColumn<int>("size");
        QTest::newRow("0") << 0;
        QTest::newRow("31") << 31;
        QTest::newRow("33") << 33;
        QTest::newRow("64") << 64;
    }
    void rejectsBadDigest()
    {
        QFETCH(int, size);
        auto sig = Secp256k1::signDigest(
            keyFromHex("0000000000000000000000000000000000000000000000000000000000000001"),
            QByteArray(size, '\x01'));
        QVERIFY(!sig);
        QCOMPARE(sig.error().kind, CryptoErrorKind::InvalidDigest);
    }

    void derRoundTrip()
    {
        const SecureBytes key =
            keyFromHex("d7701f2bebf7c8e7a467a715da900be5121968ad7dbf27877a5571c946984eb9");
        for (int i = 0; i < 16; ++i) {
            const QByteArray digest = baokeys::crypto::Hash::sha256(QByteArray::number(i));
            auto sig = Secp256k1::signDigest(key, digest);
            QVERIFY(sig);
            auto der = Secp256k1::compactToDer(*sig);
            QVERIFY(der);
            QCOMPARE(quint8(der->at(0)), quint8(0x30));
            QCOMPARE(der->size(), quint8(der->at(1)) + 2);
            QVERIFY(der->size() >= 8 && der->size() <= 72);
            auto back = Secp256k1::derToCompact(*der);
            QVERIFY(back);
            QCOMPARE(*back, *sig);
        }
    }

    void derKnownEncoding()
    {
        // r = 1, s = 0x80: s needs a leading zero byte to stay positive.
        QByteArray compact(64, '\0');
        compact[31] = 0x01;
        compact[63] = char(0x80);
        auto der = Secp256k1::compactToDer(compact);
        QVERIFY(der);
        QCOMPARE(Hex::encode(*der), QStringLiteral("3007020101020200"
                                                   "80"));
        auto back = Secp256k1::derToCompact(*der);
        QVERIFY(back);
        QCOMPARE(*back, compact);
    }

    void rejectsBadSignatures_data()
    {
        QTest::addColumn<QByteArray>("der");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("junk") << QByteArray("not a signature");
        QTest::newRow("wrong tag") << td::hex(QStringLiteral("31060201010201"
                                                             "01"));
        QTest::newRow("bad length") << td::hex(QStringLiteral("30070201010201"
                                                              "01"));
        QTest::newRow("negative r") << td::hex(QStringLiteral("3006020180020101"));
        QTest::newRow("zero r") << td::hex(QStringLiteral("3006020100020101"));
        QTest::newRow("trailing byte") << td::hex(QStringLiteral("300602010102010100"));
        QTest::newRow("r = n") << td::hex(
            QStringLiteral("3026022100fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"
                           "020101"));
    }
    void rejectsBadSignatures()
    {
        QFETCH(QByteArray, der);
        auto compact = Secp256k1::derToCompact(der);
        QVERIFY(!compact);
        QCOMPARE(compact.error().kind, CryptoErrorKind::InvalidSignature);
    }

    void rejectsBadCompact()
    {
        auto shortSig = Secp256k1::compactToDer(QByteArray(63, '\x01'));
        QVERIFY(!shortSig);
        QCOMPARE(shortSig.error().kind, CryptoErrorKind::InvalidSignature);
        QByteArray overflow = td::curveOrder() + QByteArray(32, '\x01'); // r = n
        auto over = Secp256k1::compactToDer(overflow);
        QVERIFY(!over);
        QCOMPARE(over.error().kind, CryptoErrorKind::InvalidSignature);
        QVERIFY(!Secp256k1::isLowS(overflow));
    }

    void tweakAdd()
    {
        // 1 + 2 = 3; and (n-1) + 1 = 0, which is not a key.
        auto three = Secp256k1::privateKeyTweakAdd(
            keyFromHex("0000000000000000000000000000000000000000000000000000000000000001"),
            td::hex(QStringLiteral("0000000000000000000000000000000000000000000000000000000000000002")));
        QVERIFY(three);
        QCOMPARE(Hex::encode(three->view()),
                 QStringLiteral("0000000000000000000000000000000000000000000000000000000000000003"));
        auto zero = Secp256k1::privateKeyTweakAdd(
            keyFromHex("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140"),
            td::hex(QStringLiteral("0000000000000000000000000000000000000000000000000000000000000001")));
        QVERIFY(!zero);
        QCOMPARE(zero.error().kind, CryptoErrorKind::InvalidDerivation);
        auto tweakTooBig = Secp256k1::privateKeyTweakAdd(
            keyFromHex("0000000000000000000000000000000000000000000000000000000000000001"), td::curveOrder());
        QVERIFY(!tweakTooBig);
        QCOMPARE(tweakTooBig.error().kind, CryptoErrorKind::InvalidDerivation);
    }
};

QTEST_GUILESS_MAIN(TestSecp256k1)
#include "TestSecp256k1.moc"
