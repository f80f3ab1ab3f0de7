#pragma once

#include "core/bao/BaoError.h"
#include "core/common/Expected.h"

#include <QString>
#include <optional>

namespace baokeys::chain {

// Why a question to a Cosmos SDK node got no usable answer. Callers branch
// on the kind; the message is for people.
enum class ChainErrorKind {
    InvalidNode, // the node URL is not an http(s) URL
    Unreachable, // no HTTP answer: refused, reset, timed out (transport says which)
    HttpStatus,  // an HTTP error the endpoint does not document (5xx, 400 ...)
    BadAnswer,   // 200 with a body that is not what the SDK sends
    Rejected,    // the chain refused the transaction (code, codespace, raw log)
    NotIncluded, // broadcast, but not seen in a block before the timeout
};

struct ChainError {
    ChainErrorKind kind = ChainErrorKind::BadAnswer;
    QString message;
    int httpStatus = 0;
    // For Rejected: the SDK's ABCI code and codespace ("sdk" 32 is a
    // sequence mismatch, 4 unauthorized, 13 insufficient fee).
    quint32 code = 0;
    QString codespace;
    std::optional<bao::BaoError> transportError; // for Unreachable

    static QString kindName(ChainErrorKind kind); // stable, lower-case: "unreachable", ...
    QString describe() const;
    bool isSequenceMismatch() const
    {
        return kind == ChainErrorKind::Rejected && code == 32 && codespace == QLatin1String("sdk");
    }
};

template <typename T> using ChainResult = Expected<T, ChainError>;

inline Unexpected<ChainError> chainError(ChainErrorKind kind, QString message, int httpStatus = 0)
{
    return {ChainError{kind, std::move(message), httpStatus, 0, {}, std::nullopt}};
}

} // namespace baokeys::chain
