#include "cli/CliError.h"

#include "cli/CliText.h"

#include <QCoreApplication>

namespace baokeys::cli {

using bao::BaoErrorKind;

namespace {

// What the user can do about this error: by its kind, and for two common
// mistakes by what the message says.
QString hintFor(const bao::BaoError &error)
{
    if (error.kind == BaoErrorKind::Transport && error.message.contains(QLatin1String("certificate")))
        return tr("if the server's certificate is right, give the CA that signed it with --ca-cert (or "
                  "BAO_CACERT)");
    if (error.kind == BaoErrorKind::NotFound && error.message.contains(QLatin1String("no handler for route")))
        return tr("no secp256k1 engine there: check --mount and --namespace");
    switch (error.kind) {
    case BaoErrorKind::PermissionDenied:
        return tr("check the token (--token-file, BAO_TOKEN) and its policies");
    case BaoErrorKind::Sealed:
        return tr("unseal the server (bao operator unseal), then retry");
    case BaoErrorKind::Standby:
        return tr("point --addr at the active node");
    case BaoErrorKind::RateLimited:
        return tr("retry later or lower --parallelism");
    case BaoErrorKind::Transport:
        return tr("check --addr / BAO_ADDR and that the server is running");
    case BaoErrorKind::Timeout:
        return tr("retry, or raise --timeout");
    case BaoErrorKind::ServerError:
        return tr("retry later; the server logs say more");
    case BaoErrorKind::OutcomeUnknown:
        return tr("run the same command again, which settles it (a key the server made or imported is "
                  "adopted, a key it deleted stays deleted), or 'keys sync'");
    case BaoErrorKind::SecurityFault:
    case BaoErrorKind::MalformedAnswer:
        return tr("do not use this server's answers until the cause is found");
    case BaoErrorKind::StoreCorrupt:
        return tr("run 'baokeys-cli keys sync' to rebuild the store from the server (the bad file is kept)");
    case BaoErrorKind::StoreTooNew:
        return tr("use the newer baokeys-cli that wrote it, or another --store");
    case BaoErrorKind::StoreIo:
        return tr("check the --store file, its folder's permissions and the free disk space");
    case BaoErrorKind::InvalidName:
        return tr("use letters, digits, '_', and '-' or '.' inside the name");
    case BaoErrorKind::NotFound:
        return tr("see 'baokeys-cli keys list', or 'keys sync' to adopt keys from the server");
    case BaoErrorKind::AlreadyExists:
        return tr("choose another name");
    case BaoErrorKind::NotExportable:
        return tr("the key was created non-exportable; its private key never leaves the signer");
    default:
        return {};
    }
}

} // namespace

CliError CliError::usage(const QString &message)
{
    return CliError{ExitCode::Usage, message};
}

CliError CliError::failure(const QString &message)
{
    return CliError{ExitCode::Failure, message};
}

CliError CliError::fromBao(const bao::BaoError &error)
{
    // describe() flattens the server's multi-line messages ("1 error occurred:\n\t* ...").
    QString line = error.describe().simplified();
    const QString hint = hintFor(error);
    if (!hint.isEmpty())
        line += QStringLiteral(" (") + hint + QLatin1Char(')');
    return CliError{exitCodeFor(error.kind), line};
}

} // namespace baokeys::cli
