#pragma once

#include "cli/CommandLine.h"

namespace baokeys::tx {
struct TxError;
}

namespace baokeys::cli {

// `tx send`: builds a Cosmos MsgSend, signs it in SIGN_MODE_DIRECT with a key
// on the server (through the keyring), and prints the broadcast-ready TxRaw
// in base64 and its hash. It does not broadcast.
//
// Thread-safety: the handlers run on the main thread.
class TxCommands {
public:
    static void registerAll(CommandLine &commandLine);

    static CliResult<ExitCode> send(CommandContext &context, const Invocation &invocation);

    // A refused transaction: bad input is a usage error (exit 2), a keyring
    // failure keeps the keyring's exit code.
    static CliError fromTx(const tx::TxError &error);
};

} // namespace baokeys::cli
