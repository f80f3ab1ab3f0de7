// baokeys-cli batch commands against the embedded signer: JSON lines and
// summary, parallelism proven under injected latency, partial failure.
#include "CliExpect.h"
#include "CliHarness.h"
#include "core/crypto/Hash.h"
#include "core/crypto/Secp256k1.h"
#include "core/keyring/BaoStore.h"
#include "core/keyring/BatchTypes.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QTcpServer>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

#include <chrono>
#include <functional>

using namespace std::chrono_literals;

namespace {

QList<QJsonObject> results(const QList<QJsonObject> &lines)
{
    QList<QJsonObject> items;
    for (const QJsonObject &line : lines) {
        if (line.value(QStringLiteral("type")).toString() == QLatin1String("result"))
            items << line;
    }
    return items;
}

QJsonObject summary(const QList<QJsonObject> &lines)
{
    return lines.isEmpty() ? QJsonObject() : lines.last();
}

QStringList json()
{
    return {QStringLiteral("--output"), QStringLiteral("json")};
}

} // namespace

class TestCliBatch : public QObject {
    Q_OBJECT

private slots:
    void createAndSignJsonLines();
    void parallelSignUnderLatency();
    void partialFailureExitsThree();
    void nothingSucceeded();
    void textOutputWhenNotATerminal();
    void badBatchArguments();
    void interruptedBatchKeepsWhatIsDone();
    void ctrlCExitsAsTheSignalWould();
    void crashedBatchIsRecoveredBySync();
    void serverCollisionRefusedOrPerKey();
    void resumeCreatesOnlyWhatIsMissing();
    void processesSharingOneStoreKeepEveryKey_data();
    void processesSharingOneStoreKeepEveryKey();
    void parallelismStaysWithinTheOpenFileLimit();
    void theOpenFileLimitIsRaisedToTheHardOne();
};

void TestCliBatch::createAndSignJsonLines()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    CliRun created = cli.run(json() + QStringList{QStringLiteral("batch"), QStringLiteral("create"),
                                                  QStringLiteral("--prefix"), QStringLiteral("blob-worker"),
                                                  QStringLiteral("--count"), QStringLiteral("6")});
    EXPECT_EXIT(created, 0);
    const QList<QJsonObject> lines = created.jsonLines();
    QCOMPARE(lines.size(), 7);
    QSet<QString> names;
    for (const QJsonObject &item : results(lines)) {
        names << item.value(QStringLiteral("key")).toString();
        QVERIFY(item.value(QStringLiteral("address")).toString().startsWith(QStringLiteral("celestia1")));
        QVERIFY(item.value(QStringLiteral("error")).isNull());
        QVERIFY(item.value(QStringLiteral("finished_ms")).toDouble() >=
                item.value(QStringLiteral("started_ms")).toDouble());
    }
    QCOMPARE(names.size(), 6);
    QVERIFY(names.contains(QStringLiteral("blob-worker-1")) &&
            names.contains(QStringLiteral("blob-worker-6")));
    const QJsonObject createSummary = summary(lines);
    QCOMPARE(createSummary.value(QStringLiteral("type")).toString(), QStringLiteral("summary"));
    QCOMPARE(createSummary.value(QStringLiteral("count")).toInt(), 6);
    QCOMPARE(createSummary.value(QStringLiteral("failed")).toInt(), 0);
    CliRun listed = cli.run(json() + QStringList{QStringLiteral("keys"), QStringLiteral("list")});
    QCOMPARE(listed.jsonArray().size(), 6);

    // The same names again: refused before any create, nothing on stdout.
    CliRun again = cli.run(json() + QStringList{QStringLiteral("batch"), QStringLiteral("create"),
                                                QStringLiteral("--prefix"), QStringLiteral("blob-worker"),
                                                QStringLiteral("--count"), QStringLiteral("6")});
    EXPECT_EXIT(again, 1);
    QVERIFY(again.out.isEmpty());

    // Sign: 6 keys x 2 messages x 2 repeats; every signature verifies for its key and message.
    QHash<QString, QByteArray> publicKeys;
    for (const QJsonValue &key : listed.jsonArray())
        publicKeys.insert(key.toObject().value(QStringLiteral("name")).toString(),
                          QByteArray::fromHex(
                              key.toObject().value(QStringLiteral("public_key_hex")).toString().toLatin1()));
    const QString messages = cli.writeFile(QStringLiteral("messages.txt"), "# two messages\ncafe\n\nbeef\n");
    CliRun signedRun = cli.run(json() + QStringList{QStringLiteral("batch"), QStringLiteral("sign"),
                                                    QStringLiteral("--prefix"), QStringLiteral("blob-worker"),
                                                    QStringLiteral("--count"), QStringLiteral("6"),
                                                    QStringLiteral("--messages-file"), messages,
                                                    QStringLiteral("--repeat"), QStringLiteral("2")});
    EXPECT_EXIT(signedRun, 0);
    const QList<QJsonObject> signLines = signedRun.jsonLines();
    const QList<QJsonObject> items = results(signLines);
    QCOMPARE(items.size(), 24);
    QSet<int> indices;
    for (const QJsonObject &item : items) {
        const int index = item.value(QStringLiteral("index")).toInt();
        indices << index;
        // Order: repeat, then key, then message.
        const QString key = QStringLiteral("blob-worker-%1").arg((index / 2) % 6 + 1);
        QCOMPARE(item.value(QStringLiteral("key")).toString(), key);
        const QByteArray message = QByteArray::fromHex(index % 2 == 0 ? "cafe" : "beef");
        const QByteArray signature =
            QByteArray::fromBase64(item.value(QStringLiteral("signature")).toString().toLatin1());
        QVERIFY(baokeys::crypto::Secp256k1::verifyDigest(publicKeys.value(key),
                                                         baokeys::crypto::Hash::sha256(message), signature));
    }
    QCOMPARE(indices.size(), 24);
    const QJsonObject signSummary = summary(signLines);
    QCOMPARE(signSummary.value(QStringLiteral("count")).toInt(), 24);
    QCOMPARE(signSummary.value(QStringLiteral("failed")).toInt(), 0);
    for (const char *field : {"wall_ms", "sum_ms", "p50_ms", "p99_ms"})
        QVERIFY2(signSummary.value(QLatin1String(field)).isDouble(), field);
    QVERIFY(signSummary.value(QStringLiteral("p99_ms")).toDouble() >=
            signSummary.value(QStringLiteral("p50_ms")).toDouble());
}

