// baokeys-signer: a thin main around baokeys::signer::SignerServer.
#include "core/common/OpenFileLimit.h"
#include "core/signer/SignerCommandLine.h"
#include "core/signer/SignerServer.h"

#include <QCoreApplication>
#include <csignal>
#include <cstdio>
#include <pthread.h>

namespace {

void printLine(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stdout);
    std::fputc('\n', stdout);
}

} // namespace

int main(int argc, char **argv)
{
    baokeys::OpenFileLimit::raiseToHard(); // each connection served holds a descriptor
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("baokeys-signer"));
    using namespace baokeys::signer;

    auto launch =
        SignerCommandLine::parse(QCoreApplication::arguments(), QProcessEnvironment::systemEnvironment());
    if (!launch) {
        std::fprintf(stderr, "baokeys-signer: %s\n", qPrintable(launch.error()));
        return 2;
    }
    if (launch->helpRequested) {
        std::fputs(qPrintable(launch->helpText), stdout);
        return 0;
    }

    // Block SIGINT/SIGTERM before any thread starts, so every thread inherits
    // the mask and this one collects the signal with sigwait().
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    SignerServer server(launch->options);
    server.setFaults(launch->faults);
    auto started = server.start();
    if (!started) {
        std::fprintf(stderr, "baokeys-signer: cannot start: %s\n", qPrintable(started.error().message));
        return 1;
    }

    const bool dev = launch->dev;
    printLine(dev ? QStringLiteral("==> baokeys-signer dev server started (keys in memory; lost on exit)")
                  : QStringLiteral("==> baokeys-signer started (keys encrypted in %1)")
                        .arg(launch->options.dataDir));
    printLine(QStringLiteral("    Api Address: %1").arg(server.address()));
    printLine(QStringLiteral("    Mount:       %1/").arg(server.mount()));
    // The root token and unseal key are printed as `bao server -dev` does:
    // the operator needs them to connect. A token given on the command line
    // is not echoed back outside dev mode.
    if (dev || launch->options.rootToken.isEmpty())
        printLine(QStringLiteral("    Root Token:  %1").arg(server.rootToken()));
    printLine(QStringLiteral("    Unseal Key:  %1").arg(server.unsealKey()));
    printLine(QStringLiteral("    Sealed:      %1")
                  .arg(server.isSealed() ? QStringLiteral("yes") : QStringLiteral("no")));
    if (!server.standbyOf().isEmpty())
        printLine(QStringLiteral("    HA Mode:     standby (active node %1)").arg(server.standbyOf()));
    const FaultSettings faults = server.faults();
    if (faults.latency.count() > 0 || faults.latencyJitter.count() > 0 || !faults.keyLatency.isEmpty() ||
        faults.failRate > 0) {
        printLine(
            QStringLiteral("    Faults:      latency %1 ms, jitter %2 ms, %3 per-key latencies, fail rate %4")
                .arg(faults.latency.count())
                .arg(faults.latencyJitter.count())
                .arg(faults.keyLatency.size())
                .arg(faults.failRate));
    }
    std::fflush(stdout);

    int signalNumber = 0;
    sigwait(&stopSignals, &signalNumber);
    printLine(QStringLiteral("==> baokeys-signer shutting down (signal %1)").arg(signalNumber));
    std::fflush(stdout);
    server.stop();
    return 0;
}
