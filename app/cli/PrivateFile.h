#pragma once

#include "cli/CliError.h"

#include <QByteArrayView>
#include <QString>

namespace baokeys::cli::PrivateFile {

// Writes `bytes` to a new file created with mode 0600 (open(2) with O_EXCL
// and that mode, so it is never readable by others, not even for a moment),
// then fsyncs it. An existing file is never overwritten: exported keys are
// not clobbered by accident. Thread-safe: a stateless function.
CliResult<void> writeNew(const QString &path, QByteArrayView bytes);

} // namespace baokeys::cli::PrivateFile
