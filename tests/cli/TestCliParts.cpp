// The pure parts of baokeys-cli, without a process: the exit-code table, the
// subcommand parser, the strict decoders and the latency figures.
#include "cli/BatchCommands.h"
#include "cli/CliConfig.h"
#include "cli/CommandLine.h"
#include "cli/ExitCode.h"
#include "cli/InputReader.h"
#include "cli/LatencyStats.h"
#include "cli/SignCommands.h"

#include <QTest>

using namespace baokeys::cli;
using baokeys::bao::BaoErrorKind;

class TestCliParts : public QObject {
    Q_OBJECT

private slots:
    void exitCodes();
    void subcommandParsing();
    void decoders();
    void latencyStats();
    void timeouts();
    void messagesFile();

private:
    static CommandLine commandLine();
};

CommandLine TestCliParts::commandLine()
{
    CommandLine line;
    for (const QCommandLineOption &option : CliConfig::globalOptions())
        line.addGlobalOption(option);
    line.addCommand({{QStringLiteral("keys"), QStringLiteral("add")},
                     QStringLiteral("add"),
                     {QStringLiteral("NAME")},
                     {QCommandLineOption(QStringLiteral("exportable"), QStringLiteral("x"))},
                     nullptr});
    line.addCommand(
        {{QStringLiteral("keys"), QStringLiteral("list")}, QStringLiteral("list"), {}, {}, nullptr});
    return line;
}

void TestCliParts::exitCodes()
{
    QCOMPARE(exitCodeFor(BaoErrorKind::NotFound), ExitCode::Failure);
    QCOMPARE(exitCodeFor(BaoErrorKind::AlreadyExists), ExitCode::Failure);
    QCOMPARE(exitCodeFor(BaoErrorKind::InvalidName), ExitCode::Usage);
    QCOMPARE(exitCodeFor(BaoErrorKind::InvalidInput), ExitCode::Usage);
    QCOMPARE(exitCodeFor(BaoErrorKind::PermissionDenied), ExitCode::Authentication);
    QCOMPARE(exitCodeFor(BaoErrorKind::Sealed), ExitCode::Unavailable);
    QCOMPARE(exitCodeFor(BaoErrorKind::Transport), ExitCode::Unavailable);
    QCOMPARE(exitCodeFor(BaoErrorKind::Timeout), ExitCode::Unavailable);
    QCOMPARE(exitCodeFor(BaoErrorKind::ServerError), ExitCode::Unavailable);
    QCOMPARE(exitCodeFor(BaoErrorKind::SecurityFault), ExitCode::SecurityFault);
    QCOMPARE(exitCodeFor(BaoErrorKind::MalformedAnswer), ExitCode::SecurityFault);
    QCOMPARE(int(ExitCode::PartialBatch), 3);
    // An untrusted certificate points at --ca-cert (the transport's words,
    // as TestBaoClient sees them from both transports, name the certificate).
    const CliError untrusted = CliError::fromBao(
        {BaoErrorKind::Transport,
         QStringLiteral("SSL handshake failed: The certificate is self-signed, and untrusted"),
         0,
         {}});
    QVERIFY2(untrusted.message.contains(QLatin1String("--ca-cert")), qPrintable(untrusted.message));
    // Every code in the enum is documented in the help table.
    for (int code = 0; code <= 6; ++code)
        QVERIFY(exitCodeTable().contains(QStringLiteral("  %1  ").arg(code)));
}

void TestCliParts::subcommandParsing()
{
    const CommandLine line = commandLine();
    const QString program = QStringLiteral("baokeys-cli");

    auto before =
        line.parse({program, QStringLiteral("--output"), QStringLiteral("json"), QStringLiteral("keys"),
                    QStringLiteral("add"), QStringLiteral("alice"), QStringLiteral("--exportable")});
    QVERIFY(before && before->invocation);
    QCOMPARE(before->invocation->spec().path, (QStringList{QStringLiteral("keys"), QStringLiteral("add")}));
    QCOMPARE(before->invocation->positionals(), QStringList{QStringLiteral("alice")});
    QCOMPARE(before->invocation->value(QStringLiteral("output")), QStringLiteral("json"));
    QVERIFY(before->invocation->isSet(QStringLiteral("exportable")));

    // A global option after the command words; the later one wins.
    auto after =
        line.parse({program, QStringLiteral("--output"), QStringLiteral("text"), QStringLiteral("keys"),
                    QStringLiteral("list"), QStringLiteral("--output"), QStringLiteral("json")});
    QVERIFY(after && after->invocation);
    QCOMPARE(after->invocation->value(QStringLiteral("output")), QStringLiteral("json"));
    // Defaults.
    QCOMPARE(after->invocation->value(QStringLiteral("mount")), QStringLiteral("secp256k1"));
    QCOMPARE(after->invocation->value(QStringLiteral("hrp")), QStringLiteral("celestia"));
    QVERIFY(!after->invocation->isSet(QStringLiteral("addr")));

    // Errors are usage errors.
    for (const QStringList &bad : {QStringList{program}, QStringList{program, QStringLiteral("keys")},
                                   QStringList{program, QStringLiteral("keys"), QStringLiteral("add")},
                                   QStringList{program, QStringLiteral("keys"), QStringLiteral("add"),
                                               QStringLiteral("a"), QStringLiteral("--nope")},
                                   QStringList{program, QStringLiteral("keys"), QStringLiteral("list"),
                                               QStringLiteral("--exportable")},
                                   QStringList{program, QStringLiteral("--addr")}}) {
        auto parsed = line.parse(bad);
        QVERIFY2(!parsed, qPrintable(bad.join(QLatin1Char(' '))));
        QCOMPARE(parsed.error().code, ExitCode::Usage);
    }
    auto help =
        line.parse({program, QStringLiteral("keys"), QStringLiteral("add"), QStringLiteral("--help")});
    QVERIFY(help && !help->invocation);
    QVERIFY(help->text.contains(QStringLiteral("--exportable")));
}

