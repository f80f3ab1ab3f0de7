#include "CryptoTestData.h"
#include "VectorFile.h"
#include "core/crypto/Bech32.h"
#include "core/crypto/CosmosAddress.h"
#include "core/crypto/Hex.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

using baokeys::crypto::CryptoErrorKind;
namespace Bech32 = baokeys::crypto::Bech32;
namespace CosmosAddress = baokeys::crypto::CosmosAddress;
namespace Hex = baokeys::crypto::Hex;
namespace td = baokeys::crypto::testdata;
using baokeys::testsupport::VectorFile;

// BIP-173 known answers (tests/data/bip173-vectors.json) plus our own error
// cases for encoding and for Cosmos account addresses.
class TestBech32 : public QObject {
    Q_OBJECT

private:
    VectorFile m_vectors;

private slots:
    void initTestCase()
    {
        m_vectors = VectorFile::load(VectorFile::dataPath("bip173-vectors.json"));
        QVERIFY2(m_vectors.isValid(), qPrintable(m_vectors.path()));
    }

    void validStrings()
    {
        const QJsonArray valid = m_vectors.section("valid");
        QCOMPARE(valid.size(), 7);
        for (const QJsonValue &v : valid) {
            const QString text = v.toString();
            auto words = Bech32::decodeWords(text);
            QVERIFY2(words,
                     qPrintable(text + QLatin1String(": ") + (words ? QString() : words.error().message)));
            auto again = Bech32::encodeWords(words->hrp, words->words);
            QVERIFY(again);
            QCOMPARE(*again, text.toLower());
        }
    }

    void invalidStrings()
    {
        const QJsonArray invalid = m_vectors.section("invalid");
        QCOMPARE(invalid.size(), 12);
        for (const QJsonValue &v : invalid) {
            const QJsonObject o = v.toObject();
            const QString text = o.value(QLatin1String("string")).toString();
            const QString reason = o.value(QLatin1String("reason")).toString();
            const auto kind = td::kindFromName(o.value(QLatin1String("kind")).toString());
            QVERIFY2(kind, qPrintable(reason));
            auto words = Bech32::decodeWords(text);
            QVERIFY2(!words, qPrintable(reason));
            QVERIFY2(words.error().kind == *kind,
                     qPrintable(reason + QLatin1String(" -> ") + words.error().message));
            QVERIFY(!words.error().message.isEmpty());
        }
    }

    void segwitAddressesDecode()
    {
        // The witness program is the data after the version word, 5->8 bit
        // converted without padding; we get that through our own decode().
        for (const QJsonValue &v : m_vectors.section("segwit_valid")) {
            const QJsonObject o = v.toObject();
            const QString address = o.value(QLatin1String("address")).toString();
            auto words = Bech32::decodeWords(address);
            QVERIFY2(words, qPrintable(address));
            QVERIFY(!words->words.isEmpty());
            const int version = words->words.at(0);
            auto repacked = Bech32::encodeWords(words->hrp, words->words.mid(1));
            QVERIFY(repacked);
            auto program = Bech32::decode(*repacked);
            QVERIFY2(program, qPrintable(address));
            QByteArray script;
            script.append(char(version == 0 ? 0 : 0x50 + version));
            script.append(char(program->data.size()));
            script.append(program->data);
            QCOMPARE(Hex::encode(script), o.value(QLatin1String("script")).toString());
        }
    }

    void segwitInvalid()
    {
        for (const QJsonValue &v : m_vectors.section("segwit_invalid")) {
            const QJsonObject o = v.toObject();
            const QString address = o.value(QLatin1String("address")).toString();
            const QString reason = o.value(QLatin1String("reason")).toString();
            const auto kind = td::kindFromName(o.value(QLatin1String("kind")).toString());
            QVERIFY(kind);
            auto words = Bech32::decodeWords(address);
            if (o.value(QLatin1String("layer")).toString() == QLatin1String("bech32")) {
                QVERIFY2(!words, qPrintable(reason));
                QCOMPARE(words.error().kind, *kind);
                continue;
            }
            QVERIFY2(words, qPrintable(reason));
            auto repacked = Bech32::encodeWords(words->hrp, words->words.mid(1));
            QVERIFY(repacked);
            auto program = Bech32::decode(*repacked);
            QVERIFY2(!program, qPrintable(reason));
            QCOMPARE(program.error().kind, *kind);
        }
    }

    void roundTripsBytes()
    {
        QRandomGenerator rng(173); // fixed seed: reproducible
        // "baokeys" + "1" + 6 checksum characters leave 76 data characters
        // under the 90-character limit: 47 bytes.
        for (int size = 0; size <= 47; ++size) {
            QByteArray data(size, Qt::Uninitialized);
            for (char &c : data)
                c = char(rng.bounded(256));
            auto encoded = Bech32::encode(QStringLiteral("baokeys"), data);
            QVERIFY(encoded);
            auto decoded = Bech32::decode(*encoded);
            QVERIFY(decoded);
            QCOMPARE(decoded->hrp, QStringLiteral("baokeys"));
            QCOMPARE(decoded->data, data);
            auto upper = Bech32::decode(encoded->toUpper());
            QVERIFY(upper);
            QCOMPARE(upper->data, data);
        }
        auto tooLong = Bech32::encode(QStringLiteral("baokeys"), QByteArray(48, '\x01'));
        QVERIFY(!tooLong);
        QCOMPARE(tooLong.error().kind, CryptoErrorKind::Bech32TooLong);
    }

