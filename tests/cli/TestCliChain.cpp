// baokeys-cli's chain-aware transactions against the purpose-built REST
// chain (tests/chain/server.mjs, Node): it decodes every broadcast TxRaw and
// verifies its signature on its own (cosmjs-types, @noble/secp256k1), keeps
// accounts and grants, and answers with the SDK's codes. Covered: provision
// 8 workers, grant all 8 in one broadcast tx, a worker sending with the
// granter paying, the spend limit enforced, a sequence mismatch retried after
// asking again, an already-granted worker skipped, the accounts fallback.
#include "ChainServer.h"
#include "CliExpect.h"
#include "CliHarness.h"
#include "TxVectors.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

namespace {

const QString ChainId = QStringLiteral("baokeys-test");
using ChainServer = baokeys::testsupport::ChainServer;

QString balanceOf(const QJsonObject &state, const QString &address)
{
    for (const QJsonValue &coin : state.value(QLatin1String("accounts"))
                                      .toObject()
                                      .value(address)
                                      .toObject()
                                      .value(QLatin1String("balances"))
                                      .toArray()) {
        if (coin.toObject().value(QLatin1String("denom")).toString() == QLatin1String("utia"))
            return coin.toObject().value(QLatin1String("amount")).toString();
    }
    return QStringLiteral("0");
}

} // namespace

class TestCliChain : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void grantWorkersEndToEnd();
    void accountsFallback();

private:
    // Imports the vector's granter as "granter" and returns its address.
    static QString importGranter(const CliHarness &cli);
    static QString addressOf(const CliHarness &cli, const QString &key);
};

void TestCliChain::initTestCase()
{
    QVERIFY2(QFileInfo::exists(CliHarness::binary()), "baokeys-cli is not built");
    const QString missing = ChainServer::missingDependencies();
    QVERIFY2(missing.isEmpty(), qPrintable(missing));
}

QString TestCliChain::importGranter(const CliHarness &cli)
{
    for (const txtest::TxVector &vector : txtest::txVectors()) {
        if (vector.kind != QLatin1String("MsgGrantAllowance x4 (BasicAllowance)"))
            continue;
        const QString file =
            cli.writeFile(QStringLiteral("granter.hex"), vector.privateKeyHex.toLatin1() + "\n");
        const CliRun imported = cli.run({QStringLiteral("keys"), QStringLiteral("import"),
                                         QStringLiteral("granter"), QStringLiteral("--hex-file"), file});
        if (imported.crashed || imported.exitCode != 0)
            return {};
        return vector.signer;
    }
    return {};
}

QString TestCliChain::addressOf(const CliHarness &cli, const QString &key)
{
    const CliRun shown = cli.run({QStringLiteral("--output"), QStringLiteral("json"), QStringLiteral("keys"),
                                  QStringLiteral("show"), key});
    return shown.json().value(QStringLiteral("address")).toString();
}

