// baokeys-cli tx grant / tx revoke end to end, offline: the real binary
// against the embedded signer over loopback. The shared vector
// "MsgGrantAllowance x4 (BasicAllowance)" comes out byte for byte through
// both grantee forms; AllowedMsgAllowance, expiration, --fund and revoke are
// checked against TxBody bytes built by hand here, not by core/tx; and every
// bad input exits 2 naming the rule it broke.
#include "CliExpect.h"
#include "CliHarness.h"
#include "EmbeddedSigner.h"
#include "TxVectors.h"
#include "core/bao/BaoClient.h"

#include <QFileInfo>
#include <QTest>

namespace {

const QString grantKind = QStringLiteral("MsgGrantAllowance x4 (BasicAllowance)");

// Protobuf written by hand: a varint, and a length-delimited field (numbers below 16).
QByteArray varint(quint64 value)
{
    QByteArray out;
    while (value >= 0x80) {
        out.append(char((value & 0x7f) | 0x80));
        value >>= 7;
    }
    out.append(char(value));
    return out;
}

QByteArray field(int number, const QByteArray &value)
{
    return char((number << 3) | 2) + varint(quint64(value.size())) + value;
}

QByteArray anyOf(const QByteArray &typeUrl, const QByteArray &value)
{
    return field(1, typeUrl) + field(2, value);
}

QByteArray coin(const QByteArray &amount, const QByteArray &denom)
{
    return field(1, denom) + field(2, amount);
}

// The TxBody bytes inside a SignDoc (its field 1 comes first).
QByteArray bodyOfSignDoc(const QString &signDocHex)
{
    const QByteArray signDoc = QByteArray::fromHex(signDocHex.toLatin1());
    if (signDoc.isEmpty() || signDoc.at(0) != 0x0a)
        return {};
    quint64 length = 0;
    int shift = 0;
    qsizetype at = 1;
    while (at < signDoc.size()) {
        const auto byte = quint8(signDoc.at(at++));
        length |= quint64(byte & 0x7f) << shift;
        shift += 7;
        if (!(byte & 0x80))
            break;
    }
    return signDoc.mid(at, qsizetype(length));
}

} // namespace

class TestCliGrant : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void grantMatchesTheVector_data();
    void grantMatchesTheVector();
    void grantJson();
    void allowedMessagesAndExpiration();
    void fundAddsSends();
    void revoke();
    void aGranteeGoneFromTheServerIsNotGranted();
    void badInput();

private:
    // Imports the vector's granter as "granter" and its grantees as worker-1..4.
    bool importKeys(const CliHarness &cli) const;
    QStringList grantArguments(bool prefixForm) const;

    txtest::TxVector m_vector;
    QList<txtest::TxVector> m_all;
};

void TestCliGrant::initTestCase()
{
    QVERIFY2(QFileInfo::exists(CliHarness::binary()), "baokeys-cli is not built");
    m_all = txtest::txVectors();
    for (const txtest::TxVector &vector : m_all) {
        if (vector.kind == grantKind)
            m_vector = vector;
    }
    QVERIFY2(!m_vector.kind.isEmpty(), "the shared vectors have no MsgGrantAllowance x4");
}

bool TestCliGrant::importKeys(const CliHarness &cli) const
{
    const auto importHex = [&](const QString &name, const QString &hex) {
        const QString file = cli.writeFile(name + QStringLiteral(".hex"), hex.toLatin1() + "\n");
        const CliRun imported = cli.run(
            {QStringLiteral("keys"), QStringLiteral("import"), name, QStringLiteral("--hex-file"), file});
        return !imported.crashed && imported.exitCode == 0;
    };
    if (!importHex(QStringLiteral("granter"), m_vector.privateKeyHex))
        return false;
    // The grantees' keys are the signers of other "keys" entries: take them
    // from the vector file's key list through the tx vectors' lookup.
    const auto file = baokeys::testsupport::VectorFile::cosmos();
    const QJsonArray grantees = m_vector.params.value(QLatin1String("grantees")).toArray();
    for (qsizetype i = 0; i < grantees.size(); ++i) {
        QString privateKey;
        for (const QJsonValue &key : file.section("keys")) {
            if (key.toObject().value(QLatin1String("celestia")).toString() == grantees.at(i).toString())
                privateKey = key.toObject().value(QLatin1String("privkey_hex")).toString();
        }
        if (privateKey.isEmpty() || !importHex(QStringLiteral("worker-%1").arg(i + 1), privateKey))
            return false;
    }
    return true;
}

