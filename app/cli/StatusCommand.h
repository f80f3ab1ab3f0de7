#pragma once

#include "cli/CommandLine.h"

namespace baokeys::cli {

// `status`: the server's health (initialized, sealed, standby, version) and
// the token's policies and TTL, like `bao status` + `bao token lookup`.
// What was learnt is printed even when the server is unusable (sealed,
// token refused); the exit code then says why (5, 4).
//
// Thread-safety: the handler runs on the main thread.
class StatusCommand {
public:
    static void registerAll(CommandLine &commandLine);
    static CliResult<ExitCode> run(CommandContext &context, const Invocation &invocation);
};

} // namespace baokeys::cli
