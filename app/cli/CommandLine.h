#pragma once

#include "cli/CliError.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

namespace baokeys::cli {

class CommandContext;
class Invocation;

// One subcommand: its words ("keys", "add"), positional arguments, own
// options and the function that runs it.
struct CommandSpec {
    QStringList path;
    QString description;
    QStringList
        positionals; // names for the usage line, each required ("NAME"); a last "NAME..." takes 1 or more
    QList<QCommandLineOption> options;
    std::function<CliResult<ExitCode>(CommandContext &, const Invocation &)> run;
    // Options that may be given more than once (read with Invocation::values());
    // any other option given twice is a usage error.
    QStringList repeatable = {};
};

// A parsed command line: the chosen command and the values of its options
// and of the global options (given before or after the command words).
class Invocation {
public:
    Invocation(const CommandSpec *spec, std::unique_ptr<QCommandLineParser> global,
               std::unique_ptr<QCommandLineParser> command, QStringList positionals);
    ~Invocation();
    Invocation(Invocation &&) noexcept;
    Invocation &operator=(Invocation &&) noexcept;

    const CommandSpec &spec() const { return *m_spec; }
    bool isSet(const QString &name) const;
    QString value(const QString &name) const;
    // Every value of a repeatable option, in the order given.
    QStringList values(const QString &name) const;
    const QStringList &positionals() const { return m_positionals; }

    // Exactly one of `names` set: its name; none or several: a usage error.
    CliResult<QString> exactlyOne(const QStringList &names) const;
    // At most one of `names` set.
    CliResult<void> atMostOne(const QStringList &names) const;

private:
    const CommandSpec *m_spec = nullptr;
    std::unique_ptr<QCommandLineParser> m_global;
    std::unique_ptr<QCommandLineParser> m_command;
    QStringList m_positionals;
};

// What parsing decided: run a command, or print text (help, version) and exit.
struct ParseOutcome {
    std::optional<Invocation> invocation;
    QString text; // help or version text for stdout
    ExitCode exitCode = ExitCode::Success;
};

// The subcommand parser, on QCommandLineParser: a first pass reads the
// global options up to the command words (options after them are left for
// the second pass), a second pass parses the rest with the command's own
// options plus the global ones, so `baokeys-cli --output json keys list` and
// `baokeys-cli keys list --output json` mean the same.
//
// Thread-safety: not thread-safe; built and used on the main thread.
class CommandLine {
public:
    CommandLine();

    void addGlobalOption(const QCommandLineOption &option);
    void addCommand(CommandSpec spec);
    const QList<CommandSpec> &commands() const { return m_commands; }

    // arguments[0] is the program name.
    CliResult<ParseOutcome> parse(const QStringList &arguments) const;

    QString overviewHelp() const;
    QString groupHelp(const QString &group) const; // the commands of "keys", "batch", ...

private:
    void addCommonOptions(QCommandLineParser &parser) const;
    QString commandHelp(const CommandSpec &spec) const;

    QList<QCommandLineOption> m_globalOptions;
    QList<CommandSpec> m_commands;
};

} // namespace baokeys::cli
