// Bad input to the tx API: each refusal carries its own error kind, and a
// refused message leaves the body as it was. No signer needed.
#include "core/crypto/Bech32.h"
#include "core/crypto/Hex.h"
#include "core/tx/AccountAddress.h"
#include "core/tx/AuthInfoEncoder.h"
#include "core/tx/Coin.h"
#include "core/tx/SignDocEncoder.h"
#include "core/tx/TxBodyBuilder.h"

#include <QTest>

using baokeys::tx::AuthInfoEncoder;
using baokeys::tx::BasicAllowance;
using baokeys::tx::Coin;
using baokeys::tx::Fee;
using baokeys::tx::SignDocEncoder;
using baokeys::tx::TxBodyBuilder;
using baokeys::tx::TxErrorKind;

Q_DECLARE_METATYPE(baokeys::tx::TxErrorKind)

namespace {

const QString Celestia = QStringLiteral("celestia");
const QString Alice = QStringLiteral("celestia1p423l7r3as4m2clkf2ef4gy3c37les6x29ndd4");
const QString Bob = QStringLiteral("celestia1lw2v58r76dam3ek03nw88jx9h3mkdterar8u5l");
const QString BobOnCosmosHub = QStringLiteral("cosmos1lw2v58r76dam3ek03nw88jx9h3mkdtervfkvwj");
// Alice's address with its last character changed: the checksum fails.
const QString BadChecksum = QStringLiteral("celestia1p423l7r3as4m2clkf2ef4gy3c37les6x29ndd5");
const QString AlicePublicKeyHex =
    QStringLiteral("02ac301ef3117116e34df184f20290db6f85a5e13042092c2a36d640242ac02948");

QList<Coin> utia(const char *amount)
{
    return {Coin{QStringLiteral("utia"), QString::fromLatin1(amount)}};
}

Fee goodFee()
{
    return Fee{utia("2000"), 80000, {}};
}

QByteArray alicePublicKey()
{
    return *baokeys::crypto::Hex::decode(AlicePublicKeyHex);
}

} // namespace

class TestTxInputs : public QObject {
    Q_OBJECT

private slots:
    void coinParses()
    {
        auto coin = Coin::parse(u"1000000utia");
        QVERIFY(coin.hasValue());
        QCOMPARE(coin->amount, QStringLiteral("1000000"));
        QCOMPARE(coin->denom, QStringLiteral("utia"));
        auto ibc = Coin::parse(u"5ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2");
        QVERIFY(ibc.hasValue());
        QCOMPARE(ibc->denom.left(4), QStringLiteral("ibc/"));
        // Sorted by denom, as the SDK's Coins are.
        auto list = Coin::parseList(u"5uosmo,1000utia,7uatom");
        QVERIFY(list.hasValue());
        QCOMPARE(list->size(), 3);
        QCOMPARE(list->at(0).toString(), QStringLiteral("7uatom"));
        QCOMPARE(list->at(2).toString(), QStringLiteral("1000utia"));
    }