void TestCliBatch::parallelSignUnderLatency()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    EXPECT_EXIT(cli.run({QStringLiteral("batch"), QStringLiteral("create"), QStringLiteral("--prefix"),
                         QStringLiteral("w"), QStringLiteral("--count"), QStringLiteral("8")}),
                0);
    baokeys::signer::FaultSettings faults;
    faults.latency = 200ms;
    cli.server().setFaults(faults);

    // batch sign with w-1 .. w-8, JSON lines.
    const auto signEight = [&cli](const QStringList &options) {
        return cli.run(json() +
                       QStringList{QStringLiteral("batch"), QStringLiteral("sign"),
                                   QStringLiteral("--prefix"), QStringLiteral("w"), QStringLiteral("--count"),
                                   QStringLiteral("8")} +
                       options);
    };
    // 8 signs at 200 ms each: one after another that is >= 1.6 s; in parallel ~0.2 s.
    CliRun run = signEight({QStringLiteral("--message-hex"), QStringLiteral("00ff")});
    EXPECT_EXIT(run, 0);
    const QList<QJsonObject> lines = run.jsonLines();
    QCOMPARE(results(lines).size(), 8);
    const QJsonObject total = summary(lines);
    const double wall = total.value(QStringLiteral("wall_ms")).toDouble();
    const double sum = total.value(QStringLiteral("sum_ms")).toDouble();
    qInfo("8 signs at 200 ms: batch wall %.1f ms, sum %.1f ms, process %lld ms", wall, sum, run.wallMs);
    QVERIFY2(wall >= 200.0, "the latency was not applied");
    QVERIFY2(sum >= 8 * 200.0, "per-item times do not cover the latency");
    QVERIFY2(wall < 1000.0, qPrintable(QStringLiteral("not parallel: %1 ms").arg(wall)));
    // The whole process, start-up included; a sanitizer build alone needs about a second to start.
#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
    constexpr qint64 processBoundMs = 4000;
