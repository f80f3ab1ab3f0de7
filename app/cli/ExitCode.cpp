#include "cli/ExitCode.h"

#include <QCoreApplication>

namespace baokeys::cli {

using bao::BaoErrorKind;

ExitCode exitCodeFor(BaoErrorKind kind)
{
    switch (kind) {
    case BaoErrorKind::InvalidName:
    case BaoErrorKind::InvalidInput:
        return ExitCode::Usage;
    case BaoErrorKind::PermissionDenied:
        return ExitCode::Authentication;
    case BaoErrorKind::Sealed:
    case BaoErrorKind::Standby:
    case BaoErrorKind::RateLimited:
    case BaoErrorKind::ServerError:
    case BaoErrorKind::Transport:
    case BaoErrorKind::Timeout:
    case BaoErrorKind::OutcomeUnknown: // the same command again (or keys sync) settles it
        return ExitCode::Unavailable;
    case BaoErrorKind::SecurityFault:
    case BaoErrorKind::MalformedAnswer:
        return ExitCode::SecurityFault;
    case BaoErrorKind::NotFound:
    case BaoErrorKind::AlreadyExists:
    case BaoErrorKind::BadRequest:
    case BaoErrorKind::NotExportable:
    case BaoErrorKind::Cancelled:
    case BaoErrorKind::StoreCorrupt:
    case BaoErrorKind::StoreTooNew:
    case BaoErrorKind::StoreIo:
    case BaoErrorKind::Unsupported:
        return ExitCode::Failure;
    }
    return ExitCode::Failure;
}

QString exitCodeTable()
{
    return QCoreApplication::translate(
        "baokeys-cli",
        "Exit codes:\n"
        "  0  success\n"
        "  1  the operation failed (unknown key, name taken, not exportable, engine refusal,\n"
        "     local store trouble, signature does not verify)\n"
        "  2  usage: bad command, option, key name, hex/base64/mnemonic, unreadable input file,\n"
        "     or a confirmation needed while stdin is not a terminal (pass --yes)\n"
        "  3  partial batch failure: some items failed; the successes are printed\n"
        "  4  authentication: no token, or the token was refused\n"
        "  5  unavailable: unreachable, timed out, sealed, standby, rate limited or 5xx;\n"
        "     or a create/import/delete whose answer was lost (run it again, or keys sync)\n"
        "  6  security fault: the signer's answer cannot be trusted\n"
        "  130  a batch interrupted by Ctrl-C (143: by SIGTERM); what finished is printed and kept\n");
}

} // namespace baokeys::cli