QStringList TestCliGrant::grantArguments(bool prefixForm) const
{
    const baokeys::tx::Fee fee = txtest::feeFor(m_vector);
    const baokeys::tx::SignerAccount account = txtest::accountFor(m_vector);
    QStringList feeCoins;
    for (const baokeys::tx::Coin &c : fee.amount)
        feeCoins << c.toString();
    QStringList arguments{QStringLiteral("tx"), QStringLiteral("grant"), QStringLiteral("--from"),
                          QStringLiteral("granter")};
    const QJsonArray grantees = m_vector.params.value(QLatin1String("grantees")).toArray();
    if (prefixForm) {
        arguments << QStringLiteral("--grantee-prefix") << QStringLiteral("worker")
                  << QStringLiteral("--count") << QString::number(grantees.size());
    } else {
        for (const QJsonValue &grantee : grantees)
            arguments << QStringLiteral("--grantee") << grantee.toString();
    }
    arguments << QStringLiteral("--spend-limit")
              << m_vector.params.value(QLatin1String("spend_limit")).toString() << QStringLiteral("--fee")
              << feeCoins.join(QLatin1Char(',')) << QStringLiteral("--gas") << QString::number(fee.gasLimit)
              << QStringLiteral("--chain-id") << account.chainId << QStringLiteral("--account-number")
              << QString::number(account.accountNumber) << QStringLiteral("--sequence")
              << QString::number(account.sequence);
    return arguments;
}

void TestCliGrant::grantMatchesTheVector_data()
{
    QTest::addColumn<bool>("prefixForm");
    QTest::newRow("--grantee ADDR ...") << false;
    QTest::newRow("--grantee-prefix P --count N") << true;
}

// Both grantee forms sign the shared vector's transaction byte for byte.
void TestCliGrant::grantMatchesTheVector()
{
    QFETCH(bool, prefixForm);
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    QVERIFY(importKeys(cli));
    const CliRun granted = cli.run(grantArguments(prefixForm));
    EXPECT_EXIT(granted, 0);
    const QList<QByteArray> lines = granted.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0), m_vector.txRaw.toBase64());
    QCOMPARE(QString::fromLatin1(lines.at(1)), m_vector.txHash);
}

void TestCliGrant::grantJson()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    QVERIFY(importKeys(cli));
    const CliRun granted =
        cli.run(QStringList{QStringLiteral("--output"), QStringLiteral("json")} + grantArguments(false));
    EXPECT_EXIT(granted, 0);
    const QJsonObject json = granted.json();
    QCOMPARE(json.value(QStringLiteral("tx_raw")).toString(), QString::fromLatin1(m_vector.txRaw.toBase64()));
    QCOMPARE(json.value(QStringLiteral("txhash")).toString(), m_vector.txHash);
    QCOMPARE(json.value(QStringLiteral("signature")).toString(),
             QString::fromLatin1(m_vector.signature.toBase64()));
    QCOMPARE(json.value(QStringLiteral("sign_doc_hex")).toString(),
             baokeys::crypto::Hex::encode(m_vector.signDocBytes));
    QCOMPARE(json.value(QStringLiteral("from")).toString(), m_vector.signer);
    QCOMPARE(json.value(QStringLiteral("granted")).toArray(),
             m_vector.params.value(QLatin1String("grantees")).toArray());
}

