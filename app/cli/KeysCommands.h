#pragma once

#include "cli/CommandLine.h"

namespace baokeys::cli {

// `keys add|list|show|delete|rename|sync|import|export`: the accounts of
// the keyring, in the manner of `celestia-appd keys`. Each handler prints
// only once it has its whole answer, so a failure leaves stdout empty;
// `keys delete` of several keys names each one on stdout, deleted or not.
//
// Thread-safety: the handlers run on the main thread.
class KeysCommands {
public:
    static void registerAll(CommandLine &commandLine);

    static CliResult<ExitCode> add(CommandContext &context, const Invocation &invocation);
    static CliResult<ExitCode> list(CommandContext &context, const Invocation &invocation);
    static CliResult<ExitCode> show(CommandContext &context, const Invocation &invocation);
    static CliResult<ExitCode> remove(CommandContext &context, const Invocation &invocation);
    static CliResult<ExitCode> rename(CommandContext &context, const Invocation &invocation);
    static CliResult<ExitCode> sync(CommandContext &context, const Invocation &invocation);
    static CliResult<ExitCode> importKey(CommandContext &context, const Invocation &invocation);
    static CliResult<ExitCode> exportKey(CommandContext &context, const Invocation &invocation);

    // --yes, else a question on a terminal; no terminal and no --yes is a
    // usage error (exit 2), a "no" is a failure (exit 1).
    static CliResult<void> confirm(const Invocation &invocation, const QString &question);
    // A usage error (exit 2) for a name OpenBao would refuse.
    static CliResult<void> checkName(const QString &name);
    // The key name at `position` among the positionals, checked as above.
    static CliResult<QString> nameArgument(const Invocation &invocation, int position = 0);
};

} // namespace baokeys::cli
