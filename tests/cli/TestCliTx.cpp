// baokeys-cli tx send end to end: the real binary against the embedded
// signer over loopback, checked against the shared MsgSend known answers
// (plain and with a fee granter), and the exit code of each bad input.
#include "CliExpect.h"
#include "CliHarness.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTest>

class TestCliTx : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void sendMatchesTheVectors_data();
    void sendMatchesTheVectors();
    void sendJson();
    void sendBadInput();

private:
    // Imports the private key of `address` (from "keys") as `name`.
    bool importSigner(const CliHarness &cli, const QString &name, const QString &address) const;
    QStringList sendArguments(const QJsonObject &vector, const QString &name) const;
    QJsonObject txVector(const QString &kind) const;

    QJsonObject m_vectors;
};

void TestCliTx::initTestCase()
{
    QVERIFY2(QFileInfo::exists(CliHarness::binary()), "baokeys-cli is not built");
    QFile file(QStringLiteral(BAOKEYS_SHARED_DIR "/vectors/cosmos-vectors.json"));
    QVERIFY2(file.open(QIODevice::ReadOnly), "cannot read the shared vectors");
    m_vectors = QJsonDocument::fromJson(file.readAll()).object();
    QVERIFY(!txVector(QStringLiteral("MsgSend")).isEmpty());
    QVERIFY(!txVector(QStringLiteral("MsgSend with fee_granter")).isEmpty());
}

QJsonObject TestCliTx::txVector(const QString &kind) const
{
    for (const QJsonValue &value : m_vectors.value(QStringLiteral("txs")).toArray()) {
        if (value.toObject().value(QStringLiteral("kind")).toString() == kind)
            return value.toObject();
    }
    return {};
}

bool TestCliTx::importSigner(const CliHarness &cli, const QString &name, const QString &address) const
{
    for (const QJsonValue &value : m_vectors.value(QStringLiteral("keys")).toArray()) {
        const QJsonObject key = value.toObject();
        if (key.value(QStringLiteral("celestia")).toString() != address)
            continue;
        const QString file =
            cli.writeFile(name + QStringLiteral(".hex"),
                          key.value(QStringLiteral("privkey_hex")).toString().toLatin1() + "\n");
        const CliRun imported = cli.run(
            {QStringLiteral("keys"), QStringLiteral("import"), name, QStringLiteral("--hex-file"), file});
        return !imported.crashed && imported.exitCode == 0;
    }
    return false;
}

QStringList TestCliTx::sendArguments(const QJsonObject &vector, const QString &name) const
{
    const QJsonObject params = vector.value(QStringLiteral("params")).toObject();
    const QJsonObject fee = params.value(QStringLiteral("fee")).toObject();
    const QJsonObject feeCoin = fee.value(QStringLiteral("amount")).toArray().at(0).toObject();
    QStringList arguments{
        QStringLiteral("tx"),
        QStringLiteral("send"),
        QStringLiteral("--from"),
        name,
        QStringLiteral("--to"),
        params.value(QStringLiteral("to")).toString(),
        QStringLiteral("--amount"),
        params.value(QStringLiteral("amount")).toString(),
        QStringLiteral("--fee"),
        feeCoin.value(QStringLiteral("amount")).toString() +
            feeCoin.value(QStringLiteral("denom")).toString(),
        QStringLiteral("--gas"),
        fee.value(QStringLiteral("gas")).toString(),
        QStringLiteral("--chain-id"),
        params.value(QStringLiteral("chainId")).toString(),
        QStringLiteral("--account-number"),
        QString::number(params.value(QStringLiteral("accountNumber")).toInteger()),
        QStringLiteral("--sequence"),
        QString::number(params.value(QStringLiteral("sequence")).toInteger()),
    };
    if (!params.value(QStringLiteral("memo")).toString().isEmpty())
        arguments << QStringLiteral("--memo") << params.value(QStringLiteral("memo")).toString();
    if (params.contains(QStringLiteral("feeGranter")))
        arguments << QStringLiteral("--fee-granter") << params.value(QStringLiteral("feeGranter")).toString();
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
    const QJsonObject vector = txVector(kind);
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    QVERIFY(importSigner(cli, QStringLiteral("sender"), vector.value(QStringLiteral("signer")).toString()));
    const CliRun sent = cli.run(sendArguments(vector, QStringLiteral("sender")));
    EXPECT_EXIT(sent, 0);
    const QList<QByteArray> lines = sent.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    QCOMPARE(QString::fromLatin1(lines.at(0)), vector.value(QStringLiteral("tx_raw_b64")).toString());
    QCOMPARE(QString::fromLatin1(lines.at(1)), vector.value(QStringLiteral("txhash")).toString());
}

void TestCliTx::sendJson()
{
    const QJsonObject vector = txVector(QStringLiteral("MsgSend"));
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    QVERIFY(importSigner(cli, QStringLiteral("sender"), vector.value(QStringLiteral("signer")).toString()));
    const CliRun sent = cli.run(QStringList{QStringLiteral("--output"), QStringLiteral("json")} +
                                sendArguments(vector, QStringLiteral("sender")));
    EXPECT_EXIT(sent, 0);
    const QJsonObject json = sent.json();
    QCOMPARE(json.value(QStringLiteral("tx_raw")).toString(),
             vector.value(QStringLiteral("tx_raw_b64")).toString());
    QCOMPARE(json.value(QStringLiteral("txhash")).toString(),
             vector.value(QStringLiteral("txhash")).toString());
    QCOMPARE(json.value(QStringLiteral("signature")).toString(),
             vector.value(QStringLiteral("signature_b64")).toString());
    QCOMPARE(json.value(QStringLiteral("sign_doc_hex")).toString(),
             vector.value(QStringLiteral("sign_doc_bytes_hex")).toString());
    QCOMPARE(json.value(QStringLiteral("from")).toString(),
             vector.value(QStringLiteral("signer")).toString());
}

void TestCliTx::sendBadInput()
{
    const QJsonObject vector = txVector(QStringLiteral("MsgSend"));
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    QVERIFY(importSigner(cli, QStringLiteral("sender"), vector.value(QStringLiteral("signer")).toString()));
    const QStringList good = sendArguments(vector, QStringLiteral("sender"));
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

QTEST_GUILESS_MAIN(TestCliTx)
#include "TestCliTx.moc"