void TestCliParts::decoders()
{
    QCOMPARE(*InputReader::decodeHex(QStringLiteral("--x"), QStringLiteral("0xCAFE")),
             QByteArray::fromHex("cafe"));
    QVERIFY(!InputReader::decodeHex(QStringLiteral("--x"), QStringLiteral("caf")));
    QVERIFY(!InputReader::decodeHex(QStringLiteral("--x"), QStringLiteral("cage")));
    QCOMPARE(*InputReader::decodeBase64(QStringLiteral("--x"), QStringLiteral("yv4=")),
             QByteArray::fromHex("cafe"));
    QVERIFY(!InputReader::decodeBase64(QStringLiteral("--x"), QStringLiteral("y!4=")));
    const QByteArray signature(64, '\x11');
    QCOMPARE(*SignCommands::decodeSignature(QString::fromLatin1(signature.toBase64())), signature);
    QCOMPARE(*SignCommands::decodeSignature(QString::fromLatin1(signature.toHex())), signature);
    QVERIFY(!SignCommands::decodeSignature(QString::fromLatin1(signature.left(63).toBase64())));
}

void TestCliParts::latencyStats()
{
    LatencyStats stats;
    QCOMPARE(stats.percentileMs(50), 0.0);
    for (int i = 1; i <= 100; ++i)
        stats.add(qint64(i) * 1'000'000); // 1..100 ms, added in order
    QCOMPARE(stats.count(), 100);
    QCOMPARE(stats.sumMs(), 5050.0);
    QCOMPARE(stats.percentileMs(50), 50.0);
    QCOMPARE(stats.percentileMs(99), 99.0);
    QCOMPARE(stats.percentileMs(100), 100.0);
    LatencyStats few;
    for (qint64 ms : {300, 100, 200})
        few.add(ms * 1'000'000);
    QCOMPARE(few.percentileMs(50), 200.0);
    QCOMPARE(few.percentileMs(99), 300.0);
    QCOMPARE(nsToMs(1'234'567), 1.235);
}

void TestCliParts::timeouts()
{
    QCOMPARE(CliConfig::parseTimeout(QStringLiteral("30"))->count(), 30'000);
    QCOMPARE(CliConfig::parseTimeout(QStringLiteral("500ms"))->count(), 500);
    QCOMPARE(CliConfig::parseTimeout(QStringLiteral("1.5s"))->count(), 1'500);
    QCOMPARE(CliConfig::parseTimeout(QStringLiteral("2m"))->count(), 120'000);
    QVERIFY(!CliConfig::parseTimeout(QStringLiteral("0")));
    QVERIFY(!CliConfig::parseTimeout(QStringLiteral("soon")));
    QVERIFY(!CliConfig::parseTimeout(QStringLiteral("-1s")));
}

void TestCliParts::messagesFile()
{
    auto messages = BatchCommands::parseMessages(QStringLiteral("--m"), "# comment\n\ncafe\r\n  beef  \n");
    QVERIFY(messages);
    QCOMPARE(*messages, (QList<QByteArray>{QByteArray::fromHex("cafe"), QByteArray::fromHex("beef")}));
    QVERIFY(!BatchCommands::parseMessages(QStringLiteral("--m"), "# only a comment\n"));
    auto bad = BatchCommands::parseMessages(QStringLiteral("--m"), "cafe\nxyz\n");
    QVERIFY(!bad);
    QVERIFY(bad.error().message.contains(QStringLiteral("line 2")));
}

QTEST_GUILESS_MAIN(TestCliParts)
#include "TestCliParts.moc"
