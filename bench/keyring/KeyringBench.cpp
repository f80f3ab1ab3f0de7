// Keyring benchmark: prints ratios measured in one run, plus the raw numbers.
// Every case runs over both batch transports, side by side: Beast (the
// default) and QNetworkAccessManager; the targets apply to the default.
//
//   1. signBatch wall time at 200 ms injected latency for N = 4, 64, 256, 1024,
//      divided by the ideal (the latency itself; for N above the parallelism,
//      also by ceil(N / parallelism) x latency).  Targets: <= 1.15 at 64,
//      <= 1.3 at 256.  Each warm run also says when its last request was
//      sent and when the answers came: time lost before the latency starts
//      is the client's cost of sending N requests.
//   2. Throughput at zero latency, N = 5000, divided by wrk's requests/s on the
//      same endpoint with the same number of connections; the median of
//      rounds that each pair a client run with a wrk run.  Twice: with client
//      and signer sharing both cores, then with the signer on a core of its
//      own (as OpenBao runs: on a server, not on the operator's cores), the
//      client and wrk on the other.  Target >= 0.6, for the second: sharing
//      the cores, the ratio mostly says how the CPU is split, and that
//      split is printed: the CPU per request of the signer, of wrk and of
//      the client, whose local verification of every signature alone costs
//      more than half of what the signer spends to make it.
//   3. createBatch(100) at 200 ms latency, durable store write included,
//      divided by the latency.  Target <= 2.  Then the same over
//      QNetworkAccessManager, and with ListFirst.
//
// Everything runs against the embedded signer in this process over loopback.
// Usage: baokeys-bench-keyring [--connections C] [--wrk-seconds S] [--rounds R]
//                              [--only latency|throughput|create] [--transport beast|qtnetwork]
#include "ThreadCpu.h"
#include "ThreadPlacement.h"
#include "core/crypto/Hash.h"
#include "core/keyring/BaoKeyring.h"
#include "core/signer/SignerServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

using baokeys::bao::BaoSettings;
using baokeys::bao::HttpTransportKind;
using baokeys::keyring::BaoKeyring;
using baokeys::keyring::CreateBatchRequest;
using baokeys::keyring::SignBatchOptions;
using baokeys::keyring::SignRequest;
using baokeys::signer::FaultSettings;
using baokeys::signer::SignerServer;

