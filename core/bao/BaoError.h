#pragma once

#include "core/common/Expected.h"

#include <QMetaType>
#include <QString>

namespace baokeys::bao {

// Why a call to the signer (or the keyring above it) did not give a result.
// Callers branch on the kind, never on the message; the message is for people
// (it may quote the server's own words) and never contains tokens or secrets.
enum class BaoErrorKind {
    // Answers of the server, mapped from status code + "errors" array.
    NotFound,         // 404 with a message, or an engine "key not found"
    AlreadyExists,    // engine "key already exists" (or a local collision)
    PermissionDenied, // 403: missing/wrong token or policy
    Sealed,           // 503 "Vault is sealed"
    Standby,          // 307 redirect to the active node, or a 429/473 health code
    RateLimited,      // 429 on an API path; retry after backoff
    BadRequest,       // any other 4xx (engine refusals: message is the server's)
    NotExportable,    // engine "key is not exportable"
    ServerError,      // 5xx other than sealed
    // Failures below HTTP.
    Transport, // connection refused/reset/dropped, TLS handshake failure, DNS
    Timeout,   // the per-request transfer timeout passed
    Cancelled, // the caller cancelled (batch cancel or a CancelToken)
    // A create, import or delete was sent but its answer never came (the
    // connection closed, the timeout passed): the server may or may not have
    // done it. Never re-sent; a sync, or the same command again, settles it.
    OutcomeUnknown,
    // Answers that cannot be trusted.
    MalformedAnswer, // not JSON, missing fields, bad hex/base64, wrong sizes
    SecurityFault,   // signature does not verify / public key differs from the stored one
    // Local (keyring / store) errors.
    InvalidName,  // not OpenBao's key-name pattern \w(([\w-.]+)?\w)?
    InvalidInput, // bad private key hex, mnemonic, HD path, empty message, ...
    StoreCorrupt, // local metadata file unreadable as our format (left untouched)
    StoreTooNew,  // local metadata file a newer BaoKeys wrote: left untouched, never moved aside
    StoreIo,      // local metadata file could not be read or written
    Unsupported,  // an operation the engine cannot do safely (e.g. rename non-exportable)
};

struct BaoError {
    BaoErrorKind kind = BaoErrorKind::Transport;
    QString message;    // human-readable; the server's message when there is one
    int httpStatus = 0; // 0 when no HTTP answer was received
    QString redirectTo; // Standby: the Location of the active node, when given

    // "permission denied (HTTP 403): ..." - for logs and CLI output.
    QString describe() const;
    // Retrying later may help (timeouts, transport, rate limit, standby, 5xx).
    bool isTransient() const;
    static QString kindName(BaoErrorKind kind); // stable, lower-case: "not_found", ...
};

template <typename T> using BaoResult = Expected<T, BaoError>;

inline Unexpected<BaoError> baoError(BaoErrorKind kind, QString message, int httpStatus = 0)
{
    return {BaoError{kind, std::move(message), httpStatus, {}}};
}

} // namespace baokeys::bao

Q_DECLARE_METATYPE(baokeys::bao::BaoError)
