#pragma once

#include "cli/CommandLine.h"

namespace baokeys::cli {

// `tx send`: builds a Cosmos MsgSend, signs it in SIGN_MODE_DIRECT with a key
// on the server (through the keyring), and prints the broadcast-ready TxRaw
// in base64 and its hash. `tx grant` / `tx revoke`: one MsgGrantAllowance /
// MsgRevokeAllowance per grantee in one transaction from the granter (the
// fee-grant set-up of parallel workers). All three share TxFlow: the common
// flags, and with --node the account, gas and broadcast.
//
// Thread-safety: the handlers run on the main thread.
class TxCommands {
public:
    static void registerAll(CommandLine &commandLine);

    static CliResult<ExitCode> send(CommandContext &context, const Invocation &invocation);
    static CliResult<ExitCode> grant(CommandContext &context, const Invocation &invocation);
    static CliResult<ExitCode> revoke(CommandContext &context, const Invocation &invocation);
};

} // namespace baokeys::cli
