#pragma once

#include "core/bao/BaoError.h"

#include <QString>

namespace baokeys::cli {

// The process exit codes of baokeys-cli. Scripts branch on these, so the
// numbers are part of the interface and never change meaning.
//
//   0  success
//   1  the operation failed: unknown key, name taken, key not exportable,
//      engine refusal, local store trouble, signature does not verify
//   2  usage: unknown command or option, missing or conflicting options,
//      invalid key name, malformed hex / base64 / mnemonic, an input file
//      that cannot be read, a confirmation that cannot be asked (no TTY)
//   3  partial batch failure: some items failed, the others succeeded and
//      were printed
//   4  authentication: no token, or the token was refused (HTTP 403)
//   5  unavailable: unreachable, timed out, sealed, standby, rate limited or
//      a 5xx answer - retrying later may help; or the outcome of a create,
//      import or delete is unknown (its answer was lost) - running the same
//      command again, or `keys sync`, settles it
//   6  security fault: the signer's answer cannot be trusted (a signature
//      that does not verify against the stored key, another public key,
//      an answer that breaks the wire contract)
//   130 / 143  a batch interrupted by SIGINT (Ctrl-C) / SIGTERM
enum class ExitCode : int {
    Success = 0,
    Failure = 1,
    Usage = 2,
    PartialBatch = 3,
    Authentication = 4,
    Unavailable = 5,
    SecurityFault = 6,
    // 128 + the signal, as a shell reports a process the signal ended: a
    // batch stopped by Ctrl-C (SIGINT) or SIGTERM, after printing (and, for
    // batch create, storing) what had finished.
    Interrupted = 130,
    Terminated = 143,
};

// Thread-safe: pure functions.
ExitCode exitCodeFor(bao::BaoErrorKind kind);
// The table above for --help, one code per line.
QString exitCodeTable();

} // namespace baokeys::cli