void TestCliChain::grantWorkersEndToEnd()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    const QString granter = importGranter(cli);
    QVERIFY(!granter.isEmpty());
    ChainServer chain({QStringLiteral("--account"), granter + QStringLiteral("=100000000utia")});
    QVERIFY2(chain.error().isEmpty(), qPrintable(chain.error()));

    // Provision 8 workers on the signer.
    EXPECT_EXIT(cli.run({QStringLiteral("batch"), QStringLiteral("create"), QStringLiteral("--prefix"),
                         QStringLiteral("worker"), QStringLiteral("--count"), QStringLiteral("8")}),
                0);
    QStringList workers;
    for (int i = 1; i <= 8; ++i)
        workers << addressOf(cli, QStringLiteral("worker-%1").arg(i));
    QCOMPARE(workers.size(), 8);

    // Grant all 8 in one transaction, funding them, gas simulated, broadcast
    // and followed to inclusion; account number and sequence asked of the node.
    const QStringList common{QStringLiteral("--chain-id"), ChainId, QStringLiteral("--node"), chain.url()};
    const auto grant = [&](int count, const QStringList &more = {},
                           const QString &gas = QStringLiteral("auto")) {
        return cli.run(QStringList{QStringLiteral("--output"),
                                   QStringLiteral("json"),
                                   QStringLiteral("tx"),
                                   QStringLiteral("grant"),
                                   QStringLiteral("--from"),
                                   QStringLiteral("granter"),
                                   QStringLiteral("--grantee-prefix"),
                                   QStringLiteral("worker"),
                                   QStringLiteral("--count"),
                                   QString::number(count),
                                   QStringLiteral("--spend-limit"),
                                   QStringLiteral("1000000utia"),
                                   QStringLiteral("--allowed-message"),
                                   QStringLiteral("/cosmos.bank.v1beta1.MsgSend"),
                                   QStringLiteral("--fund"),
                                   QStringLiteral("1utia"),
                                   QStringLiteral("--fee"),
                                   QStringLiteral("20000utia"),
                                   QStringLiteral("--gas"),
                                   gas,
                                   QStringLiteral("--broadcast")} +
                       common + more);
    };
    const CliRun granted = grant(8);
    EXPECT_EXIT(granted, 0);
    QJsonObject json = granted.json();
    QCOMPARE(json.value(QStringLiteral("granted")).toArray().size(), 8);
    QCOMPARE(json.value(QStringLiteral("funded")).toArray().size(), 8);
    QCOMPARE(json.value(QStringLiteral("account_number")).toString(), QStringLiteral("0"));
    QCOMPARE(json.value(QStringLiteral("sequence")).toString(), QStringLiteral("0"));
    // 8 grants + 8 sends: 60000 + 16 * 25000 simulated, times 1.3.
    QCOMPARE(json.value(QStringLiteral("gas_simulated")).toString(), QStringLiteral("460000"));
    QCOMPARE(json.value(QStringLiteral("gas")).toString(), QStringLiteral("598000"));
    QCOMPARE(json.value(QStringLiteral("tx_response")).toObject().value(QStringLiteral("code")).toInt(), 0);
    QVERIFY(json.value(QStringLiteral("tx_response"))
                .toObject()
                .value(QStringLiteral("height"))
                .toString()
                .toInt() > 0);
    QJsonObject state = chain.state();
    QCOMPARE(state.value(QStringLiteral("grants")).toArray().size(), 8);
    QCOMPARE(state.value(QStringLiteral("verified")).toInt(), 1);
    for (const QJsonValue &g : state.value(QStringLiteral("grants")).toArray()) {
        QCOMPARE(g.toObject().value(QStringLiteral("granter")).toString(), granter);
        QVERIFY(workers.contains(g.toObject().value(QStringLiteral("grantee")).toString()));
        QCOMPARE(g.toObject()
                     .value(QStringLiteral("allowance"))
                     .toObject()
                     .value(QStringLiteral("@type"))
                     .toString(),
                 QStringLiteral("/cosmos.feegrant.v1beta1.AllowedMsgAllowance"));
    }
    for (const QString &worker : workers)
        QCOMPARE(balanceOf(state, worker), QStringLiteral("1"));

    // A worker sends with the granter paying its fee.
    const QString granterBefore = balanceOf(state, granter);
    const auto workerSend = [&](int worker, const QString &fee, const QString &feeGranter) {
        return cli.run(QStringList{QStringLiteral("tx"), QStringLiteral("send"), QStringLiteral("--from"),
                                   QStringLiteral("worker-%1").arg(worker), QStringLiteral("--to"), granter,
                                   QStringLiteral("--amount"), QStringLiteral("1utia"),
                                   QStringLiteral("--fee"), fee, QStringLiteral("--gas"),
                                   QStringLiteral("200000"), QStringLiteral("--fee-granter"), feeGranter,
                                   QStringLiteral("--broadcast")} +
                       common);
    };
    const CliRun sent = workerSend(1, QStringLiteral("2000utia"), granter);
    EXPECT_EXIT(sent, 0);
    QVERIFY2(sent.err.contains("included at height"), qPrintable(sent.describe()));
    state = chain.state();
    QCOMPARE(state.value(QStringLiteral("verified")).toInt(), 2);
    QCOMPARE(balanceOf(state, granter).toLongLong(), granterBefore.toLongLong() - 2000 + 1);
    QCOMPARE(balanceOf(state, workers.at(0)), QStringLiteral("0"));
    // The spend limit is enforced: more than worker-2's 1000000utia is refused.
    CliRun refused = workerSend(2, QStringLiteral("1000001utia"), granter);
    EXPECT_CLEAN_FAILURE(refused, 1);
    QVERIFY2(refused.err.contains("fee limit exceeded"), qPrintable(refused.describe()));
    // No grant from that account: "fee-grant not found".
    refused = workerSend(2, QStringLiteral("2000utia"), workers.at(3));
    EXPECT_CLEAN_FAILURE(refused, 1);
    QVERIFY2(refused.err.contains("fee-grant not found"), qPrintable(refused.describe()));
    // Too small a fee for the gas: the SDK's insufficient fee (code 13).
    refused = workerSend(2, QStringLiteral("1utia"), granter);
    EXPECT_CLEAN_FAILURE(refused, 1);
    QVERIFY2(refused.err.contains("code 13") && refused.err.contains("insufficient fee"),
             qPrintable(refused.describe()));
    // Signed for another chain: the signature does not verify (code 4).
    refused = cli.run(
        {QStringLiteral("tx"), QStringLiteral("send"), QStringLiteral("--from"), QStringLiteral("worker-2"),
         QStringLiteral("--to"), granter, QStringLiteral("--amount"), QStringLiteral("1utia"),
         QStringLiteral("--fee"), QStringLiteral("2000utia"), QStringLiteral("--gas"),
         QStringLiteral("200000"), QStringLiteral("--fee-granter"), granter, QStringLiteral("--broadcast"),
         QStringLiteral("--chain-id"), QStringLiteral("other-chain"), QStringLiteral("--node"), chain.url()});
    EXPECT_CLEAN_FAILURE(refused, 1);
    QVERIFY2(refused.err.contains("code 4") && refused.err.contains("unauthorized"),
             qPrintable(refused.describe()));

    // A ninth worker: the 8 granted ones are skipped and said so; the node's
    // view of the granter's sequence is stale once, so the broadcast meets a
    // sequence mismatch, asks again and succeeds (a fixed gas: a simulation
    // would meet the stale sequence first).
    EXPECT_EXIT(cli.run({QStringLiteral("keys"), QStringLiteral("add"), QStringLiteral("worker-9")}), 0);
    chain.request("POST", QStringLiteral("/_test/stale-sequence/") + granter);
    const CliRun again = grant(9, {}, QStringLiteral("400000"));
    EXPECT_EXIT(again, 0);
    json = again.json();
    QCOMPARE(json.value(QStringLiteral("granted")).toArray().size(), 1);
    QCOMPARE(json.value(QStringLiteral("skipped")).toArray().size(), 8);
    QCOMPARE(QString::fromUtf8(again.err).count(QLatin1String("skipped ")), 8);
    QVERIFY2(again.err.contains("already has a grant"), qPrintable(again.describe()));
    QVERIFY2(again.err.contains("account sequence mismatch, expected 1, got 0"),
             qPrintable(again.describe()));
    QVERIFY2(again.err.contains("asking"), qPrintable(again.describe()));
    QCOMPARE(json.value(QStringLiteral("sequence")).toString(), QStringLiteral("1"));
    state = chain.state();
    QCOMPARE(state.value(QStringLiteral("grants")).toArray().size(), 9);

    // Everything granted: nothing to sign.
    const CliRun nothing = grant(9);
    EXPECT_EXIT(nothing, 0);
    QVERIFY2(nothing.err.contains("nothing to sign"), qPrintable(nothing.describe()));
    // A sequence given by hand is not retried: the mismatch is reported.
    refused = grant(9, {QStringLiteral("--regrant"), QStringLiteral("--sequence"), QStringLiteral("0")},
                    QStringLiteral("400000"));
    EXPECT_CLEAN_FAILURE(refused, 1);
    QVERIFY2(refused.err.contains("account sequence mismatch (code 32)"), qPrintable(refused.describe()));
    // --regrant replaces a grant (revoke + grant in one transaction).
    const CliRun regranted = grant(1, {QStringLiteral("--regrant")});
    EXPECT_EXIT(regranted, 0);
    QCOMPARE(chain.state().value(QStringLiteral("grants")).toArray().size(), 9);

    // Revoke two workers; a worker without a grant is skipped.
    const auto revoke = [&](const QStringList &grantees) {
        QStringList arguments{
            QStringLiteral("tx"),      QStringLiteral("revoke"), QStringLiteral("--from"),
            QStringLiteral("granter"), QStringLiteral("--fee"),  QStringLiteral("20000utia"),
            QStringLiteral("--gas"),   QStringLiteral("auto"),   QStringLiteral("--broadcast")};
        for (const QString &grantee : grantees)
            arguments << QStringLiteral("--grantee") << grantee;
        return cli.run(arguments + common);
    };
    EXPECT_EXIT(revoke({workers.at(6), workers.at(7)}), 0);
    QCOMPARE(chain.state().value(QStringLiteral("grants")).toArray().size(), 7);
    const CliRun skippedRevoke = revoke({workers.at(7)});
    EXPECT_EXIT(skippedRevoke, 0);
    QVERIFY2(skippedRevoke.err.contains("has no grant"), qPrintable(skippedRevoke.describe()));
}

