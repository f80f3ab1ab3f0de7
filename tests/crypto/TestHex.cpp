#include "core/crypto/Hex.h"

#include <QTest>

using baokeys::crypto::CryptoErrorKind;
namespace Hex = baokeys::crypto::Hex;

class TestHex : public QObject {
    Q_OBJECT

private slots:
    void roundTrip()
    {
        const QByteArray bytes = QByteArray::fromRawData("\x00\x01\xab\xff\x7f", 5);
        QCOMPARE(Hex::encode(bytes), QStringLiteral("0001abff7f"));
        auto decoded = Hex::decode(u"0001ABff7f");
        QVERIFY(decoded);
        QCOMPARE(*decoded, bytes);
        QCOMPARE(Hex::encode({}), QString());
        auto empty = Hex::decode(u"");
        QVERIFY(empty);
        QVERIFY(empty->isEmpty());
    }

    void acceptsPrefix()
    {
        auto decoded = Hex::decode(u"0xdeadBEEF");
        QVERIFY(decoded);
        QCOMPARE(*decoded, QByteArray("\xde\xad\xbe\xef"));
        auto upper = Hex::decode(u"0X00");
        QVERIFY(upper);
        QCOMPARE(*upper, QByteArray(1, '\0'));
    }

    void rejectsBadHex_data()
    {
        QTest::addColumn<QString>("input");
        QTest::newRow("odd length") << QStringLiteral("abc");
        QTest::newRow("odd after prefix") << QStringLiteral("0x1");
        QTest::newRow("non-hex letter") << QStringLiteral("zz");
        QTest::newRow("space") << QStringLiteral("ab cd ");
        QTest::newRow("inner prefix") << QStringLiteral("000x");
        QTest::newRow("non-ascii") << QStringLiteral("a\u00e9");
        QTest::newRow("full-width digit") << QString::fromUtf8("\xef\xbc\x91\xef\xbc\x92");
    }
    void rejectsBadHex()
    {
        QFETCH(QString, input);
        auto decoded = Hex::decode(input);
        QVERIFY(!decoded);
        QCOMPARE(decoded.error().kind, CryptoErrorKind::InvalidHex);
        QVERIFY(!decoded.error().message.isEmpty());
        auto secret = Hex::decodeSecret(input);
        QVERIFY(!secret);
        QCOMPARE(secret.error().kind, CryptoErrorKind::InvalidHex);
    }

    void encodesSecret()
    {
        const QByteArray bytes = QByteArray::fromRawData("\x00\x01\xab\xff\x7f", 5);
        const baokeys::crypto::SecureBytes hex = Hex::encodeSecret(baokeys::crypto::SecureBytes(bytes));
        QCOMPARE(hex.view().toByteArray(), Hex::encode(bytes).toLatin1());
        QCOMPARE(Hex::encodeSecret(baokeys::crypto::SecureBytes()).size(), std::size_t(0));
    }

    void decodesSecret()
    {
        auto secret = Hex::decodeSecret(u"0102");
        QVERIFY(secret);
        QCOMPARE(secret->view(), QByteArrayView("\x01\x02"));
    }
};

QTEST_GUILESS_MAIN(TestHex)
#include "TestHex.moc"