    void encodeRejectsBadInput_data()
    {
        QTest::addColumn<QString>("hrp");
        QTest::addColumn<QByteArray>("words");
        QTest::addColumn<CryptoErrorKind>("kind");
        QTest::newRow("empty hrp") << QString() << QByteArray(1, 0) << CryptoErrorKind::Bech32InvalidHrp;
        QTest::newRow("space in hrp")
            << QStringLiteral("a b") << QByteArray() << CryptoErrorKind::Bech32InvalidHrp;
        QTest::newRow("non-ascii hrp")
            << QStringLiteral("caf\u00e9") << QByteArray() << CryptoErrorKind::Bech32InvalidHrp;
        QTest::newRow("84-char hrp") << QString(84, QLatin1Char('a')) << QByteArray()
                                     << CryptoErrorKind::Bech32InvalidHrp;
        QTest::newRow("word 32") << QStringLiteral("a") << QByteArray(1, 32)
                                 << CryptoErrorKind::Bech32InvalidData;
        QTest::newRow("91 chars") << QStringLiteral("a") << QByteArray(83, 0)
                                  << CryptoErrorKind::Bech32TooLong;
    }
    void encodeRejectsBadInput()
    {
        QFETCH(QString, hrp);
        QFETCH(QByteArray, words);
        QFETCH(CryptoErrorKind, kind);
        auto encoded = Bech32::encodeWords(hrp, words);
        QVERIFY(!encoded);
        QCOMPARE(encoded.error().kind, kind);
    }

    void ninetyCharactersIsTheLimit()
    {
        auto longest = Bech32::encodeWords(QStringLiteral("a"), QByteArray(82, 0));
        QVERIFY(longest);
        QCOMPARE(longest->size(), 90);
        QVERIFY(Bech32::decodeWords(*longest));
        QVERIFY(!Bech32::encodeWords(QStringLiteral("a"), QByteArray(83, 0)));
    }

    void cosmosAddressErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expectedHrp");
        QTest::addColumn<CryptoErrorKind>("kind");
        const QString good = QStringLiteral("celestia1p423l7r3as4m2clkf2ef4gy3c37les6x29ndd4");
        QString badChecksum = good;
        badChecksum[badChecksum.size() - 1] = QLatin1Char('5');
        QString mixed = good;
        mixed[3] = QLatin1Char('E');
        QTest::newRow("wrong prefix") << good << QStringLiteral("cosmos") << CryptoErrorKind::Bech32WrongHrp;
        QTest::newRow("bad checksum") << badChecksum << QString() << CryptoErrorKind::Bech32BadChecksum;
        QTest::newRow("mixed case") << mixed << QString() << CryptoErrorKind::Bech32MixedCase;
        QTest::newRow("invalid character")
            << QStringLiteral("celestia1p423l7r3as4m2clkf2ef4gy3c37les6x29ndb4") << QString()
            << CryptoErrorKind::Bech32InvalidCharacter;
        QTest::newRow("over-long") << QStringLiteral("celestia1") + QString(82, QLatin1Char('q')) << QString()
                                   << CryptoErrorKind::Bech32TooLong;
        QTest::newRow("no separator")
            << QStringLiteral("celestiap423l7r3as4m") << QString() << CryptoErrorKind::Bech32MissingSeparator;
        auto shortAddress = Bech32::encode(QStringLiteral("celestia"), QByteArray(19, '\x01'));
        QVERIFY(shortAddress);
        QTest::newRow("19 bytes") << *shortAddress << QString() << CryptoErrorKind::Bech32InvalidData;
    }
    void cosmosAddressErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, expectedHrp);
        QFETCH(CryptoErrorKind, kind);
        auto address = CosmosAddress::fromBech32(text, expectedHrp);
        QVERIFY(!address);
        QCOMPARE(address.error().kind, kind);
    }

    void cosmosAddressCaseAndLength()
    {
        auto upper = CosmosAddress::fromBech32(u"CELESTIA1P423L7R3AS4M2CLKF2EF4GY3C37LES6X29NDD4",
                                               QStringLiteral("celestia"));
        QVERIFY(upper);
        QCOMPARE(Hex::encode(*upper), QStringLiteral("0d551ff871ec2bb563f64ab29aa091c47dfcc346"));
        auto tooShort = CosmosAddress::toBech32(QStringLiteral("celestia"), QByteArray(19, '\x01'));
        QVERIFY(!tooShort);
        QCOMPARE(tooShort.error().kind, CryptoErrorKind::Bech32InvalidData);
        auto badHrp = CosmosAddress::toBech32(QString(), QByteArray(20, '\x01'));
        QVERIFY(!badHrp);
        QCOMPARE(badHrp.error().kind, CryptoErrorKind::Bech32InvalidHrp);
    }
};

QTEST_GUILESS_MAIN(TestBech32)
#include "TestBech32.moc"