void TestCliGrant::allowedMessagesAndExpiration()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    QVERIFY(importKeys(cli));
    const QString grantee = m_vector.params.value(QLatin1String("grantees")).toArray().at(0).toString();
    const CliRun granted = cli.run({QStringLiteral("--output"),
                                    QStringLiteral("json"),
                                    QStringLiteral("tx"),
                                    QStringLiteral("grant"),
                                    QStringLiteral("--from"),
                                    QStringLiteral("granter"),
                                    QStringLiteral("--grantee"),
                                    grantee,
                                    QStringLiteral("--spend-limit"),
                                    QStringLiteral("1000utia"),
                                    QStringLiteral("--expiration"),
                                    QStringLiteral("2030-01-01T02:00:00+02:00"),
                                    QStringLiteral("--allowed-message"),
                                    QStringLiteral("/celestia.blob.v1.MsgPayForBlobs"),
                                    QStringLiteral("--allowed-message"),
                                    QStringLiteral("/cosmos.bank.v1beta1.MsgSend"),
                                    QStringLiteral("--fee"),
                                    QStringLiteral("2000utia"),
                                    QStringLiteral("--gas"),
                                    QStringLiteral("100000"),
                                    QStringLiteral("--chain-id"),
                                    QStringLiteral("mocha-4"),
                                    QStringLiteral("--account-number"),
                                    QStringLiteral("7"),
                                    QStringLiteral("--sequence"),
                                    QStringLiteral("1")});
    EXPECT_EXIT(granted, 0);
    // 2030-01-01T00:00:00Z is 1893456000 s after the epoch; nanos 0 are left out.
    const QByteArray timestamp = char(0x08) + varint(1893456000);
    const QByteArray basic = field(1, coin("1000", "utia")) + field(2, timestamp);
    const QByteArray allowed = field(1, anyOf("/cosmos.feegrant.v1beta1.BasicAllowance", basic)) +
                               field(2, "/celestia.blob.v1.MsgPayForBlobs") +
                               field(2, "/cosmos.bank.v1beta1.MsgSend");
    const QByteArray grant = field(1, m_vector.signer.toLatin1()) + field(2, grantee.toLatin1()) +
                             field(3, anyOf("/cosmos.feegrant.v1beta1.AllowedMsgAllowance", allowed));
    const QByteArray expected = field(1, anyOf("/cosmos.feegrant.v1beta1.MsgGrantAllowance", grant));
    QCOMPARE(bodyOfSignDoc(granted.json().value(QStringLiteral("sign_doc_hex")).toString()).toHex(),
             expected.toHex());
}

void TestCliGrant::fundAddsSends()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    QVERIFY(importKeys(cli));
    const QJsonArray grantees = m_vector.params.value(QLatin1String("grantees")).toArray();
    const CliRun granted = cli.run({QStringLiteral("--output"),
                                    QStringLiteral("json"),
                                    QStringLiteral("tx"),
                                    QStringLiteral("grant"),
                                    QStringLiteral("--from"),
                                    QStringLiteral("granter"),
                                    QStringLiteral("--grantee-prefix"),
                                    QStringLiteral("worker"),
                                    QStringLiteral("--count"),
                                    QStringLiteral("2"),
                                    QStringLiteral("--fund"),
                                    QStringLiteral("1utia"),
                                    QStringLiteral("--fee"),
                                    QStringLiteral("2000utia"),
                                    QStringLiteral("--gas"),
                                    QStringLiteral("200000"),
                                    QStringLiteral("--chain-id"),
                                    QStringLiteral("mocha-4"),
                                    QStringLiteral("--account-number"),
                                    QStringLiteral("7"),
                                    QStringLiteral("--sequence"),
                                    QStringLiteral("1")});
    EXPECT_EXIT(granted, 0);
    // The grants first, then one MsgSend of the --fund coins to each grantee.
    QByteArray expected;
    // BasicAllowance{} is empty: its Any has no value field at all.
    const QByteArray unlimited = field(1, "/cosmos.feegrant.v1beta1.BasicAllowance");
    for (int i = 0; i < 2; ++i) {
        const QByteArray grant = field(1, m_vector.signer.toLatin1()) +
                                 field(2, grantees.at(i).toString().toLatin1()) + field(3, unlimited);
        expected += field(1, anyOf("/cosmos.feegrant.v1beta1.MsgGrantAllowance", grant));
    }
    for (int i = 0; i < 2; ++i) {
        const QByteArray send = field(1, m_vector.signer.toLatin1()) +
                                field(2, grantees.at(i).toString().toLatin1()) + field(3, coin("1", "utia"));
        expected += field(1, anyOf("/cosmos.bank.v1beta1.MsgSend", send));
    }
    const QJsonObject json = granted.json();
    QCOMPARE(bodyOfSignDoc(json.value(QStringLiteral("sign_doc_hex")).toString()).toHex(), expected.toHex());
    QCOMPARE(json.value(QStringLiteral("funded")).toArray().size(), 2);
}

