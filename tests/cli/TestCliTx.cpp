// baokeys-cli tx send end to end: the real binary against the embedded
// signer over loopback, checked against the shared MsgSend known answers
// (plain and with a fee granter), and the exit code of each bad input.
#include "CliExpect.h"
#include "CliHarness.h"
#include "FakeBaoServer.h"
#include "TxVectors.h"

#include <QFileInfo>
#include <QTest>

class TestCliTx : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void sendMatchesTheVectors_data();
    void sendMatchesTheVectors();
    void sendJson();
    void sendBadInput();
    void broadcastWithoutAnAnswerStopsAtTheTimeoutAndGivesTheHash();

private:
    // Imports the vector signer's private key as `name`.
    static bool importSigner(const CliHarness &cli, const QString &name, const txtest::TxVector &vector);
    static QStringList sendArguments(const txtest::TxVector &vector, const QString &name);
    static std::optional<txtest::TxVector> txVector(const QString &kind);
};

void TestCliTx::initTestCase()
{
    QVERIFY2(QFileInfo::exists(CliHarness::binary()), "baokeys-cli is not built");
    QVERIFY2(txVector(QStringLiteral("MsgSend")), "the shared vectors have no MsgSend");
    QVERIFY(txVector(QStringLiteral("MsgSend with fee_granter")));
}

std::optional<txtest::TxVector> TestCliTx::txVector(const QString &kind)
{
    for (const txtest::TxVector &vector : txtest::txVectors()) {
        if (vector.kind == kind)
            return vector;
    }
    return std::nullopt;
}

bool TestCliTx::importSigner(const CliHarness &cli, const QString &name, const txtest::TxVector &vector)
{
    const QString file = cli.writeFile(name + QStringLiteral(".hex"), vector.privateKeyHex.toLatin1() + "\n");
    const CliRun imported =
        cli.run({QStringLiteral("keys"), QStringLiteral("import"), name, QStringLiteral("--hex-file"), file});
    return !imported.crashed && imported.exitCode == 0;
}

QStringList TestCliTx::sendArguments(const txtest::TxVector &vector, const QString &name)
{
    const baokeys::tx::Fee fee = txtest::feeFor(vector);
    const baokeys::tx::SignerAccount account = txtest::accountFor(vector);
    QStringList feeCoins;
    for (const baokeys::tx::Coin &coin : fee.amount)
        feeCoins << coin.toString();
    QStringList arguments{
        QStringLiteral("tx"),
        QStringLiteral("send"),
        QStringLiteral("--from"),
        name,
        QStringLiteral("--to"),
        vector.params.value(QStringLiteral("to")).toString(),
        QStringLiteral("--amount"),
        vector.params.value(QStringLiteral("amount")).toString(),
        QStringLiteral("--fee"),
        feeCoins.join(QLatin1Char(',')),
        QStringLiteral("--gas"),
        QString::number(fee.gasLimit),
        QStringLiteral("--chain-id"),
        account.chainId,
        QStringLiteral("--account-number"),
        QString::number(account.accountNumber),
        QStringLiteral("--sequence"),
        QString::number(account.sequence),
    };
    const QString memo = vector.params.value(QStringLiteral("memo")).toString();
    if (!memo.isEmpty())
        arguments << QStringLiteral("--memo") << memo;
    if (!fee.granter.isEmpty())
        arguments << QStringLiteral("--fee-granter") << fee.granter;
    return arguments;
}

void TestCliTx::sendMatchesTheVectors_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("MsgSend") << QStringLiteral("MsgSend");
    QTest::newRow("MsgSend with fee_granter") << QStringLiteral("MsgSend with fee_granter");
}

void TestCliTx::sendMatchesTheVectors()
{
    QFETCH(QString, kind);
    const auto vector = txVector(kind);
    QVERIFY(vector);
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    QVERIFY(importSigner(cli, QStringLiteral("sender"), *vector));
    const CliRun sent = cli.run(sendArguments(*vector, QStringLiteral("sender")));
    EXPECT_EXIT(sent, 0);
    const QList<QByteArray> lines = sent.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0), vector->txRaw.toBase64());
    QCOMPARE(QString::fromLatin1(lines.at(1)), vector->txHash);
}

