#pragma once

#include "cli/ExitCode.h"
#include "core/bao/BaoError.h"
#include "core/common/Expected.h"

#include <QString>

namespace baokeys::cli {

// Why a command stopped: the exit code and the one line printed on stderr,
// which says what went wrong and what to do. Never holds a secret.
struct CliError {
    ExitCode code = ExitCode::Failure;
    QString message;

    static CliError usage(const QString &message);
    static CliError failure(const QString &message);
    // Maps a keyring error to its exit code and adds a hint on what to do.
    static CliError fromBao(const bao::BaoError &error);
};

template <typename T> using CliResult = Expected<T, CliError>;

inline Unexpected<CliError> cliError(CliError error)
{
    return {std::move(error)};
}

} // namespace baokeys::cli