void TestCliGrant::revoke()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    QVERIFY(importKeys(cli));
    const QJsonArray grantees = m_vector.params.value(QLatin1String("grantees")).toArray();
    QStringList arguments{QStringLiteral("--output"),
                          QStringLiteral("json"),
                          QStringLiteral("tx"),
                          QStringLiteral("revoke"),
                          QStringLiteral("--from"),
                          QStringLiteral("granter"),
                          QStringLiteral("--grantee"),
                          grantees.at(2).toString(),
                          QStringLiteral("--grantee"),
                          grantees.at(0).toString(),
                          QStringLiteral("--fee"),
                          QStringLiteral("2000utia"),
                          QStringLiteral("--gas"),
                          QStringLiteral("100000"),
                          QStringLiteral("--chain-id"),
                          QStringLiteral("mocha-4"),
                          QStringLiteral("--account-number"),
                          QStringLiteral("7"),
                          QStringLiteral("--sequence"),
                          QStringLiteral("2")};
    const CliRun revoked = cli.run(arguments);
    EXPECT_EXIT(revoked, 0);
    QByteArray expected;
    for (int i : {2, 0}) {
        const QByteArray message =
            field(1, m_vector.signer.toLatin1()) + field(2, grantees.at(i).toString().toLatin1());
        expected += field(1, anyOf("/cosmos.feegrant.v1beta1.MsgRevokeAllowance", message));
    }
    const QJsonObject json = revoked.json();
    QCOMPARE(bodyOfSignDoc(json.value(QStringLiteral("sign_doc_hex")).toString()).toHex(), expected.toHex());
    QCOMPARE(json.value(QStringLiteral("revoked")).toArray().size(), 2);

    // The prefix form names the same grantees.
    const CliRun byPrefix =
        cli.run({QStringLiteral("tx"), QStringLiteral("revoke"), QStringLiteral("--from"),
                 QStringLiteral("granter"), QStringLiteral("--grantee-prefix"), QStringLiteral("worker"),
                 QStringLiteral("--count"), QStringLiteral("4"), QStringLiteral("--fee"),
                 QStringLiteral("2000utia"), QStringLiteral("--gas"), QStringLiteral("100000"),
                 QStringLiteral("--chain-id"), QStringLiteral("mocha-4"), QStringLiteral("--account-number"),
                 QStringLiteral("7"), QStringLiteral("--sequence"), QStringLiteral("2")});
    EXPECT_EXIT(byPrefix, 0);
}