#else
    constexpr qint64 processBoundMs = 1500;
#endif
    QVERIFY2(run.wallMs < processBoundMs,
             qPrintable(QStringLiteral("the process took %1 ms").arg(run.wallMs)));
    // Every item was in flight before any finished.
    double lastStart = 0;
    double firstFinish = 1e9;
    for (const QJsonObject &item : results(lines)) {
        lastStart = std::max(lastStart, item.value(QStringLiteral("started_ms")).toDouble());
        firstFinish = std::min(firstFinish, item.value(QStringLiteral("finished_ms")).toDouble());
    }
    QVERIFY2(lastStart < firstFinish, "requests did not overlap");

    // --parallelism 2 halves the overlap: four rounds of 200 ms.
    CliRun limited = signEight({QStringLiteral("--message-hex"), QStringLiteral("00"),
                                QStringLiteral("--parallelism"), QStringLiteral("2")});
    EXPECT_EXIT(limited, 0);
    QVERIFY(summary(limited.jsonLines()).value(QStringLiteral("wall_ms")).toDouble() >= 4 * 200.0);

    // Keys unknown to the store fail before any request: the latency
    // figures are those of the one request made, not pulled to 0 ms.
    CliRun mixed =
        cli.run(json() + QStringList{QStringLiteral("batch"), QStringLiteral("sign"),
                                     QStringLiteral("--keys"), QStringLiteral("w-1,ghost-1,ghost-2"),
                                     QStringLiteral("--message-hex"), QStringLiteral("01")});
    EXPECT_EXIT(mixed, 3);
    const QJsonObject mixedTotal = summary(mixed.jsonLines());
    QCOMPARE(mixedTotal.value(QStringLiteral("failed")).toInt(), 2);
    QVERIFY2(mixedTotal.value(QStringLiteral("p50_ms")).toDouble() >= 200.0,
             qPrintable(QJsonDocument(mixedTotal).toJson(QJsonDocument::Compact)));

    // Over Qt's network stack instead of Beast: the same 8 in parallel.
    CliRun overQt = signEight({QStringLiteral("--message-hex"), QStringLiteral("00"),
                               QStringLiteral("--transport"), QStringLiteral("qtnetwork")});
    EXPECT_EXIT(overQt, 0);
    QCOMPARE(results(overQt.jsonLines()).size(), 8);
    QVERIFY(summary(overQt.jsonLines()).value(QStringLiteral("wall_ms")).toDouble() < 1000.0);
}

void TestCliBatch::partialFailureExitsThree()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    EXPECT_EXIT(cli.run({QStringLiteral("batch"), QStringLiteral("create"), QStringLiteral("--prefix"),
                         QStringLiteral("p"), QStringLiteral("--count"), QStringLiteral("3")}),
                0);
    // p-2 disappears from the server behind the store's back; "ghost" was never created.
    QProcessEnvironment env = cli.environment();
    const QString otherStore = cli.dir() + QStringLiteral("/other-store.json");
    EXPECT_EXIT(
        CliHarness::runRaw(
            {QStringLiteral("--store"), otherStore, QStringLiteral("keys"), QStringLiteral("sync")}, env),
        0);
    EXPECT_EXIT(CliHarness::runRaw({QStringLiteral("--store"), otherStore, QStringLiteral("keys"),
                                    QStringLiteral("delete"), QStringLiteral("p-2"), QStringLiteral("--yes")},
                                   env),
                0);

    CliRun run = cli.run(json() + QStringList{QStringLiteral("batch"), QStringLiteral("sign"),
                                              QStringLiteral("--keys"), QStringLiteral("p-1,p-2,ghost,p-3"),
                                              QStringLiteral("--message-hex"), QStringLiteral("01")});
    EXPECT_EXIT(run, 3);
    const QList<QJsonObject> lines = run.jsonLines();
    const QList<QJsonObject> items = results(lines);
    QCOMPARE(items.size(), 4);
    int ok = 0;
    for (const QJsonObject &item : items) {
        const QString key = item.value(QStringLiteral("key")).toString();
        const bool succeeded = item.value(QStringLiteral("error")).isNull();
        QCOMPARE(succeeded, key == QLatin1String("p-1") || key == QLatin1String("p-3"));
        if (succeeded) {
            ++ok;
            QCOMPARE(
                QByteArray::fromBase64(item.value(QStringLiteral("signature")).toString().toLatin1()).size(),
                64);
        } else {
            QVERIFY(item.value(QStringLiteral("signature")).isNull());
            QCOMPARE(item.value(QStringLiteral("error_kind")).toString(), QStringLiteral("not_found"));
        }
    }
    QCOMPARE(ok, 2);
    QCOMPARE(summary(lines).value(QStringLiteral("failed")).toInt(), 2);
    QCOMPARE(run.err.count('\n'), 1);
    QVERIFY(run.err.contains("2 of 4 items failed"));

    // Text output: the successes are printed too.
    CliRun text =
        cli.run({QStringLiteral("batch"), QStringLiteral("sign"), QStringLiteral("--keys"),
                 QStringLiteral("p-1,ghost"), QStringLiteral("--message-hex"), QStringLiteral("01")});
    EXPECT_EXIT(text, 3);
    QVERIFY(text.out.startsWith("p-1  "));
}