void TestCliTx::sendJson()
{
    const auto vector = txVector(QStringLiteral("MsgSend"));
    QVERIFY(vector);
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    QVERIFY(importSigner(cli, QStringLiteral("sender"), *vector));
    const CliRun sent = cli.run(QStringList{QStringLiteral("--output"), QStringLiteral("json")} +
                                sendArguments(*vector, QStringLiteral("sender")));
    EXPECT_EXIT(sent, 0);
    const QJsonObject json = sent.json();
    QCOMPARE(json.value(QStringLiteral("tx_raw")).toString(), QString::fromLatin1(vector->txRaw.toBase64()));
    QCOMPARE(json.value(QStringLiteral("txhash")).toString(), vector->txHash);
    QCOMPARE(json.value(QStringLiteral("signature")).toString(),
             QString::fromLatin1(vector->signature.toBase64()));
    QCOMPARE(json.value(QStringLiteral("sign_doc_hex")).toString(),
             baokeys::crypto::Hex::encode(vector->signDocBytes));
    QCOMPARE(json.value(QStringLiteral("from")).toString(), vector->signer);
}

void TestCliTx::sendBadInput()
{
    const auto vector = txVector(QStringLiteral("MsgSend"));
    QVERIFY(vector);
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    QVERIFY(importSigner(cli, QStringLiteral("sender"), *vector));
    const QStringList good = sendArguments(*vector, QStringLiteral("sender"));
    const auto with = [&](const QString &option, const QString &value) {
        QStringList arguments = good;
        const qsizetype at = arguments.indexOf(option);
        if (at >= 0)
            arguments[at + 1] = value;
        else
            arguments << option << value;
        return cli.run(arguments);
    };
    EXPECT_CLEAN_FAILURE(with(QStringLiteral("--amount"), QStringLiteral("1000000")), 2); // no denom
    EXPECT_CLEAN_FAILURE(with(QStringLiteral("--amount"), QStringLiteral("1.5utia")), 2); // not an integer
    EXPECT_CLEAN_FAILURE(with(QStringLiteral("--fee"), QStringLiteral("utia")), 2);       // no amount
    EXPECT_CLEAN_FAILURE(with(QStringLiteral("--gas"), QStringLiteral("0")), 2);          // cannot pay
    EXPECT_CLEAN_FAILURE(with(QStringLiteral("--gas"), QStringLiteral("-1")), 2);
    EXPECT_CLEAN_FAILURE(with(QStringLiteral("--chain-id"), QString()), 2);
    EXPECT_CLEAN_FAILURE(with(QStringLiteral("--sequence"), QStringLiteral("seven")), 2);
    EXPECT_CLEAN_FAILURE(
        with(QStringLiteral("--to"), QStringLiteral("celestia1lw2v58r76dam3ek03nw88jx9h3mkdterar8u5m")), 2);
    EXPECT_CLEAN_FAILURE(
        with(QStringLiteral("--to"), QStringLiteral("cosmos1lw2v58r76dam3ek03nw88jx9h3mkdtervfkvwj")), 2);
    EXPECT_CLEAN_FAILURE(with(QStringLiteral("--fee-granter"), QStringLiteral("granter")), 2);
    EXPECT_CLEAN_FAILURE(with(QStringLiteral("--from"), QStringLiteral("nobody")), 1); // unknown key
    QStringList missing = good;
    missing.removeAt(missing.indexOf(QStringLiteral("--chain-id")) + 1);
    missing.removeAt(missing.indexOf(QStringLiteral("--chain-id")));
    EXPECT_CLEAN_FAILURE(cli.run(missing), 2);
}

// A node that takes the broadcast and never answers: the command stops at
// --timeout (it waited a fixed 30 s), says the outcome is unknown (exit 5),
// and gives the signed transaction's hash and TxRaw, so the operator can
// look it up before signing again.
void TestCliTx::broadcastWithoutAnAnswerStopsAtTheTimeoutAndGivesTheHash()
{
    const auto vector = txVector(QStringLiteral("MsgSend"));
    QVERIFY(vector);
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    QVERIFY(importSigner(cli, QStringLiteral("sender"), *vector));
    baokeys::testsupport::FakeBaoServer node(
        [](const baokeys::testsupport::FakeRequest &) { return baokeys::testsupport::FakeResponse::hang(); });
    QVERIFY(node.start());
    const CliRun sent =
        cli.run(QStringList{QStringLiteral("--timeout"), QStringLiteral("1s")} +
                sendArguments(*vector, QStringLiteral("sender")) +
                QStringList{QStringLiteral("--node"), node.address(), QStringLiteral("--broadcast")});
    EXPECT_EXIT(sent, 5);
    QVERIFY2(sent.wallMs < 15000, qPrintable(sent.describe()));
    QVERIFY2(sent.err.contains(vector->txHash.toLatin1()), qPrintable(sent.describe()));
    QVERIFY2(sent.err.contains(vector->txRaw.toBase64()), qPrintable(sent.describe()));
    QVERIFY2(sent.err.contains("outcome unknown"), qPrintable(sent.describe()));
    QCOMPARE(node.requestCount(), 1); // sent once
}

QTEST_GUILESS_MAIN(TestCliTx)
#include "TestCliTx.moc"