void TestCliChain::accountsFallback()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    const QString granter = importGranter(cli);
    QVERIFY(!granter.isEmpty());
    ChainServer chain({QStringLiteral("--account"), granter + QStringLiteral("=100000000utia"),
                       QStringLiteral("--no-account-info")});
    QVERIFY2(chain.error().isEmpty(), qPrintable(chain.error()));
    // BAOKEYS_NODE names the node; the account comes from /accounts.
    QProcessEnvironment environment = cli.environment();
    environment.insert(QStringLiteral("BAOKEYS_NODE"), chain.url());
    const CliRun sent = CliHarness::runRaw(
        {QStringLiteral("--store"), cli.storePath(), QStringLiteral("tx"), QStringLiteral("send"),
         QStringLiteral("--from"), QStringLiteral("granter"), QStringLiteral("--to"),
         QStringLiteral("celestia1lw2v58r76dam3ek03nw88jx9h3mkdterar8u5l"), QStringLiteral("--amount"),
         QStringLiteral("5utia"), QStringLiteral("--fee"), QStringLiteral("2000utia"),
         QStringLiteral("--gas"), QStringLiteral("auto"), QStringLiteral("--gas-adjustment"),
         QStringLiteral("2"), QStringLiteral("--chain-id"), ChainId, QStringLiteral("--broadcast")},
        environment);
    EXPECT_EXIT(sent, 0);
    const QJsonObject state = chain.state();
    QCOMPARE(state.value(QStringLiteral("verified")).toInt(), 1);
    QCOMPARE(balanceOf(state, QStringLiteral("celestia1lw2v58r76dam3ek03nw88jx9h3mkdterar8u5l")),
             QStringLiteral("5"));
    // No account on chain yet: said plainly.
    const CliRun unknown = CliHarness::runRaw(
        {QStringLiteral("--store"), cli.storePath(), QStringLiteral("tx"), QStringLiteral("revoke"),
         QStringLiteral("--from"), QStringLiteral("granter"), QStringLiteral("--grantee"),
         QStringLiteral("celestia1lw2v58r76dam3ek03nw88jx9h3mkdterar8u5l"), QStringLiteral("--fee"),
         QStringLiteral("2000utia"), QStringLiteral("--gas"), QStringLiteral("100000"),
         QStringLiteral("--chain-id"), ChainId},
        environment);
    EXPECT_EXIT(unknown, 0); // no grant: skipped, nothing to sign
    QVERIFY2(unknown.err.contains("nothing to sign"), qPrintable(unknown.describe()));
}

QTEST_GUILESS_MAIN(TestCliChain)
#include "TestCliChain.moc"