void TestCliBatch::nothingSucceeded()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    EXPECT_EXIT(cli.run({QStringLiteral("batch"), QStringLiteral("create"), QStringLiteral("--prefix"),
                         QStringLiteral("n"), QStringLiteral("--count"), QStringLiteral("4")}),
                0);
    cli.server().seal();
    CliRun sealed = cli.run(json() + QStringList{QStringLiteral("batch"), QStringLiteral("sign"),
                                                 QStringLiteral("--prefix"), QStringLiteral("n"),
                                                 QStringLiteral("--count"), QStringLiteral("4"),
                                                 QStringLiteral("--message-hex"), QStringLiteral("01")});
    EXPECT_EXIT(sealed, 5);
    QVERIFY2(sealed.out.isEmpty(), "half-written output on a failed batch");
    QCOMPARE(sealed.err.count('\n'), 1);

    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const QString closed = QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort());
    probe.close();
    CliRun down =
        cli.run(json() + QStringList{QStringLiteral("--addr"), closed, QStringLiteral("batch"),
                                     QStringLiteral("create"), QStringLiteral("--prefix"),
                                     QStringLiteral("m"), QStringLiteral("--count"), QStringLiteral("4")});
    EXPECT_EXIT(down, 5);
    QVERIFY(down.out.isEmpty());
}

void TestCliBatch::textOutputWhenNotATerminal()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    CliRun created = cli.run({QStringLiteral("batch"), QStringLiteral("create"), QStringLiteral("--prefix"),
                              QStringLiteral("t"), QStringLiteral("--count"), QStringLiteral("3")});
    EXPECT_EXIT(created, 0);
    QVERIFY2(!created.err.contains('\r'), "progress redraws on a non-terminal");
    QCOMPARE(created.out.count('\n'), 4); // three keys and the summary
    QVERIFY(created.out.startsWith("t-1  celestia1"));
}