    void badCoin_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("no denom") << QStringLiteral("1000000");
        QTest::newRow("no amount") << QStringLiteral("utia");
        QTest::newRow("empty") << QString();
        QTest::newRow("negative") << QStringLiteral("-5utia");
        QTest::newRow("zero (the chain refuses it)") << QStringLiteral("0utia");
        QTest::newRow("zero among others") << QStringLiteral("5uosmo,0utia");
        QTest::newRow("decimal") << QStringLiteral("1.5utia");
        QTest::newRow("leading zero") << QStringLiteral("01utia");
        QTest::newRow("space inside") << QStringLiteral("1000000 utia");
        QTest::newRow("denom too short") << QStringLiteral("5ut");
        QTest::newRow("denom starts with digit") << QStringLiteral("5u1");
        QTest::newRow("over 256 bits") << QString(QStringLiteral("9").repeated(78) + QStringLiteral("utia"));
        QTest::newRow("repeated denom") << QStringLiteral("1utia,2utia");
        QTest::newRow("empty part") << QStringLiteral("1utia,");
    }
    void badCoin()
    {
        QFETCH(QString, text);
        auto coins = Coin::parseList(text);
        QVERIFY(!coins.hasValue());
        QCOMPARE(coins.error().kind, TxErrorKind::InvalidCoin);
        QVERIFY(!coins.error().message.isEmpty());
    }

    // A "$" anchor let a final newline through, so "100utia\n" parsed as a
    // coin; fuzz_coin's property (a parsed coin prints as its text) fails on
    // it (tests/fuzz/corpus/coin/trailing-newline).
    void coinRefusesATrailingNewline()
    {
        for (const QString &text : {QStringLiteral("100utia\n"), QStringLiteral("100utia\n\n"),
                                    QStringLiteral("100\nutia"), QStringLiteral("\n100utia")}) {
            const auto coin = Coin::parse(text);
            QVERIFY2(!coin.hasValue(), qPrintable(text));
            QCOMPARE(coin.error().kind, TxErrorKind::InvalidCoin);
            QVERIFY(!coin.error().message.isEmpty());
        }
    }

    void badAddress_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<TxErrorKind>("kind");
        QTest::newRow("bad checksum") << BadChecksum << Bob << TxErrorKind::InvalidAddress;
        QTest::newRow("not bech32") << Alice << QStringLiteral("bob") << TxErrorKind::InvalidAddress;
        QTest::newRow("empty") << QString() << Bob << TxErrorKind::InvalidAddress;
        QTest::newRow("mixed case") << QStringLiteral("Celestia1p423l7r3as4m2clkf2ef4gy3c37les6x29ndd4")
                                    << Bob << TxErrorKind::InvalidAddress;
        // A 32-byte (contract style) payload is not a 20-byte account address.
        QTest::newRow("32-byte payload") << *baokeys::crypto::Bech32::encode(Celestia, QByteArray(32, '\x01'))
                                         << Bob << TxErrorKind::InvalidAddress;
        QTest::newRow("hex, not bech32") << QStringLiteral("0d551ff871ec2bb563f64ab29aa091c47dfcc346") << Bob
                                         << TxErrorKind::InvalidAddress;
        QTest::newRow("wrong prefix") << Alice << BobOnCosmosHub << TxErrorKind::WrongAddressPrefix;
    }
    void badAddress()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(TxErrorKind, kind);
        TxBodyBuilder body(Celestia);
        QVERIFY(body.addSend(Alice, Bob, utia("1")).hasValue());
        auto refused = body.addSend(from, to, utia("1"));
        QVERIFY(!refused.hasValue());
        QCOMPARE(refused.error().kind, kind);
        // Nothing of the refused message went in.
        QCOMPARE(body.messageCount(), 1);
        QCOMPARE(body.signers(), QStringList{Alice});
        auto grant = body.addGrantAllowance(from, to, BasicAllowance{});
        QVERIFY(!grant.hasValue());
        QCOMPARE(grant.error().kind, kind);
        QCOMPARE(body.messageCount(), 1);
    }

    void upperCaseAddressGoesOnTheWireLowerCase()
    {
        auto checked = baokeys::tx::AccountAddress::check(Alice.toUpper(), Celestia, QStringLiteral("from"));
        QVERIFY(checked.hasValue());
        QCOMPARE(*checked, Alice);
    }

    void badAmounts()
    {
        TxBodyBuilder body(Celestia);
        auto none = body.addSend(Alice, Bob, {});
        QCOMPARE(none.error().kind, TxErrorKind::InvalidCoin);
        // A Coin assembled by hand is checked as a parsed one is.
        auto handMade = body.addSend(Alice, Bob, {Coin{QStringLiteral("utia"), QStringLiteral("-1")}});
        QCOMPARE(handMade.error().kind, TxErrorKind::InvalidCoin);
        auto limit = body.addGrantAllowance(
            Alice, Bob, BasicAllowance{{Coin{QStringLiteral("u"), QStringLiteral("1")}}, {}});
        QCOMPARE(limit.error().kind, TxErrorKind::InvalidCoin);
        QCOMPARE(body.messageCount(), 0);
    }

    void emptyBody()
    {
        TxBodyBuilder body(Celestia);
        body.setMemo(QStringLiteral("memo only"));
        auto bytes = body.build();
        QVERIFY(!bytes.hasValue());
        QCOMPARE(bytes.error().kind, TxErrorKind::NoMessages);
    }

    void authInfoRefusals()
    {
        Fee noGas = goodFee();
        noGas.gasLimit = 0;
        QCOMPARE(AuthInfoEncoder::encode(alicePublicKey(), 0, noGas, Celestia).error().kind,
                 TxErrorKind::InvalidGas);

        QByteArray notOnCurve = alicePublicKey();
        notOnCurve[0] = 0x05;
        QCOMPARE(AuthInfoEncoder::encode(notOnCurve, 0, goodFee(), Celestia).error().kind,
                 TxErrorKind::InvalidPublicKey);
        QCOMPARE(AuthInfoEncoder::encode(alicePublicKey().left(32), 0, goodFee(), Celestia).error().kind,
                 TxErrorKind::InvalidPublicKey);

        Fee badGranter = goodFee();
        badGranter.granter = BadChecksum;
        QCOMPARE(AuthInfoEncoder::encode(alicePublicKey(), 0, badGranter, Celestia).error().kind,
                 TxErrorKind::InvalidAddress);
        badGranter.granter = BobOnCosmosHub;
        QCOMPARE(AuthInfoEncoder::encode(alicePublicKey(), 0, badGranter, Celestia).error().kind,
                 TxErrorKind::WrongAddressPrefix);

        Fee badAmount = goodFee();
        badAmount.amount = {Coin{QStringLiteral("utia"), QStringLiteral("2.5")}};
        QCOMPARE(AuthInfoEncoder::encode(alicePublicKey(), 0, badAmount, Celestia).error().kind,
                 TxErrorKind::InvalidCoin);

        QVERIFY(AuthInfoEncoder::encode(alicePublicKey(), 0, goodFee(), Celestia).hasValue());
    }

    void signDocRefusals()
    {
        const QByteArray body("b");
        const QByteArray authInfo("a");
        QCOMPARE(SignDocEncoder::encode(body, authInfo, QString(), 1).error().kind,
                 TxErrorKind::InvalidChainId);
        QCOMPARE(SignDocEncoder::encode(body, authInfo, QStringLiteral("  "), 1).error().kind,
                 TxErrorKind::InvalidChainId);
        QCOMPARE(SignDocEncoder::encode(body, authInfo, QString(51, QLatin1Char('c')), 1).error().kind,
                 TxErrorKind::InvalidChainId);
        QVERIFY(SignDocEncoder::encode(body, authInfo, QString(50, QLatin1Char('c')), 1).hasValue());
    }
};

QTEST_GUILESS_MAIN(TestTxInputs)
#include "TestTxInputs.moc"