namespace {

constexpr int LatencyMs = 200;

void setLatency(SignerServer &server, int ms)
{
    FaultSettings faults;
    faults.latency = std::chrono::milliseconds(ms);
    server.setFaults(faults);
}

QList<SignRequest> requestsFor(int n, int keys)
{
    QList<SignRequest> requests;
    requests.reserve(n);
    for (int i = 0; i < n; ++i)
        requests << SignRequest{QStringLiteral("bench-%1").arg(i % keys + 1),
                                QByteArray("message ") + QByteArray::number(i), false};
    return requests;
}

// One signBatch's wall time, and from its events where that time went: when
// the last request was sent, when the first and the last answers came.
struct BatchTiming {
    double wallMs = -1; // -1: some item failed
    double firstSentMs = 0;
    double lastSentMs = 0;
    double firstAnswerMs = 0;
    double lastAnswerMs = 0;
};

// The batch transports compared side by side in every case.
struct Transport {
    const char *name;
    HttpTransportKind kind;
};
constexpr Transport Transports[] = {{"Beast", HttpTransportKind::Beast},
                                    {"QtNetwork", HttpTransportKind::QtNetwork}};

BatchTiming timeSignBatch(BaoKeyring &keyring, const QList<SignRequest> &requests,
                          HttpTransportKind transport, int parallelism = 0)
{
    SignBatchOptions options;
    options.parallelism = parallelism;
    options.transport = transport;
    QElapsedTimer timer;
    timer.start();
    auto job = keyring.signBatch(requests, options);
    job.future.waitForFinished();
    BatchTiming timing;
    timing.wallMs = double(timer.nsecsElapsed()) / 1e6;
    timing.firstAnswerMs = timing.wallMs;
    timing.firstSentMs = timing.wallMs;
    for (const auto &event : job.progress->takeEvents()) {
        const double at = double(event.nsSinceStart) / 1e6;
        if (event.state == baokeys::keyring::BatchItemState::Started) {
            timing.firstSentMs = std::min(timing.firstSentMs, at);
            timing.lastSentMs = std::max(timing.lastSentMs, at);
        } else if (event.state != baokeys::keyring::BatchItemState::Queued) {
            timing.firstAnswerMs = std::min(timing.firstAnswerMs, at);
            timing.lastAnswerMs = std::max(timing.lastAnswerMs, at);
        }
    }
    for (const auto &result : job.future.results()) {
        if (!result.ok()) {
            std::fprintf(stderr, "sign failed: %s\n", qPrintable(result.error->describe()));
            timing.wallMs = -1;
        }
    }
    return timing;
}

// One wrk run: its requests/s, and the CPU time its own process spent.
struct WrkRun {
    double requestsPerSecond = -1;
    double cpuSeconds = 0;
};

double childrenCpuSeconds()
{
    rusage usage{};
    if (getrusage(RUSAGE_CHILDREN, &usage) != 0)
        return 0;
    const auto seconds = [](const timeval &time) { return double(time.tv_sec) + double(time.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

WrkRun runWrk(const SignerServer &server, int connections, int seconds, QString *commandLine)
{
    const QString wrk = QStandardPaths::findExecutable(QStringLiteral("wrk"));
    if (wrk.isEmpty())
        return {};
    QTemporaryDir dir;
    const QString script = dir.filePath(QStringLiteral("sign.lua"));
    // The same body the keyring sends: the SHA-256 digest, prehashed.
    const QByteArray digest = baokeys::crypto::Hash::sha256("message 0");
    const QJsonObject body{{QStringLiteral("input"), QString::fromLatin1(digest.toBase64())},
                           {QStringLiteral("prehashed"), true},
                           {QStringLiteral("hash_algorithm"), QStringLiteral("sha256")},
                           {QStringLiteral("output_format"), QStringLiteral("cosmos")}};
    QFile file(script);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("wrk.method = \"POST\"\n");
    file.write("wrk.headers[\"Content-Type\"] = \"application/json\"\n");
    file.write("wrk.headers[\"X-Vault-Token\"] = os.getenv(\"BENCH_TOKEN\")\n");
    file.write("wrk.body = '" + QJsonDocument(body).toJson(QJsonDocument::Compact) + "'\n");
    file.close();
    const QStringList args = {QStringLiteral("-t2"),
                              QStringLiteral("-c%1").arg(connections),
                              QStringLiteral("-d%1s").arg(seconds),
                              QStringLiteral("-s"),
                              script,
                              server.address() + QStringLiteral("/v1/secp256k1/sign/bench-1")};
    *commandLine =
        QStringLiteral("wrk ") + args.join(QLatin1Char(' ')).replace(script, QStringLiteral("sign.lua"));
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("BENCH_TOKEN"), server.rootToken()); // not on the command line
    process.setProcessEnvironment(env);
    const double cpuBefore = childrenCpuSeconds();
    process.start(wrk, args);
    if (!process.waitForFinished((seconds + 30) * 1000))
        return {};
    const QString output = QString::fromUtf8(process.readAllStandardOutput());
    const auto match = QRegularExpression(QStringLiteral("Requests/sec:\\s*([0-9.]+)")).match(output);
    if (output.contains(QLatin1String("Non-2xx")))
        std::fprintf(stderr, "wrk saw non-2xx answers:\n%s\n", qPrintable(output));
    if (!match.hasMatch())
        return {};
    return {match.captured(1).toDouble(),
            childrenCpuSeconds() - cpuBefore}; // wrk, once reaped, is a child's time
}

void row(const QByteArray &name, int n, int parallelism, double wallMs, double idealMs, double ratio,
         const char *target, bool ok)
{
    std::printf("%-44s %6d %6d %10.1f %9.1f %7.3f  %-8s %s\n", name.constData(), n, parallelism, wallMs,
                idealMs, ratio, target, target[0] ? (ok ? "ok" : "MISSED") : "");
}

enum class Placement { SharedCores, SignerOnItsOwnCore };

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

// Throughput at zero latency over each transport against wrk on the same
// endpoint with as many connections, in the placement the caller has set.
// The machine is shared and its speed drifts by tens of percent from one
// second to the next, so each round pairs a client run with a wrk run right
// after it, and the ratio printed is the median of the rounds' ratios.
template <typename UsesTransport>
void runThroughput(const SignerServer &server, BaoKeyring &keyring, const QList<SignRequest> &requests,
                   int connections, int wrkSeconds, int rounds, Placement placement,
                   UsesTransport usesTransport)
{
    const char *where = placement == Placement::SharedCores ? "cores shared" : "signer on own core";
    const int n = int(requests.size());
    struct Client {
        Transport transport;
        std::vector<double> ratios;
        double wallMs = 0;       // summed over the rounds
        ThreadCpu::Snapshot cpu; // summed over the rounds
    };
    std::vector<Client> clients;
    for (const Transport &transport : Transports) {
        if (usesTransport(transport)) {
            clients.push_back({transport, {}, 0, {}});
            (void)timeSignBatch(keyring, requests, transport.kind, connections); // warm lanes
        }
    }
    std::vector<double> wrkRates;
    double signerUsUnderWrk = 0; // CPU per request under wrk, averaged over the rounds
    double wrkUs = 0;
    QString wrkCommand;
    for (int round = 1; round <= rounds; ++round) {
        std::vector<double> rates;
        for (Client &client : clients) {
            const auto before = ThreadCpu::take();
            const double wallMs = timeSignBatch(keyring, requests, client.transport.kind, connections).wallMs;
            const auto spent = ThreadCpu::delta(before, ThreadCpu::take());
            for (auto it = spent.cbegin(); it != spent.cend(); ++it)
                client.cpu[it.key()] += it.value();
            client.wallMs += wallMs;
            rates.push_back(n / (wallMs / 1000.0));
        }
        const auto wrkBefore = ThreadCpu::take();
        QElapsedTimer wrkTimer;
        wrkTimer.start();
        const WrkRun wrkRun = runWrk(server, connections, wrkSeconds, &wrkCommand);
        const double wrk = wrkRun.requestsPerSecond;
        const double wrkRequests =
            wrk * double(wrkTimer.nsecsElapsed()) / 1e9; // wrk's own count is for -d only
        if (wrk <= 0) {
            std::printf("  wrk not found or failed: no throughput ratio\n");
            return;
        }
        signerUsUnderWrk +=
            double(ThreadCpu::sum(ThreadCpu::delta(wrkBefore, ThreadCpu::take()), "signer-io")) / 1e3 /
            wrkRequests / rounds;
        wrkUs += wrkRun.cpuSeconds * 1e6 / wrkRequests / rounds;
        wrkRates.push_back(wrk);
        std::printf("  %s, round %d: wrk %.0f req/s", where, round, wrk);
        for (std::size_t i = 0; i < clients.size(); ++i) {
            clients[i].ratios.push_back(rates[i] / wrk);
            std::printf(", %s %.0f signs/s (%.3f)", clients[i].transport.name, rates[i], rates[i] / wrk);
        }
        std::printf("\n");
    }
    std::printf("  [%s]; CPU per request under wrk: signer %.0f us + wrk %.0f us\n", qPrintable(wrkCommand),
                signerUsUnderWrk, wrkUs);
    const double wrk = median(wrkRates);
    for (const Client &client : clients) {
        const QByteArray name = QByteArray("throughput / wrk, ") + client.transport.name + ", " + where;
        const bool targeted = client.transport.kind == baokeys::keyring::DefaultBatchTransport &&
                              placement == Placement::SignerOnItsOwnCore;
        const double ratio = median(client.ratios);
        row(name, n, connections, client.wallMs / rounds, n / wrk * 1000.0, ratio, targeted ? ">=0.6" : "",
            !targeted || ratio >= 0.6);
        const double signs = double(n) * rounds;
        const double signerUs = double(ThreadCpu::sum(client.cpu, "signer-io")) / 1e3 / signs;
        // Thread lanes (QtNetwork) run on "baokeys-batch"; asynchronous lanes
        // (Beast) on the loop ("baokeys-io") and the check pool ("baokeys-check").
        const double poolUs =
            double(ThreadCpu::sum(client.cpu, "baokeys-batch") + ThreadCpu::sum(client.cpu, "baokeys-io") +
                   ThreadCpu::sum(client.cpu, "baokeys-check")) /
            1e3 / signs;
        const double networkUs = double(ThreadCpu::sum(client.cpu, "QNetworkAccess")) / 1e3 / signs;
        std::printf(
            "  median of %d rounds (%.3f to %.3f); CPU per signature: signer %.0f us, client %.0f us = batch "
            "lanes %.0f (request, JSON, verify, Beast's HTTP) + QNetworkAccessManager threads %.0f\n",
            rounds, *std::min_element(client.ratios.begin(), client.ratios.end()),
            *std::max_element(client.ratios.begin(), client.ratios.end()), signerUs, poolUs + networkUs,
            poolUs, networkUs);
        // Sharing the cores, the client's CPU is the signer's loss: with the
        // cores busy in both runs, the ratio is the CPU a wrk request costs
        // over the CPU a signature costs here.
        if (placement == Placement::SharedCores && signerUs + poolUs + networkUs > 0)
            std::printf(
                "  with the cores busy in both runs, the ratio follows the CPU per request: (signer + wrk) / "
                "(signer + client) = %.0f / %.0f = %.2f\n",
                signerUsUnderWrk + wrkUs, signerUs + poolUs + networkUs,
                (signerUsUnderWrk + wrkUs) / (signerUs + poolUs + networkUs));
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Keyring batch benchmark (ratios, not a test)"));
    parser.addHelpOption();
    QCommandLineOption connectionsOption(
        QStringLiteral("connections"),
        QStringLiteral("Parallelism / wrk connections for the throughput case."), QStringLiteral("C"),
        QStringLiteral("64"));
    QCommandLineOption secondsOption(QStringLiteral("wrk-seconds"), QStringLiteral("wrk duration."),
                                     QStringLiteral("S"), QStringLiteral("2"));
    QCommandLineOption onlyOption(
        QStringLiteral("only"),
        QStringLiteral("Run one part: latency, throughput or create (e.g. under a profiler)."),
        QStringLiteral("part"));
    parser.addOption(connectionsOption);
    QCommandLineOption roundsOption(QStringLiteral("rounds"),
                                    QStringLiteral("Throughput rounds (client run, then wrk) per placement."),
                                    QStringLiteral("R"), QStringLiteral("3"));
    parser.addOption(secondsOption);
    parser.addOption(roundsOption);
    QCommandLineOption transportOption(QStringLiteral("transport"),
                                       QStringLiteral("Run one batch transport: Beast or QtNetwork."),
                                       QStringLiteral("name"));
    parser.addOption(onlyOption);
    parser.addOption(transportOption);
    parser.process(app);
    const QString only = parser.value(onlyOption);
    const auto runs = [&only](const char *part) { return only.isEmpty() || only == QLatin1String(part); };
    const QString onlyTransport = parser.value(transportOption);
    const auto usesTransport = [&onlyTransport](const Transport &transport) {
        return onlyTransport.isEmpty() ||
               onlyTransport.compare(QLatin1String(transport.name), Qt::CaseInsensitive) == 0;
    };
    const int connections = qMax(1, parser.value(connectionsOption).toInt());
    const int wrkSeconds = qMax(1, parser.value(secondsOption).toInt());
    const int rounds = qMax(1, parser.value(roundsOption).toInt());

    baokeys::signer::SignerOptions options;
    options.ioThreads = QThread::idealThreadCount();
    SignerServer server(options);
    if (auto started = server.start(); !started) {
        std::fprintf(stderr, "signer: %s\n", qPrintable(started.error().message));
        return 1;
    }
    QTemporaryDir dir;
    BaoSettings settings;
    settings.address = server.address();
    settings.token = server.rootToken();
    settings.timeout = std::chrono::seconds(30);
    BaoKeyring keyring(settings, dir.filePath(QStringLiteral("keys.json")));

    constexpr int Keys = 1024;
    CreateBatchRequest create;
    create.prefix = QStringLiteral("bench");
    create.count = Keys;
    auto made = keyring.createBatch(create);
    if (!made) {
        std::fprintf(stderr, "createBatch: %s\n", qPrintable(made.error().describe()));
        return 1;
    }
    made->future.waitForFinished();

    std::printf("# baokeys-bench-keyring: embedded signer on %s, %d cores, signer I/O threads %d\n",
                qPrintable(server.address()), QThread::idealThreadCount(), options.ioThreads);
    std::printf("%-44s %6s %6s %10s %9s %7s  %-8s\n", "case", "N", "par", "wall ms", "ideal ms", "ratio",
                "target");

    // 1. signBatch at 200 ms, each size over each transport.
    for (const int n : {4, 64, 256, 1024}) {
        if (!runs("latency"))
            break;
        const auto requests = requestsFor(n, Keys);
        setLatency(server, LatencyMs);
        for (const Transport &transport : Transports) {
            if (!usesTransport(transport))
                continue;
            // The default parallelism: asynchronous lanes over Beast, thread lanes over QtNetwork.
            const int parallelism =
                qMin(n, transport.kind == HttpTransportKind::Beast ? baokeys::keyring::signParallelismLimit()
                                                                   : baokeys::keyring::DefaultMaxParallelism);
            // The first batch at this size starts its threads and connections;
            // the second shows a running app's steady state. Both print.
            const double cold = timeSignBatch(keyring, requests, transport.kind).wallMs;
            const BatchTiming warm = timeSignBatch(keyring, requests, transport.kind);
            const double wall = warm.wallMs;
            const QByteArray name = QByteArray("signBatch @200ms ") + transport.name;
            row(name + " (first)", n, parallelism, cold, LatencyMs, cold / LatencyMs, "", true);
            const bool targeted =
                transport.kind == baokeys::keyring::DefaultBatchTransport && (n == 64 || n == 256);
            const char *target = !targeted ? "" : n == 64 ? "<=1.15" : "<=1.3";
            const double ratio = wall / LatencyMs;
            const bool ok = !targeted || ratio <= (n == 64 ? 1.15 : 1.3);
            row(name + " (warm)", n, parallelism, wall, LatencyMs, ratio, target, ok);
            std::printf("  requests sent from %.1f to %.1f ms, answers from %.1f to %.1f ms\n",
                        warm.firstSentMs, warm.lastSentMs, warm.firstAnswerMs, warm.lastAnswerMs);
            const int waves = int(std::ceil(double(n) / parallelism));
            if (waves > 1)
                row("  same, vs waves x latency", n, parallelism, wall, waves * LatencyMs,
                    wall / (waves * LatencyMs), "", true);
        }
    }

    // 2. Throughput at zero latency against wrk, over each transport, in two
    // placements: every thread free to use every core (client and signer
    // share them), then the signer on a core of its own with the client and
    // wrk on another, as production runs it. Each run also splits the CPU time
    // per request between the signer's threads and the client's.
    setLatency(server, 0);
    const auto many = requestsFor(5000, Keys);
    for (const Placement placement : {Placement::SharedCores, Placement::SignerOnItsOwnCore}) {
        if (!runs("throughput"))
            break;
        if (placement == Placement::SignerOnItsOwnCore && !ThreadPlacement::separate("signer-io")) {
            std::printf("  fewer than two cores here: no run with the signer on a core of its own\n");
            break;
        }
        runThroughput(server, keyring, many, connections, wrkSeconds, rounds, placement, usesTransport);
        ThreadPlacement::restore();
    }

    // 3. createBatch(100) at 200 ms, durable store write included: the
    // default (the engine refuses taken names, one round trip) against the
    // target, then ListFirst (a LIST before any create) for comparison.
    setLatency(server, LatencyMs);
    const struct {
        const char *name;
        const char *prefix;
        baokeys::keyring::ServerNameCheck check;
        HttpTransportKind transport;
        const char *target;
    } createCases[] = {{"createBatch @200ms +fsync", "fresh", baokeys::keyring::ServerNameCheck::ByEngine,
                        HttpTransportKind::Beast, "<=2"},
                       {"  same, QtNetwork", "qt", baokeys::keyring::ServerNameCheck::ByEngine,
                        HttpTransportKind::QtNetwork, ""},
                       {"  same, ListFirst", "listed", baokeys::keyring::ServerNameCheck::ListFirst,
                        HttpTransportKind::Beast, ""}};
    for (const auto &createCase : createCases) {
        if (!runs("create"))
            break;
        CreateBatchRequest hundred;
        hundred.prefix = QString::fromLatin1(createCase.prefix);
        hundred.count = 100;
        hundred.serverCheck = createCase.check;
        hundred.transport = createCase.transport;
        QElapsedTimer timer;
        timer.start();
        auto job = keyring.createBatch(hundred);
        if (!job) {
            std::fprintf(stderr, "createBatch: %s\n", qPrintable(job.error().describe()));
            return 1;
        }
        job->future.waitForFinished();
        const double createMs = double(timer.nsecsElapsed()) / 1e6;
        int created = 0;
        for (const auto &result : job->future.results())
            created += result.ok() ? 1 : 0;
        if (created != 100 || job->progress->persistError())
            std::fprintf(stderr, "createBatch: only %d of 100 created and stored\n", created);
        const double ratio = createMs / LatencyMs;
        row(createCase.name, 100, 100, createMs, LatencyMs, ratio, createCase.target,
            createCase.target[0] ? ratio <= 2.0 : true);
    }
    return 0;
}