void TestCliBatch::badBatchArguments()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    const auto expectUsage = [&cli](const QStringList &arguments) {
        CliRun run = cli.run(arguments);
        QVERIFY2(run.exitCode == 2 && run.out.isEmpty(), qPrintable(run.describe()));
    };
    const QString batch = QStringLiteral("batch");
    expectUsage({batch, QStringLiteral("create"), QStringLiteral("--prefix"), QStringLiteral("x")});
    expectUsage({batch, QStringLiteral("create"), QStringLiteral("--prefix"), QStringLiteral("x"),
                 QStringLiteral("--count"), QStringLiteral("0")});
    expectUsage({batch, QStringLiteral("create"), QStringLiteral("--prefix"), QStringLiteral("bad/"),
                 QStringLiteral("--count"), QStringLiteral("2")});
    expectUsage({batch, QStringLiteral("sign"), QStringLiteral("--keys"), QStringLiteral("a,b")});
    expectUsage({batch, QStringLiteral("sign"), QStringLiteral("--keys"), QStringLiteral("a,b"),
                 QStringLiteral("--message-hex"), QStringLiteral("xyz")});
    expectUsage({batch, QStringLiteral("sign"), QStringLiteral("--keys"), QStringLiteral("a,,b"),
                 QStringLiteral("--message-hex"), QStringLiteral("00")});
    expectUsage({batch, QStringLiteral("sign"), QStringLiteral("--keys"), QStringLiteral("a"),
                 QStringLiteral("--prefix"), QStringLiteral("p"), QStringLiteral("--count"),
                 QStringLiteral("2"), QStringLiteral("--message-hex"), QStringLiteral("00")});
    expectUsage({batch, QStringLiteral("sign"), QStringLiteral("--keys"), QStringLiteral("a"),
                 QStringLiteral("--message-hex"), QStringLiteral("00"), QStringLiteral("--repeat"),
                 QStringLiteral("-1")});
    expectUsage({batch, QStringLiteral("sign"), QStringLiteral("--keys"), QStringLiteral("a"),
                 QStringLiteral("--message-hex"), QStringLiteral("00"), QStringLiteral("--parallelism"),
                 QStringLiteral("many")});
    expectUsage({batch, QStringLiteral("sign"), QStringLiteral("--keys"), QStringLiteral("a"),
                 QStringLiteral("--messages-file"),
                 cli.writeFile(QStringLiteral("bad.txt"), "00\nnot-hex\n")});
    expectUsage({batch, QStringLiteral("sign"), QStringLiteral("--keys"), QStringLiteral("a"),
                 QStringLiteral("--messages-file"), cli.dir() + QStringLiteral("/missing.txt")});
    expectUsage({batch, QStringLiteral("sign"), QStringLiteral("--keys"), QStringLiteral("a"),
                 QStringLiteral("--message-hex"), QStringLiteral("00"), QStringLiteral("--transport"),
                 QStringLiteral("carrier-pigeon")});
    expectUsage({batch, QStringLiteral("create"), QStringLiteral("--prefix"), QStringLiteral("x"),
                 QStringLiteral("--count"), QStringLiteral("2"), QStringLiteral("--transport"),
                 QStringLiteral("")});
}

