#pragma once

#include "cli/CommandLine.h"
#include "core/keyring/BatchTypes.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace baokeys::cli {

// `batch create` and `batch sign`: many keys or signatures at once, truly in
// parallel (the keyring's pool keeps --parallelism requests in flight), with
// per-item results and timings (see BatchReporter).
//
// Thread-safety: the handlers run on the main thread; the keyring's workers
// never touch this class.
class BatchCommands {
public:
    static void registerAll(CommandLine &commandLine);

    static CliResult<ExitCode> create(CommandContext &context, const Invocation &invocation);
    static CliResult<ExitCode> sign(CommandContext &context, const Invocation &invocation);

    // The sign requests of `batch sign`: for each repeat, each key signs each
    // message, in that order.
    static CliResult<QList<keyring::SignRequest>> signRequests(const Invocation &invocation);
    // --messages-file: one message in hex per line; blank lines and lines
    // starting with '#' are skipped.
    static CliResult<QList<QByteArray>> parseMessages(const QString &option, const QByteArray &content);
};

} // namespace baokeys::cli
