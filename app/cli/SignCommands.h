#pragma once

#include "cli/CommandLine.h"

#include <QByteArray>

namespace baokeys::cli {

// `sign` (on the server, checked here against the stored public key) and
// `verify` (local only, against the stored public key).
//
// Thread-safety: the handlers run on the main thread.
class SignCommands {
public:
    static void registerAll(CommandLine &commandLine);

    static CliResult<ExitCode> sign(CommandContext &context, const Invocation &invocation);
    static CliResult<ExitCode> verify(CommandContext &context, const Invocation &invocation);

    // The bytes given by exactly one of --data-hex / --data-base64 / --data-file.
    static CliResult<QByteArray> readData(const Invocation &invocation);
    // A 64-byte r||s signature given as base64 or as 128 hex digits.
    static CliResult<QByteArray> decodeSignature(const QString &text);
};

} // namespace baokeys::cli