namespace {

// Starts a 12-key batch create at 200 ms per key, 2 at a time (~1.2 s), and
// stops the process with `stop` once it has printed `linesFirst` results.
CliRun interruptCreate(CliHarness &cli, int linesFirst, const std::function<void(QProcess &)> &stop)
{
    baokeys::signer::FaultSettings faults;
    faults.latency = 200ms;
    cli.server().setFaults(faults);
    QProcess process;
    process.setProcessEnvironment(cli.environment());
    process.start(CliHarness::binary(),
                  {QStringLiteral("--store"), cli.storePath(), QStringLiteral("--output"),
                   QStringLiteral("json"), QStringLiteral("batch"), QStringLiteral("create"),
                   QStringLiteral("--prefix"), QStringLiteral("x"), QStringLiteral("--count"),
                   QStringLiteral("12"), QStringLiteral("--parallelism"), QStringLiteral("2")});
    CliRun run;
    if (!process.waitForStarted(10'000))
        return run;
    // Stop once `linesFirst` keys were reported created (not after a fixed
    // time: a slow machine must not turn this into a test of nothing).
    QElapsedTimer clock;
    clock.start();
    while (run.out.count('\n') < linesFirst && clock.elapsed() < 20'000 &&
           process.state() == QProcess::Running) {
        process.waitForReadyRead(100);
        run.out += process.readAllStandardOutput();
    }
    stop(process);
    run.crashed = !process.waitForFinished(30'000) || process.exitStatus() != QProcess::NormalExit;
    run.exitCode = process.exitCode();
    run.out += process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    cli.server().setFaults({});
    return run;
}

} // namespace

void TestCliBatch::interruptedBatchKeepsWhatIsDone()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    // SIGTERM mid-batch: the batch is cancelled, what was created is printed
    // and stored, and the exit code says it was stopped (it was 3, as for a
    // batch whose items failed).
    const CliRun run = interruptCreate(cli, 2, &QProcess::terminate);
    QVERIFY2(!run.crashed, qPrintable(run.describe()));
    QCOMPARE(run.exitCode, 143);
    QVERIFY(run.err.contains("cancelling"));
    const QList<QJsonObject> lines = run.jsonLines();
    int created = 0;
    int cancelled = 0;
    for (const QJsonObject &item : results(lines)) {
        if (item.value(QStringLiteral("error")).isNull())
            ++created;
        else if (item.value(QStringLiteral("error_kind")).toString() == QLatin1String("cancelled"))
            ++cancelled;
    }
    QVERIFY2(created >= 2 && created < 12, qPrintable(run.describe()));
    QVERIFY(cancelled > 0);
    QCOMPARE(summary(lines).value(QStringLiteral("failed")).toInt(), 12 - created);
    // The store knows exactly the keys that were created (nothing only on the server).
    CliRun listed = cli.run(json() + QStringList{QStringLiteral("keys"), QStringLiteral("list")});
    const int stored = int(listed.jsonArray().size());
    CliRun synced = cli.run(json() + QStringList{QStringLiteral("keys"), QStringLiteral("sync")});
    EXPECT_EXIT(synced, 0);
    QCOMPARE(synced.json().value(QStringLiteral("adopted")).toArray().size() +
                 synced.json().value(QStringLiteral("recovered")).toArray().size() + stored,
             qsizetype(cli.run(json() + QStringList{QStringLiteral("keys"), QStringLiteral("list")})
                           .jsonArray()
                           .size()));
    QVERIFY(stored >= created);
}

// Ctrl-C ended a single command with 130 (the default action) but an
// interrupted batch with 3, "some items failed": scripts could not tell.
void TestCliBatch::ctrlCExitsAsTheSignalWould()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    const CliRun run =
        interruptCreate(cli, 2, [](QProcess &process) { ::kill(pid_t(process.processId()), SIGINT); });
    QVERIFY2(!run.crashed, qPrintable(run.describe()));
    QCOMPARE(run.exitCode, 130);
    QVERIFY(run.err.contains("cancelling"));
    const QList<QJsonObject> lines = run.jsonLines();
    QVERIFY2(!results(lines).isEmpty(), qPrintable(run.describe()));
    QCOMPARE(summary(lines).value(QStringLiteral("count")).toInt(), 12);
}

void TestCliBatch::crashedBatchIsRecoveredBySync()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    // SIGKILL mid-batch: no chance to store anything; the journal names the batch's keys.
    const CliRun run = interruptCreate(cli, 2, &QProcess::kill);
    QVERIFY(run.crashed);
    QVERIFY(QFile::exists(cli.storePath() + QStringLiteral(".journal")));
    CliRun synced = cli.run(json() + QStringList{QStringLiteral("keys"), QStringLiteral("sync")});
    EXPECT_EXIT(synced, 0);
    const qsizetype recovered = synced.json().value(QStringLiteral("recovered")).toArray().size();
    QVERIFY2(recovered >= 2 && recovered <= 12, qPrintable(synced.describe()));
    QCOMPARE(synced.json().value(QStringLiteral("adopted")).toArray().size(), 0);
    CliRun listed = cli.run(json() + QStringList{QStringLiteral("keys"), QStringLiteral("list")});
    QCOMPARE(listed.jsonArray().size(), recovered);
    for (const QJsonValue &key : listed.jsonArray())
        QCOMPARE(key.toObject().value(QStringLiteral("source")).toString(), QStringLiteral("generated"));
    QVERIFY(!QFile::exists(cli.storePath() + QStringLiteral(".journal")));
}

// t-2 exists on the server only (made through another store). By default the
// whole batch is refused before any create; with --per-key-check the engine
// refuses t-2 alone and the others are created.
void TestCliBatch::serverCollisionRefusedOrPerKey()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    const QString otherStore = cli.dir() + QStringLiteral("/other-store.json");
    EXPECT_EXIT(CliHarness::runRaw({QStringLiteral("--store"), otherStore, QStringLiteral("keys"),
                                    QStringLiteral("add"), QStringLiteral("t-2")},
                                   cli.environment()),
                0);
    const QStringList create{QStringLiteral("batch"), QStringLiteral("create"),  QStringLiteral("--prefix"),
                             QStringLiteral("t"),     QStringLiteral("--count"), QStringLiteral("3")};

    const quint64 before = cli.server().engineRequestCount();
    CliRun refused = cli.run(json() + create);
    EXPECT_EXIT(refused, 1);
    QCOMPARE(cli.server().engineRequestCount() - before, quint64(1)); // the LIST, no create
    QVERIFY2(refused.err.contains("t-2"), refused.err.constData());

    CliRun perKey = cli.run(json() + create + QStringList{QStringLiteral("--per-key-check")});
    EXPECT_EXIT(perKey, 3);
    const QList<QJsonObject> items = results(perKey.jsonLines());
    QCOMPARE(items.size(), 3);
    for (const QJsonObject &item : items) {
        const bool taken = item.value(QStringLiteral("key")).toString() == QLatin1String("t-2");
        QCOMPARE(item.value(QStringLiteral("error")).isNull(), !taken);
        if (taken)
            QCOMPARE(item.value(QStringLiteral("error_kind")).toString(), QStringLiteral("already_exists"));
    }
}