// A worker deleted on the server behind the store's back: an allowance or
// coins (--fund) sent to its address could never be used or moved.
void TestCliGrant::aGranteeGoneFromTheServerIsNotGranted()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    QVERIFY(importKeys(cli));
    baokeys::bao::BaoClient server(baokeys::testsupport::EmbeddedSigner::settingsFor(cli.server()));
    QVERIFY(server.deleteKey(QStringLiteral("worker-3")).hasValue());
    EXPECT_EXIT(cli.run({QStringLiteral("keys"), QStringLiteral("sync")}), 0);

    const CliRun refused =
        cli.run(grantArguments(true) << QStringLiteral("--fund") << QStringLiteral("5utia"));
    EXPECT_CLEAN_FAILURE(refused, 1);
    QVERIFY2(refused.err.contains("\"worker-3\" is no longer on the server"), refused.err.constData());
    // Taking grants back from it still works.
    QStringList revoke = grantArguments(true);
    revoke[1] = QStringLiteral("revoke");
    revoke.removeAt(revoke.indexOf(QStringLiteral("--spend-limit")) + 1);
    revoke.removeAll(QStringLiteral("--spend-limit"));
    EXPECT_EXIT(cli.run(revoke), 0);
}

void TestCliGrant::badInput()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    QVERIFY(importKeys(cli));
    const QStringList good = grantArguments(false);
    const QStringList goodPrefix = grantArguments(true);
    const auto with = [&](QStringList arguments, const QString &option, const QString &value) {
        const qsizetype at = arguments.indexOf(option);
        if (at >= 0)
            arguments[at + 1] = value;
        else
            arguments << option << value;
        return cli.run(arguments);
    };
    const auto errorOf = [](const CliRun &run) { return QString::fromUtf8(run.err); };
    const QString firstGrantee = m_vector.params.value(QLatin1String("grantees")).toArray().at(0).toString();

    // An unknown key, as the granter or among the prefix keys: exit 1, as
    // for tx send and as the help says (it was 2, a usage error).
    CliRun run = with(good, QStringLiteral("--from"), QStringLiteral("nobody"));
    EXPECT_CLEAN_FAILURE(run, 1);
    QVERIFY2(errorOf(run).contains(QLatin1String("unknown key")), qPrintable(run.describe()));
    run = with(goodPrefix, QStringLiteral("--count"), QStringLiteral("5"));
    EXPECT_CLEAN_FAILURE(run, 1);
    QVERIFY2(errorOf(run).contains(QLatin1String("worker-5")), qPrintable(run.describe()));
    // A grantee that is the granter.
    run = cli.run(good + QStringList{QStringLiteral("--grantee"), m_vector.signer});
    EXPECT_CLEAN_FAILURE(run, 2);
    QVERIFY2(errorOf(run).contains(QLatin1String("is the granter")), qPrintable(run.describe()));
    // The same grantee twice (also when one is written in upper case).
    run = cli.run(good + QStringList{QStringLiteral("--grantee"), firstGrantee});
    EXPECT_CLEAN_FAILURE(run, 2);
    QVERIFY2(errorOf(run).contains(QLatin1String("twice")), qPrintable(run.describe()));
    run = cli.run(good + QStringList{QStringLiteral("--grantee"), firstGrantee.toUpper()});
    EXPECT_CLEAN_FAILURE(run, 2);
    // Malformed addresses: a bad checksum, another chain's prefix.
    EXPECT_CLEAN_FAILURE(
        cli.run(good + QStringList{QStringLiteral("--grantee"),
                                   QStringLiteral("celestia1lw2v58r76dam3ek03nw88jx9h3mkdterar8u5m")}),
        2);
    EXPECT_CLEAN_FAILURE(
        cli.run(good + QStringList{QStringLiteral("--grantee"),
                                   QStringLiteral("cosmos1lw2v58r76dam3ek03nw88jx9h3mkdtervfkvwj")}),
        2);
    // Malformed coins.
    EXPECT_CLEAN_FAILURE(with(good, QStringLiteral("--spend-limit"), QStringLiteral("5000000")), 2);
    EXPECT_CLEAN_FAILURE(with(good, QStringLiteral("--spend-limit"), QStringLiteral("-5utia")), 2);
    EXPECT_CLEAN_FAILURE(with(good, QStringLiteral("--fund"), QStringLiteral("1.5utia")), 2);
    EXPECT_CLEAN_FAILURE(with(good, QStringLiteral("--fee"), QStringLiteral("utia")), 2);
    // Expirations: in the past, not RFC 3339 (no offset, no time).
    run = with(good, QStringLiteral("--expiration"), QStringLiteral("2020-01-01T00:00:00Z"));
    EXPECT_CLEAN_FAILURE(run, 2);
    QVERIFY2(errorOf(run).contains(QLatin1String("in the past")), qPrintable(run.describe()));
    EXPECT_CLEAN_FAILURE(with(good, QStringLiteral("--expiration"), QStringLiteral("2030-01-01T00:00:00")),
                         2);
    EXPECT_CLEAN_FAILURE(with(good, QStringLiteral("--expiration"), QStringLiteral("2030-01-01")), 2);
    EXPECT_CLEAN_FAILURE(with(good, QStringLiteral("--expiration"), QStringLiteral("2030-13-01T00:00:00Z")),
                         2);
    // Type URLs.
    EXPECT_CLEAN_FAILURE(with(good, QStringLiteral("--allowed-message"), QStringLiteral("MsgPayForBlobs")),
                         2);
    // Grantee forms: none, both, --count alone, a bad count.
    QStringList none = good;
    for (qsizetype at = none.indexOf(QStringLiteral("--grantee")); at >= 0;
         at = none.indexOf(QStringLiteral("--grantee"))) {
        none.removeAt(at);
        none.removeAt(at);
    }
    EXPECT_CLEAN_FAILURE(cli.run(none), 2);
    EXPECT_CLEAN_FAILURE(
        cli.run(good + QStringList{QStringLiteral("--grantee-prefix"), QStringLiteral("worker"),
                                   QStringLiteral("--count"), QStringLiteral("1")}),
        2);
    EXPECT_CLEAN_FAILURE(with(good, QStringLiteral("--count"), QStringLiteral("2")), 2);
    EXPECT_CLEAN_FAILURE(with(goodPrefix, QStringLiteral("--count"), QStringLiteral("0")), 2);
    // Chain flags without a node.
    EXPECT_CLEAN_FAILURE(with(good, QStringLiteral("--gas"), QStringLiteral("auto")), 2);
    EXPECT_CLEAN_FAILURE(cli.run(good + QStringList{QStringLiteral("--broadcast")}), 2);
    EXPECT_CLEAN_FAILURE(cli.run(good + QStringList{QStringLiteral("--regrant")}), 2);
    QStringList noSequence = good;
    noSequence.removeAt(noSequence.indexOf(QStringLiteral("--sequence")) + 1);
    noSequence.removeAt(noSequence.indexOf(QStringLiteral("--sequence")));
    EXPECT_CLEAN_FAILURE(cli.run(noSequence), 2);
    EXPECT_CLEAN_FAILURE(with(good, QStringLiteral("--node"), QStringLiteral("ftp://127.0.0.1:1")), 2);
    // Revoke shares the grantee rules.
    QStringList revoke = good;
    revoke[1] = QStringLiteral("revoke");
    revoke.removeAt(revoke.indexOf(QStringLiteral("--spend-limit")) + 1);
    revoke.removeAt(revoke.indexOf(QStringLiteral("--spend-limit")));
    EXPECT_EXIT(cli.run(revoke), 0);
    EXPECT_CLEAN_FAILURE(cli.run(revoke + QStringList{QStringLiteral("--grantee"), m_vector.signer}), 2);
    EXPECT_CLEAN_FAILURE(cli.run(revoke + QStringList{QStringLiteral("--grantee"), firstGrantee}), 2);
}

QTEST_GUILESS_MAIN(TestCliGrant)
#include "TestCliGrant.moc"
