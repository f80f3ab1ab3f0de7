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
    case BaoErrorKind::StoreTooNew:
        return QStringLiteral("store_too_new");
    case BaoErrorKind::StoreIo:
        return QStringLiteral("store_io");
    case BaoErrorKind::Unsupported:
        return QStringLiteral("unsupported");
    }
    return QStringLiteral("unknown");
}

QString BaoError::describe() const
{
    const QString kindText = kindName(kind).replace(QLatin1Char('_'), QLatin1Char(' '));
    QString text = kindText;
    if (httpStatus != 0)
        text += QStringLiteral(" (HTTP %1)").arg(httpStatus);
    // A server's own words often are the kind again (OpenBao answers 403 with
    // "permission denied"): said once, not "permission denied (HTTP 403):
    // permission denied".
    QString rest = message.trimmed();
    const auto separator = [](QChar c) {
        return c == QLatin1Char(':') || c == QLatin1Char(',') || c == QLatin1Char(';');
    };
    if (rest.startsWith(kindText, Qt::CaseInsensitive) &&
        (rest.size() == kindText.size() || separator(rest.at(kindText.size())))) {
        rest = rest.mid(kindText.size());
        while (!rest.isEmpty() && (separator(rest.front()) || rest.front().isSpace()))
            rest.remove(0, 1);
    }
    if (!rest.isEmpty())
        text += QStringLiteral(": ") + rest;
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