QTEST_GUILESS_MAIN(TestCliBatch)
void TestCliBatch::resumeCreatesOnlyWhatIsMissing()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    const auto create = [&cli](int count, bool resume) {
        QStringList arguments{QStringLiteral("--output"), QStringLiteral("json"),     QStringLiteral("batch"),
                              QStringLiteral("create"),   QStringLiteral("--prefix"), QStringLiteral("r"),
                              QStringLiteral("--count"),  QString::number(count)};
        if (resume)
            arguments << QStringLiteral("--resume");
        return cli.run(arguments);
    };
    EXPECT_EXIT(create(4, false), 0);
    CliRun refused = create(6, false);
    EXPECT_CLEAN_FAILURE(refused, 1);
    QVERIFY2(refused.err.contains("--resume"), refused.err.constData());
    CliRun resumed = create(6, true);
    EXPECT_EXIT(resumed, 0);
    QCOMPARE(resumed.out.count("\"type\":\"result\""), 2); // r-5 and r-6 only
    QVERIFY(resumed.out.contains("\"key\":\"r-5\"") || resumed.out.contains("r-5"));
    CliRun nothingLeft = create(6, true);
    EXPECT_EXIT(nothingLeft, 0);
    QCOMPARE(nothingLeft.out.count("\"type\":\"result\""), 0);
    baokeys::keyring::BaoStore store(cli.storePath());
    QVERIFY(store.load().hasValue());
    QCOMPARE(store.size(), 6);
}

void TestCliBatch::processesSharingOneStoreKeepEveryKey_data()
{
    QTest::addColumn<int>("processes");
    QTest::newRow("2 processes") << 2;
    QTest::newRow("4 processes") << 4;
}

