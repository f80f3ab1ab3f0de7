#include "cli/BatchCommands.h"

#include "cli/BatchReporter.h"
#include "cli/CliText.h"
#include "cli/CommandContext.h"
#include "cli/Console.h"
#include "cli/InputReader.h"
#include "cli/InterruptGuard.h"
#include "cli/KeysCommands.h"
#include "core/common/KeyName.h"
#include "core/crypto/Hex.h"
#include "core/keyring/BaoKeyring.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonObject>
#include <csignal>

namespace baokeys::cli {

namespace {

constexpr int MaxCount = 100'000;
constexpr int MaxRepeat = 1'000'000;
constexpr qsizetype MaxItems = 1'000'000;
constexpr int MaxParallelism = 4096;

QCommandLineOption parallelismOption()
{
    return QCommandLineOption(QStringLiteral("parallelism"),
                              tr("Requests in flight at once (default: the item count, at most %1 for "
                                 "batch sign, %2 for batch create or --transport qtnetwork).")
                                  .arg(keyring::signParallelismLimit())
                                  .arg(keyring::DefaultMaxParallelism),
                              QStringLiteral("K"));
}

QCommandLineOption transportOption()
{
    return QCommandLineOption(QStringLiteral("transport"),
                              tr("How the batch's requests travel: beast (the default, one lean connection "
                                 "per lane) or qtnetwork (Qt's network stack, as single commands use)."),
                              QStringLiteral("NAME"));
}

CliResult<bao::HttpTransportKind> transportValue(const Invocation &invocation)
{
    if (!invocation.isSet(QStringLiteral("transport")))
        return keyring::DefaultBatchTransport;
    const QString name = invocation.value(QStringLiteral("transport")).toLower();
    if (name == QLatin1String("beast"))
        return bao::HttpTransportKind::Beast;
    if (name == QLatin1String("qtnetwork"))
        return bao::HttpTransportKind::QtNetwork;
    return cliError(CliError::usage(tr("--transport: '%1' is not beast or qtnetwork")
                                        .arg(invocation.value(QStringLiteral("transport")))));
}

CliResult<int> intOption(const Invocation &invocation, const QString &name, int min, int max, int fallback)
{
    if (!invocation.isSet(name))
        return fallback;
    bool ok = false;
    const int value = invocation.value(name).toInt(&ok);
    if (!ok || value < min || value > max)
        return cliError(CliError::usage(tr("--%1: '%2' is not a number from %3 to %4")
                                            .arg(name, invocation.value(name))
                                            .arg(min)
                                            .arg(max)));
    return value;
}

// --parallelism and --transport, shared by batch create and batch sign.
struct LaneOptions {
    int parallelism = 0; // 0: the keyring's default
    bao::HttpTransportKind transport = keyring::DefaultBatchTransport;
};

CliResult<LaneOptions> laneOptions(const Invocation &invocation)
{
    auto parallelism = intOption(invocation, QStringLiteral("parallelism"), 1, MaxParallelism, 0);
    if (!parallelism)
        return cliError(parallelism.error());
    auto transport = transportValue(invocation);
    if (!transport)
        return cliError(transport.error());
    // Each lane holds a connection: past the open-file limit the keyring
    // runs fewer lanes. Said here, so that nobody wonders where they went.
    if (const int budget = keyring::laneBudget(); *parallelism > budget) {
        Console::errLine(
            tr("baokeys-cli: --parallelism %1: the open-file limit leaves room for %2 connections; "
               "using %2 (raise it with 'ulimit -n')")
                .arg(*parallelism)
                .arg(budget));
        *parallelism = budget;
    }
    return LaneOptions{*parallelism, *transport};
}

// Runs a batch to its end (the main event loop turns meanwhile, for the
// progress line and Ctrl-C) and reports every item as it finishes. Items are
// learnt from the batch's progress events, which come coalesced (one wake-up
// of this thread for all the items finished since the last), not from the
// future's per-result notifications, which wake it once per item; a
// finished item's result is in the future before its event is posted.
template <typename Result, typename Describe>
CliResult<ExitCode> runJob(const keyring::BatchJob<Result> &job, BatchReporter &reporter, Describe describe)
{
    QEventLoop loop;
    keyring::BatchProgress &progress = *job.progress;
    auto report = [&] {
        for (const int index : reporter.takeFinished()) {
            const Result result = job.future.resultAt(index);
            const auto [fields, text] = describe(result);
            reporter.itemDone(result.index, result.uid, fields, text, result.error);
        }
        reporter.flushLines();
    };
    // A line goes out at most 10 ms after its item is done (at once when the
    // batch is quiet): one wake-up and one write per group of items instead
    // of one per item, about a tenth of the client's CPU at thousands of
    // signatures a second (bench/peers/run.sh, target 1).
    progress.setNotifyInterval(10);
    QObject::connect(&progress, &keyring::BatchProgress::eventsAvailable, &loop, report);
    QObject::connect(&progress, &keyring::BatchProgress::finished, &loop, &QEventLoop::quit);
    // Ctrl-C cancels: queued items finish as cancelled, requests in flight are
    // aborted, finished ones are kept (and stored, for batch create).
    InterruptGuard interrupt;
    QObject::connect(&interrupt, &InterruptGuard::interrupted, &loop, [&progress] {
        Console::errLine(QCoreApplication::translate(
            "baokeys-cli",
            "\ncancelling the batch (press Ctrl-C again to quit at once; what is then in flight "
            "is settled by 'keys sync' or the same command again)"));
        progress.cancel();
    });
    reporter.startProgressLine();
    if (!progress.isFinished()) // an empty batch (nothing left to resume) is done already
        loop.exec();
    report();                                      // the last events, if `finished` came before their signal
    QFuture<Result>(job.future).waitForFinished(); // it ends just after the last event
    auto outcome = reporter.finish(progress.preflightError(), progress.persistError());
    // A batch the signal cut short exits as the signal would have ended it
    // (scripts tell "stopped" from "some items failed"), unless an answer
    // could not be trusted or the store could not be written: those say more.
    const bool cutShort = interrupt.signalNumber() != 0 && progress.counts().cancelled > 0;
    if (!cutShort || progress.persistError() || (!outcome && outcome.error().code == ExitCode::SecurityFault))
        return outcome;
    const ExitCode stopped =
        interrupt.signalNumber() == SIGTERM ? ExitCode::Terminated : ExitCode::Interrupted;
    if (outcome)
        return stopped;
    CliError error = outcome.error();
    error.code = stopped;
    return cliError(error);
}

} // namespace

void BatchCommands::registerAll(CommandLine &commandLine)
{
    const QStringList batch{QStringLiteral("batch")};
    commandLine.addCommand(
        {batch + QStringList{QStringLiteral("create")},
         tr("Create keys PREFIX-1 .. PREFIX-COUNT in parallel.\n"
            "E.g. --prefix blob-worker --count 8. Names taken locally or on the server are refused\n"
            "before any key is created (with --per-key-check, names taken on the server fail one by\n"
            "one, refused by the engine, and the batch needs one round trip instead of two).\n"
            "With --resume, keys already in the store are left out as done: the same command\n"
            "again completes an interrupted batch. Either way, a key whose create lost its\n"
            "answer (outcome unknown) is adopted from the server, or created if it is not there.\n"
            "JSON output: one line per key as it is created, then a summary."),
         {},
         {QCommandLineOption(QStringLiteral("prefix"), tr("Name prefix."), QStringLiteral("P")),
          QCommandLineOption(QStringLiteral("count"), tr("How many keys."), QStringLiteral("N")),
          QCommandLineOption(QStringLiteral("exportable"), tr("Allow the keys to be exported later.")),
          QCommandLineOption(QStringLiteral("per-key-check"),
                             tr("Skip the LIST before creating: the engine refuses taken names key by key.")),
          QCommandLineOption(QStringLiteral("resume"), tr("Leave out keys already in the store (done).")),
          parallelismOption(), transportOption()},
         &BatchCommands::create});
    commandLine.addCommand(
        {batch + QStringList{QStringLiteral("sign")},
         tr("Sign with many keys in parallel.\n"
            "Each key signs each message, --repeat times. Keys: --prefix P --count N (P-1 .. P-N)\n"
            "or --keys a,b,c. Messages: --message-hex H, or --messages-file F with one hex message\n"
            "per line. JSON output: one line per signature as it finishes (key, signature,\n"
            "started_ms, finished_ms, error), then a summary (count, failed, wall_ms, sum_ms,\n"
            "p50_ms, p99_ms: of the requests made, not of items refused before one). Exit\n"
            "code 3 when some failed; the others are still printed."),
         {},
         {QCommandLineOption(QStringLiteral("prefix"), tr("Keys PREFIX-1 .. PREFIX-COUNT."),
                             QStringLiteral("P")),
          QCommandLineOption(QStringLiteral("count"), tr("How many keys with --prefix."),
                             QStringLiteral("N")),
          QCommandLineOption(QStringLiteral("keys"), tr("Comma-separated key names."),
                             QStringLiteral("LIST")),
          QCommandLineOption(QStringLiteral("message-hex"), tr("The message every key signs, in hex."),
                             QStringLiteral("HEX")),
          QCommandLineOption(QStringLiteral("messages-file"), tr("Messages, one hex line each ('-': stdin)."),
                             QStringLiteral("FILE")),
          QCommandLineOption(QStringLiteral("repeat"), tr("Sign the whole set R times (default 1)."),
                             QStringLiteral("R")),
          parallelismOption(), transportOption()},
         &BatchCommands::sign});
}

CliResult<ExitCode> BatchCommands::create(CommandContext &context, const Invocation &invocation)
{
    if (!invocation.isSet(QStringLiteral("prefix")) || !invocation.isSet(QStringLiteral("count")))
        return cliError(CliError::usage(tr("batch create needs --prefix P and --count N")));
    auto count = intOption(invocation, QStringLiteral("count"), 1, MaxCount, 0);
    if (!count)
        return cliError(count.error());
    auto lanes = laneOptions(invocation);
    if (!lanes)
        return cliError(lanes.error());
    keyring::CreateBatchRequest request;
    request.prefix = invocation.value(QStringLiteral("prefix"));
    request.count = *count;
    request.exportable = invocation.isSet(QStringLiteral("exportable"));
    request.parallelism = lanes->parallelism;
    request.transport = lanes->transport;
    request.skipStored = invocation.isSet(QStringLiteral("resume"));
    request.serverCheck = invocation.isSet(QStringLiteral("per-key-check"))
                              ? keyring::ServerNameCheck::ByEngine
                              : keyring::ServerNameCheck::ListFirst;
    if (auto valid = KeysCommands::checkName(KeyName::numbered(request.prefix, request.count)); !valid)
        return cliError(valid.error());

    auto keyring = context.serverKeyring();
    if (!keyring)
        return cliError(keyring.error());
    auto job = (*keyring)->createBatch(request);
    if (!job) {
        CliError error = CliError::fromBao(job.error());
        if (job.error().kind == bao::BaoErrorKind::AlreadyExists && !request.skipStored &&
            job.error().message.contains(QStringLiteral("in the store")))
            error.message += tr(" (--resume leaves them out and creates the rest)");
        return cliError(error);
    }
    const QString hrp = context.config().hrp;
    BatchReporter reporter(*job->progress, context.config().output, tr("created"));
    return runJob(*job, reporter, [&hrp](const keyring::CreateItemResult &result) {
        QJsonObject fields;
        QString text;
        if (result.key) {
            fields.insert(QStringLiteral("address"), result.key->bech32(hrp));
            fields.insert(QStringLiteral("public_key_hex"), result.key->publicKeyHex());
            text = QStringLiteral("%1  %2").arg(result.uid, result.key->bech32(hrp));
        } else {
            fields.insert(QStringLiteral("address"), QJsonValue());
        }
        return std::make_pair(fields, text);
    });
}

CliResult<QList<QByteArray>> BatchCommands::parseMessages(const QString &option, const QByteArray &content)
{
    QList<QByteArray> messages;
    int lineNumber = 0;
    for (const QByteArray &raw : content.split('\n')) {
        ++lineNumber;
        const QByteArray line = raw.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        auto message = crypto::Hex::decode(QString::fromLatin1(line));
        if (!message)
            return cliError(CliError::usage(tr("%1: line %2 is not valid hex").arg(option).arg(lineNumber)));
        messages << *message;
    }
    if (messages.isEmpty())
        return cliError(CliError::usage(tr("%1: no messages (one hex message per line)").arg(option)));
    return messages;
}

CliResult<QList<keyring::SignRequest>> BatchCommands::signRequests(const Invocation &invocation)
{
    // Keys.
    QStringList keys;
    if (invocation.isSet(QStringLiteral("keys"))) {
        if (invocation.isSet(QStringLiteral("prefix")) || invocation.isSet(QStringLiteral("count")))
            return cliError(CliError::usage(tr("batch sign takes --keys or --prefix/--count, not both")));
        for (const QString &name : invocation.value(QStringLiteral("keys")).split(QLatin1Char(','))) {
            const QString trimmed = name.trimmed();
            if (auto valid = KeysCommands::checkName(trimmed); !valid)
                return cliError(valid.error());
            keys << trimmed;
        }
    } else {
        if (!invocation.isSet(QStringLiteral("prefix")) || !invocation.isSet(QStringLiteral("count")))
            return cliError(CliError::usage(tr("batch sign needs --keys a,b,c or --prefix P --count N")));
        auto count = intOption(invocation, QStringLiteral("count"), 1, MaxCount, 0);
        if (!count)
            return cliError(count.error());
        const QString prefix = invocation.value(QStringLiteral("prefix"));
        for (int i = 1; i <= *count; ++i)
            keys << KeyName::numbered(prefix, i);
        if (auto valid = KeysCommands::checkName(keys.last()); !valid)
            return cliError(valid.error());
    }

    // Messages.
    auto which = invocation.exactlyOne({QStringLiteral("message-hex"), QStringLiteral("messages-file")});
    if (!which)
        return cliError(which.error());
    QList<QByteArray> messages;
    if (*which == QLatin1String("message-hex")) {
        auto message = InputReader::decodeHex(QStringLiteral("--message-hex"), invocation.value(*which));
        if (!message)
            return cliError(message.error());
        messages << *message;
    } else {
        auto content = InputReader::readData(QStringLiteral("--messages-file"), invocation.value(*which));
        if (!content)
            return cliError(content.error());
        auto parsed = parseMessages(QStringLiteral("--messages-file"), *content);
        if (!parsed)
            return cliError(parsed.error());
        messages = *parsed;
    }

    auto repeat = intOption(invocation, QStringLiteral("repeat"), 1, MaxRepeat, 1);
    if (!repeat)
        return cliError(repeat.error());
    const qint64 total = qint64(*repeat) * keys.size() * messages.size();
    if (total > MaxItems)
        return cliError(CliError::usage(tr("batch sign: %1 items is more than %2").arg(total).arg(MaxItems)));

    QList<keyring::SignRequest> requests;
    requests.reserve(qsizetype(total));
    for (int r = 0; r < *repeat; ++r) {
        for (const QString &key : std::as_const(keys)) {
            for (const QByteArray &message : std::as_const(messages))
                requests << keyring::SignRequest{key, message, false};
        }
    }
    return requests;
}

CliResult<ExitCode> BatchCommands::sign(CommandContext &context, const Invocation &invocation)
{
    auto requests = signRequests(invocation);
    if (!requests)
        return cliError(requests.error());
    auto lanes = laneOptions(invocation);
    if (!lanes)
        return cliError(lanes.error());
    auto keyring = context.serverKeyring();
    if (!keyring)
        return cliError(keyring.error());
    keyring::SignBatchOptions options;
    options.parallelism = lanes->parallelism;
    options.transport = lanes->transport;
    // The process ends with this batch: each lane closes its connection as
    // soon as it is done, instead of all of them at exit (a thousand lanes'
    // goodbyes took 12-15 ms there, after the last answer).
    options.afterwards = keyring::LaneConnection::Close;
    const keyring::BatchJob<keyring::SignItemResult> job = (*keyring)->signBatch(*requests, options);
    BatchReporter reporter(*job.progress, context.config().output, tr("signed"));
    return runJob(job, reporter, [](const keyring::SignItemResult &result) {
        QJsonObject fields;
        QString text;
        if (result.signature) {
            const QString base64 = QString::fromLatin1(result.signature->signature.toBase64());
            fields.insert(QStringLiteral("signature"), base64);
            text = QStringLiteral("%1  %2").arg(result.uid, base64);
        } else {
            fields.insert(QStringLiteral("signature"), QJsonValue());
        }
        return std::make_pair(fields, text);
    });
}

} // namespace baokeys::cli
