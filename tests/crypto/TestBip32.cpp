#include "CryptoTestData.h"
#include "core/crypto/Bip32.h"
#include "core/crypto/Hex.h"

#include <QJsonArray>
#include <QTest>

using baokeys::crypto::CryptoErrorKind;
using baokeys::crypto::ExtendedPrivateKey;
using baokeys::crypto::HdPath;
using baokeys::crypto::SecureBytes;
namespace Bip32 = baokeys::crypto::Bip32;
namespace Hex = baokeys::crypto::Hex;
namespace td = baokeys::crypto::testdata;

// BIP-32 test vectors 1 and 2 (tests/data/bip32-vectors.json): xprv and xpub
// at every step of each chain, plus path parsing.
class TestBip32 : public QObject {
    Q_OBJECT

private slots:
    void officialVectors()
    {
        const QJsonDocument doc = td::readJson(td::dataPath("bip32-vectors.json"));
        QVERIFY(doc.isObject());
        const QJsonArray vectors = doc.object().value(QLatin1String("vectors")).toArray();
        QCOMPARE(vectors.size(), 2);
        int steps = 0;
        for (const QJsonValue &v : vectors) {
            const QJsonObject vector = v.toObject();
            const SecureBytes seed = td::secretHex(vector.value(QLatin1String("seed")).toString());
            QVERIFY(!seed.isEmpty());
            auto stepwise = Bip32::master(seed);
            QVERIFY(stepwise);
            for (const QJsonValue &c : vector.value(QLatin1String("chain")).toArray()) {
                const QJsonArray row = c.toArray();
                const QString pathText = row.at(0).toString();
                auto path = HdPath::parse(pathText);
                QVERIFY2(path, qPrintable(pathText));

                // From the seed in one go...
                auto key = Bip32::derive(seed, *path);
                QVERIFY(key);
                QCOMPARE(Bip32::serializePublic(*key), row.at(1).toString());
                QCOMPARE(Bip32::serializePrivate(*key), row.at(2).toString());
                QCOMPARE(int(key->depth), int(path->indices().size()));

                // ...and one child at a time from the previous step.
                if (!path->indices().isEmpty()) {
                    auto next = Bip32::deriveChild(*stepwise, path->indices().last());
                    QVERIFY(next);
                    stepwise = std::move(next);
                }
                QCOMPARE(Bip32::serializePrivate(*stepwise), row.at(2).toString());
                ++steps;
            }
        }
        QCOMPARE(steps, 12);
    }

    void parsesPaths_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<quint32>>("indices");
        QTest::addColumn<QString>("canonical");
        const quint32 h = HdPath::HardenedBit;
        QTest::newRow("master") << QStringLiteral("m") << QList<quint32>{} << QStringLiteral("m");
        QTest::newRow("cosmos") << QStringLiteral("m/44'/118'/0'/0/0")
                                << QList<quint32>{44 | h, 118 | h, h, 0, 0}
                                << QStringLiteral("m/44'/118'/0'/0/0");
        QTest::newRow("h marks") << QStringLiteral("m/44h/118h/0h/0/7")
                                 << QList<quint32>{44 | h, 118 | h, h, 0, 7}
                                 << QStringLiteral("m/44'/118'/0'/0/7");
        QTest::newRow("H marks") << QStringLiteral("m/0H/1") << QList<quint32>{h, 1}
                                 << QStringLiteral("m/0'/1");
        QTest::newRow("largest") << QStringLiteral("m/2147483647'/2147483647")
                                 << QList<quint32>{0x7fffffffu | h, 0x7fffffffu}
                                 << QStringLiteral("m/2147483647'/2147483647");
    }
    void parsesPaths()
    {
        QFETCH(QString, text);
        QFETCH(QList<quint32>, indices);
        QFETCH(QString, canonical);
        auto path = HdPath::parse(text);
        QVERIFY(path);
        QCOMPARE(path->indices(), indices);
        QCOMPARE(path->toString(), canonical);
    }

    void rejectsMalformedPaths_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *bad : {"",
                                "44'/118'/0'/0/0",
                                "/m/0",
                                "M/0",
                                "n/0",
                                "m/",
                                "m//0",
                                "m/0/",
                                "m/0//1",
                                "m/2147483648",
                                "m/2147483648'",
                                "m/4294967296",
                                "m/99999999999999999999",
                                "m/-1",
                                "m/+1",
                                "m/ 1",
                                "m/1 ",
                                "m/1x",
                                "m/x",
                                "m/1''",
                                "m/0'h",
                                "m/'",
                                "m/1.5",
                                "m\\0",
                                "m/0x10",
                                "mm/0"})
            QTest::newRow(bad) << QString::fromLatin1(bad);
        QTest::newRow("full-width digit") << QString::fromUtf8("m/\xef\xbc\x91");
        QTest::newRow("arabic-indic digit") << QString::fromUtf8("m/\xd9\xa1");
    }
    void rejectsMalformedPaths()
    {
        QFETCH(QString, text);
        auto path = HdPath::parse(text);
        QVERIFY2(!path, qPrintable(text));
        QCOMPARE(path.error().kind, CryptoErrorKind::MalformedHdPath);
        QVERIFY(!path.error().message.isEmpty());
    }

    void rejectsBadSeeds()
    {
        for (int size : {0, 15, 65}) {
            auto key = Bip32::master(SecureBytes(std::size_t(size)));
            QVERIFY(!key);
            QCOMPARE(key.error().kind, CryptoErrorKind::InvalidDerivation);
        }
        QVERIFY(Bip32::master(SecureBytes(16)));
        QVERIFY(Bip32::master(SecureBytes(64)));
    }

    void rejectsInvalidParentKey()
    {
        ExtendedPrivateKey parent;
        parent.key = SecureBytes(32); // zero is not a key
        parent.chainCode = SecureBytes(32);
        auto child = Bip32::deriveChild(parent, 0);
        QVERIFY(!child);
        QCOMPARE(child.error().kind, CryptoErrorKind::InvalidPrivateKey);
        QVERIFY(Bip32::serializePrivate(parent).isEmpty());
        QVERIFY(Bip32::serializePublic(parent).isEmpty());
    }

    void childFieldsFollowTheParent()
    {
        auto master = Bip32::master(td::secretHex(QStringLiteral("000102030405060708090a0b0c0d0e0f")));
        QVERIFY(master);
        auto child = Bip32::deriveChild(*master, HdPath::HardenedBit);
        QVERIFY(child);
        QCOMPARE(int(child->depth), 1);
        QCOMPARE(child->childNumber, HdPath::HardenedBit);
        // Fingerprint of the vector-1 master key (BIP-32: 3442193e).
        QCOMPARE(child->parentFingerprint, 0x3442193eu);
        QCOMPARE(child->key.size(), std::size_t(32));
        QCOMPARE(child->chainCode.size(), std::size_t(32));
    }
};

QTEST_GUILESS_MAIN(TestBip32)
#include "TestBip32.moc"