// The desktop app and the CLI share one default store: processes writing it
// at once must each keep what the others wrote (every write locks the store,
// re-reads it and merges). Slow creates make the writes overlap.
void TestCliBatch::processesSharingOneStoreKeepEveryKey()
{
    QFETCH(int, processes);
    constexpr int PerProcess = 16;
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    baokeys::signer::FaultSettings faults;
    faults.latency = 200ms;
    cli.server().setFaults(faults);

    std::vector<std::unique_ptr<QProcess>> running;
    for (int i = 0; i < processes; ++i) {
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(cli.environment());
        process->start(CliHarness::binary(),
                       {QStringLiteral("--store"), cli.storePath(), QStringLiteral("batch"),
                        QStringLiteral("create"), QStringLiteral("--prefix"), QStringLiteral("p%1").arg(i),
                        QStringLiteral("--count"), QString::number(PerProcess),
                        QStringLiteral("--parallelism"), QStringLiteral("4")});
        running.push_back(std::move(process));
    }
    for (auto &process : running) {
        QVERIFY(process->waitForFinished(60'000));
        QVERIFY2(process->exitCode() == 0, process->readAllStandardError().constData());
    }
    cli.server().setFaults({});

    baokeys::keyring::BaoStore store(cli.storePath());
    QVERIFY(store.load().hasValue());
    QCOMPARE(store.size(), processes * PerProcess);
    for (int i = 0; i < processes; ++i) {
        for (int n = 1; n <= PerProcess; ++n)
            QVERIFY2(store.contains(QStringLiteral("p%1-%2").arg(i).arg(n)),
                     qPrintable(QStringLiteral("p%1-%2 was lost").arg(i).arg(n)));
    }
    QVERIFY2(store.journalUids().isEmpty(), "every batch finished: no journal entry is left");
}

#include "TestCliBatch.moc"

namespace {

// `count` keys named PREFIX-1.. signed `repeat` times each, with `parallelism`
// lanes, the CLI's open-file limit set to `soft` / `hard` first.
CliRun signWithFileLimit(const CliHarness &cli, const QString &prefix, int count, int repeat, int parallelism,
                         rlim_t soft, rlim_t hard)
{
    return cli.run(json() + QStringList{QStringLiteral("batch"), QStringLiteral("sign"),
                                        QStringLiteral("--prefix"), prefix, QStringLiteral("--count"),
                                        QString::number(count), QStringLiteral("--repeat"),
                                        QString::number(repeat), QStringLiteral("--message-hex"),
                                        QStringLiteral("00"), QStringLiteral("--parallelism"),
                                        QString::number(parallelism)},
                   {}, [soft, hard] {
                       const rlimit limit{soft, hard};
                       ::setrlimit(RLIMIT_NOFILE, &limit);
                   });
}

} // namespace

// Each lane holds a socket: a --parallelism the open-file limit has no room
// for is lowered to what it leaves, and the CLI says so. Every item is
// signed; lanes past the limit failed, their sockets unopened.
void TestCliBatch::parallelismStaysWithinTheOpenFileLimit()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    EXPECT_EXIT(cli.run({QStringLiteral("batch"), QStringLiteral("create"), QStringLiteral("--prefix"),
                         QStringLiteral("f"), QStringLiteral("--count"), QStringLiteral("8")}),
                0);
    baokeys::signer::FaultSettings faults;
    faults.latency = 100ms; // the lanes' requests overlap
    cli.server().setFaults(faults);
    constexpr int Room = 24;
    const rlim_t limit = rlim_t(baokeys::keyring::ReservedFiles + Room); // soft = hard: it cannot be raised
    // 200 lanes would need more descriptors than the limit has at all.
    const CliRun run = signWithFileLimit(cli, QStringLiteral("f"), 8, 25, 200, limit, limit);
    EXPECT_EXIT(run, 0);
    const QList<QJsonObject> items = results(run.jsonLines());
    QCOMPARE(items.size(), 200);
    for (const QJsonObject &item : items)
        QVERIFY2(item.value(QStringLiteral("error")).isNull(), qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QStringLiteral("--parallelism 200: the open-file limit leaves room for %1 "
                                             "connections; using %1")
                                  .arg(Room)
                                  .toUtf8()),
             qPrintable(run.describe()));
}

// The CLI raises its soft open-file limit to the hard one at start: a soft
// limit with room for 22 lanes no longer holds back a batch of 100.
void TestCliBatch::theOpenFileLimitIsRaisedToTheHardOne()
{
    rlimit own{};
    QCOMPARE(::getrlimit(RLIMIT_NOFILE, &own), 0);
    if (own.rlim_max != RLIM_INFINITY && own.rlim_max < 1024)
        QSKIP("the hard open-file limit is below 1024 here");
    if (own.rlim_cur != RLIM_INFINITY && own.rlim_cur < 512)
        QSKIP("this process (the signer's) has room for fewer than 512 connections");
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    EXPECT_EXIT(cli.run({QStringLiteral("batch"), QStringLiteral("create"), QStringLiteral("--prefix"),
                         QStringLiteral("r"), QStringLiteral("--count"), QStringLiteral("10")}),
                0);
    baokeys::signer::FaultSettings faults;
    faults.latency = 200ms;
    cli.server().setFaults(faults);
    const rlim_t soft = rlim_t(baokeys::keyring::ReservedFiles + 22);
    const CliRun run = signWithFileLimit(cli, QStringLiteral("r"), 10, 10, 100, soft, own.rlim_max);
    EXPECT_EXIT(run, 0);
    QVERIFY2(!run.err.contains("open-file limit"), qPrintable(run.describe()));
    const QList<QJsonObject> lines = run.jsonLines();
    QCOMPARE(results(lines).size(), 100);
    // All 100 in flight at once: about one latency. 22 lanes would take five.
    const double wall = summary(lines).value(QStringLiteral("wall_ms")).toDouble();
    QVERIFY2(wall < 700.0, qPrintable(QStringLiteral("100 signs at 200 ms took %1 ms").arg(wall)));
}
