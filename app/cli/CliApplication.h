#pragma once

#include "cli/CommandLine.h"

#include <QProcessEnvironment>
#include <QStringList>

namespace baokeys::cli {

// baokeys-cli as a whole: the global options and every command, parsing,
// running the chosen command and turning its result into the one error line
// on stderr and the documented exit code (cli/ExitCode.h).
//
// Thread-safety: not thread-safe; run on the main thread, with a
// QCoreApplication alive (batches wait in a local event loop).
class CliApplication {
public:
    CliApplication();

    // arguments[0] is the program name. Returns the process exit code.
    int run(const QStringList &arguments, const QProcessEnvironment &environment);

    const CommandLine &commandLine() const { return m_commandLine; }

private:
    CommandLine m_commandLine;
};

} // namespace baokeys::cli
