#include "CryptoTestData.h"
#include "VectorFile.h"
#include "core/crypto/Bip32.h"
#include "core/crypto/Bip39.h"
#include "core/crypto/CosmosAddress.h"
#include "core/crypto/Hash.h"
#include "core/crypto/Hex.h"
#include "core/crypto/Secp256k1.h"

#include <QJsonArray>
#include <QTest>

using baokeys::crypto::CryptoErrorKind;
using baokeys::crypto::HdPath;
using baokeys::crypto::Secp256k1;
namespace Bip32 = baokeys::crypto::Bip32;
namespace Bip39 = baokeys::crypto::Bip39;
namespace CosmosAddress = baokeys::crypto::CosmosAddress;
namespace Hash = baokeys::crypto::Hash;
namespace Hex = baokeys::crypto::Hex;
namespace td = baokeys::crypto::testdata;
using baokeys::testsupport::VectorFile;

// Every entry of the project's shared Cosmos vectors, reproduced byte for byte.
class TestCosmosVectors : public QObject {
    Q_OBJECT

private:
    VectorFile m_vectors;

private slots:
    void initTestCase()
    {
        m_vectors = VectorFile::cosmos();
        qInfo("vectors: %s", qPrintable(m_vectors.path()));
        QVERIFY2(m_vectors.isValid(), qPrintable(m_vectors.path()));
        QVERIFY(!m_vectors.section("keys").isEmpty());
        QVERIFY(!m_vectors.section("mnemonics").isEmpty());
        QVERIFY(!m_vectors.section("signatures").isEmpty());
    }

    void keys()
    {
        int checked = 0;
        for (const QJsonValue &v : m_vectors.section("keys")) {
            const QJsonObject k = v.toObject();
            const QString privHex = k.value(QLatin1String("privkey_hex")).toString();
            auto pub = Secp256k1::derivePublicKey(td::secretHex(privHex));
            QVERIFY2(pub, qPrintable(privHex));
            QCOMPARE(Hex::encode(*pub), k.value(QLatin1String("pubkey_hex")).toString());

            const QByteArray address = CosmosAddress::fromPublicKey(*pub);
            QCOMPARE(address.size(), CosmosAddress::AddressSize);
            QCOMPARE(Hex::encode(address), k.value(QLatin1String("address_hex")).toString());

            for (const char *hrp : {"celestia", "cosmos", "celestiavaloper"}) {
                const QString expected = k.value(QLatin1String(hrp)).toString();
                QVERIFY2(!expected.isEmpty(), hrp);
                auto bech = CosmosAddress::toBech32(QLatin1String(hrp), address);
                QVERIFY(bech);
                QCOMPARE(*bech, expected);
                auto back = CosmosAddress::fromBech32(expected, QLatin1String(hrp));
                QVERIFY(back);
                QCOMPARE(*back, address);
            }
            ++checked;
        }
        QCOMPARE(checked, m_vectors.section("keys").size());
    }

    void mnemonics()
    {
        int derived = 0;
        for (const QJsonValue &v : m_vectors.section("mnemonics")) {
            const QJsonObject m = v.toObject();
            const QString mnemonic = m.value(QLatin1String("mnemonic")).toString();
            const QString passphrase = m.value(QLatin1String("bip39_passphrase")).toString();
            QVERIFY(Bip39::validateMnemonic(mnemonic));
            auto seed = Bip39::mnemonicToSeed(mnemonic, passphrase);
            QVERIFY(seed);
            QCOMPARE(Hex::encode(seed->view()), m.value(QLatin1String("seed_hex")).toString());

            for (const QJsonValue &dv : m.value(QLatin1String("derived")).toArray()) {
                const QJsonObject d = dv.toObject();
                auto path = HdPath::parse(d.value(QLatin1String("hd_path")).toString());
                QVERIFY(path);
                QCOMPARE(path->toString(), d.value(QLatin1String("hd_path")).toString());
                auto key = Bip32::derive(*seed, *path);
                QVERIFY(key);
                QCOMPARE(Hex::encode(key->key.view()), d.value(QLatin1String("privkey_hex")).toString());
                auto pub = Secp256k1::derivePublicKey(key->key);
                QVERIFY(pub);
                QCOMPARE(Hex::encode(*pub), d.value(QLatin1String("pubkey_hex")).toString());
                auto address =
                    CosmosAddress::toBech32(QStringLiteral("celestia"), CosmosAddress::fromPublicKey(*pub));
                QVERIFY(address);
                QCOMPARE(*address, d.value(QLatin1String("celestia")).toString());
                ++derived;
            }
        }
        QVERIFY(derived > 0);
    }

    void signatures()
    {
        for (const QJsonValue &v : m_vectors.section("signatures")) {
            const QJsonObject s = v.toObject();
            const auto key = td::secretHex(s.value(QLatin1String("privkey_hex")).toString());
            const QByteArray message = td::hex(s.value(QLatin1String("message_hex")).toString());
            const QByteArray digest = Hash::sha256(message);
            QCOMPARE(Hex::encode(digest), s.value(QLatin1String("sha256_hex")).toString());

            auto sig = Secp256k1::signDigest(key, digest);
            QVERIFY(sig);
            QCOMPARE(Hex::encode(*sig), s.value(QLatin1String("signature_hex")).toString());
            QCOMPARE(QString::fromLatin1(sig->toBase64()),
                     s.value(QLatin1String("signature_b64")).toString());

            auto pub = Secp256k1::derivePublicKey(key);
            QVERIFY(pub);
            QVERIFY(Secp256k1::isLowS(*sig));
            QVERIFY(Secp256k1::verifyDigest(*pub, digest, *sig));
            QVERIFY(!Secp256k1::verifyDigest(*pub, digest, td::highSTwin(*sig)));
            QByteArray flipped = *sig;
            flipped[10] = char(flipped[10] ^ 0x04);
            QVERIFY(!Secp256k1::verifyDigest(*pub, digest, flipped));
            QByteArray flippedDigest = digest;
            flippedDigest[0] = char(flippedDigest[0] ^ 0x80);
            QVERIFY(!Secp256k1::verifyDigest(*pub, flippedDigest, *sig));
        }
    }
};

QTEST_GUILESS_MAIN(TestCosmosVectors)
#include "TestCosmosVectors.moc"
