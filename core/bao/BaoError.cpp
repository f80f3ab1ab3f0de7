#include "core/bao/BaoError.h"

namespace baokeys::bao {

QString BaoError::kindName(BaoErrorKind kind)
{
    switch (kind) {
    case BaoErrorKind::NotFound:
        return QStringLiteral("not_found");
    case BaoErrorKind::AlreadyExists:
        return QStringLiteral("already_exists");
    case BaoErrorKind::PermissionDenied:
        return QStringLiteral("permission_denied");
    case BaoErrorKind::Sealed:
        return QStringLiteral("sealed");
    case BaoErrorKind::Standby:
        return QStringLiteral("standby");
    case BaoErrorKind::RateLimited:
        return QStringLiteral("rate_limited");
    case BaoErrorKind::BadRequest:
        return QStringLiteral("bad_request");
    case BaoErrorKind::NotExportable:
        return QStringLiteral("not_exportable");
    case BaoErrorKind::ServerError:
        return QStringLiteral("server_error");
    case BaoErrorKind::Transport:
        return QStringLiteral("transport");
    case BaoErrorKind::Timeout:
        return QStringLiteral("timeout");
    case BaoErrorKind::Cancelled:
        return QStringLiteral("cancelled");
    case BaoErrorKind::OutcomeUnknown:
        return QStringLiteral("outcome_unknown");
    case BaoErrorKind::MalformedAnswer:
        return QStringLiteral("malformed_answer");
    case BaoErrorKind::SecurityFault:
        return QStringLiteral("security_fault");
    case BaoErrorKind::InvalidName:
        return QStringLiteral("invalid_name");
    case BaoErrorKind::InvalidInput:
        return QStringLiteral("invalid_input");
    case BaoErrorKind::StoreCorrupt:
        return QStringLiteral("store_corrupt");
    case BaoErrorKind::StoreIo:
        return QStringLiteral("store_io");
    case BaoErrorKind::Unsupported:
        return QStringLiteral("unsupported");
    }
    return QStringLiteral("unknown");
}

QString BaoError::describe() const
{
    QString text = kindName(kind).replace(QLatin1Char('_'), QLatin1Char(' '));
    if (httpStatus != 0)
        text += QStringLiteral(" (HTTP %1)").arg(httpStatus);
    if (!message.isEmpty())
        text += QStringLiteral(": ") + message;
    if (!redirectTo.isEmpty())
        text += QStringLiteral(" [active node: %1]").arg(redirectTo);
    return text;
}

bool BaoError::isTransient() const
{
    switch (kind) {
    case BaoErrorKind::Transport:
    case BaoErrorKind::Timeout:
    case BaoErrorKind::RateLimited:
    case BaoErrorKind::Standby:
    case BaoErrorKind::ServerError:
    case BaoErrorKind::Sealed:
        return true;
    default:
        return false;
    }
}

} // namespace baokeys::bao
