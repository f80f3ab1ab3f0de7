#include "cli/CommandLine.h"

#include "cli/CliText.h"

#include <QCoreApplication>

namespace baokeys::cli {

namespace {

QString programName()
{
    return QStringLiteral("baokeys-cli");
}

const QCommandLineOption &helpOption()
{
    static const QCommandLineOption option(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                           tr("Show help for the command and exit."));
    return option;
}

const QCommandLineOption &versionOption()
{
    static const QCommandLineOption option(QStringLiteral("version"), tr("Show the version and exit."));
    return option;
}

} // namespace

// --- Invocation ---------------------------------------------------------

Invocation::Invocation(const CommandSpec *spec, std::unique_ptr<QCommandLineParser> global,
                       std::unique_ptr<QCommandLineParser> command, QStringList positionals)
    : m_spec(spec), m_global(std::move(global)), m_command(std::move(command)),
      m_positionals(std::move(positionals))
{}

Invocation::~Invocation() = default;
Invocation::Invocation(Invocation &&) noexcept = default;
Invocation &Invocation::operator=(Invocation &&) noexcept = default;

bool Invocation::isSet(const QString &name) const
{
    // optionNames() lists the options found; asking isSet() of the first pass
    // about a command's own option would warn that it is not defined there.
    return m_command->isSet(name) || m_global->optionNames().contains(name);
}

QString Invocation::value(const QString &name) const
{
    // The value after the command words wins over one given before them.
    if (m_command->isSet(name))
        return m_command->value(name);
    if (m_global->optionNames().contains(name))
        return m_global->value(name);
    return m_command->value(name); // the default, if the option has one
}

QStringList Invocation::values(const QString &name) const
{
    QStringList all;
    if (m_global->optionNames().contains(name))
        all += m_global->values(name);
    if (m_command->isSet(name))
        all += m_command->values(name);
    return all;
}

CliResult<QString> Invocation::exactlyOne(const QStringList &names) const
{
    QStringList given;
    for (const QString &name : names) {
        if (isSet(name))
            given << QStringLiteral("--") + name;
    }
    if (given.size() == 1)
        return given.first().mid(2);
    QStringList all;
    for (const QString &name : names)
        all << QStringLiteral("--") + name;
    if (given.isEmpty())
        return cliError(
            CliError::usage(tr("%1 needs one of %2")
                                .arg(m_spec->path.join(QLatin1Char(' ')), all.join(QStringLiteral(", ")))));
    return cliError(
        CliError::usage(tr("%1 takes only one of %2")
                            .arg(m_spec->path.join(QLatin1Char(' ')), given.join(QStringLiteral(", ")))));
}

CliResult<void> Invocation::atMostOne(const QStringList &names) const
{
    QStringList given;
    for (const QString &name : names) {
        if (isSet(name))
            given << QStringLiteral("--") + name;
    }
    if (given.size() > 1)
        return cliError(
            CliError::usage(tr("%1 takes only one of %2")
                                .arg(m_spec->path.join(QLatin1Char(' ')), given.join(QStringLiteral(", ")))));
    return {};
}

// --- CommandLine --------------------------------------------------------

CommandLine::CommandLine() = default;

void CommandLine::addGlobalOption(const QCommandLineOption &option)
{
    m_globalOptions << option;
}

void CommandLine::addCommand(CommandSpec spec)
{
    m_commands << std::move(spec);
}

void CommandLine::addCommonOptions(QCommandLineParser &parser) const
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOption(helpOption());
    for (const QCommandLineOption &option : m_globalOptions)
        parser.addOption(option);
}

CliResult<ParseOutcome> CommandLine::parse(const QStringList &arguments) const
{
    // Pass 1: global options, then the command words and everything after them.
    auto global = std::make_unique<QCommandLineParser>();
    addCommonOptions(*global);
    global->addOption(versionOption());
    global->setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    if (!global->parse(arguments))
        return cliError(CliError::usage(global->errorText() + tr("; see 'baokeys-cli --help'")));

    const QStringList rest = global->positionalArguments();
    if (global->isSet(versionOption()) && rest.isEmpty())
        return ParseOutcome{std::nullopt,
                            programName() + QLatin1Char(' ') + QCoreApplication::applicationVersion() +
                                QLatin1Char('\n'),
                            ExitCode::Success};
    if (rest.isEmpty() || rest.first() == QLatin1String("help")) {
        if (global->isSet(helpOption()) || (!rest.isEmpty() && rest.first() == QLatin1String("help")))
            return ParseOutcome{std::nullopt, overviewHelp(), ExitCode::Success};
        return cliError(CliError::usage(tr("no command given; see 'baokeys-cli --help'")));
    }

    // The longest command path that matches the leading words.
    const CommandSpec *spec = nullptr;
    for (const CommandSpec &candidate : m_commands) {
        if (rest.size() >= candidate.path.size() && rest.mid(0, candidate.path.size()) == candidate.path &&
            (!spec || candidate.path.size() > spec->path.size()))
            spec = &candidate;
    }
    if (!spec) {
        QStringList group;
        for (const CommandSpec &candidate : m_commands) {
            if (candidate.path.first() == rest.first())
                group << candidate.path.join(QLatin1Char(' '));
        }
        // "keys --help", "keys -h", "keys help": the group's commands.
        const bool groupHelpAsked =
            global->isSet(helpOption()) ||
            (rest.size() == 2 && (rest.at(1) == QLatin1String("--help") ||
                                  rest.at(1) == QLatin1String("-h") || rest.at(1) == QLatin1String("help")));
        if (!group.isEmpty() && groupHelpAsked)
            return ParseOutcome{std::nullopt, groupHelp(rest.first()), ExitCode::Success};
        if (!group.isEmpty() && rest.size() == 1)
            return cliError(CliError::usage(
                tr("'%1' needs a subcommand: %2").arg(rest.first(), group.join(QStringLiteral(", ")))));
        if (!group.isEmpty())
            return cliError(
                CliError::usage(tr("unknown command '%1 %2'; the '%1' commands are: %3")
                                    .arg(rest.first(), rest.at(1), group.join(QStringLiteral(", ")))));
        return cliError(
            CliError::usage(tr("unknown command '%1'; see 'baokeys-cli --help'").arg(rest.first())));
    }

    // Pass 2: the command's options and the global ones, anywhere after the words.
    auto command = std::make_unique<QCommandLineParser>();
    addCommonOptions(*command);
    for (const QCommandLineOption &option : spec->options)
        command->addOption(option);
    QStringList second{arguments.value(0, programName())};
    second += rest.mid(spec->path.size());
    const QString name = spec->path.join(QLatin1Char(' '));
    if (!command->parse(second))
        return cliError(
            CliError::usage(tr("%1: %2; see 'baokeys-cli %1 --help'").arg(name, command->errorText())));
    if (global->isSet(helpOption()) || command->isSet(helpOption()))
        return ParseOutcome{std::nullopt, commandHelp(*spec), ExitCode::Success};

    const QStringList positionals = command->positionalArguments();
    // "NAME...": the last positional takes one or more values.
    const bool variadic =
        !spec->positionals.isEmpty() && spec->positionals.last().endsWith(QLatin1String("..."));
    if (variadic ? positionals.size() < spec->positionals.size()
                 : positionals.size() != spec->positionals.size()) {
        const QString usage = spec->positionals.isEmpty()
                                  ? tr("takes no arguments")
                                  : tr("takes %1").arg(spec->positionals.join(QLatin1Char(' ')));
        return cliError(CliError::usage(
            tr("%1 %2 (got %3); see 'baokeys-cli %1 --help'").arg(name, usage).arg(positionals.size())));
    }
    for (const QString &option : command->optionNames()) {
        if (command->values(option).size() > 1 && !spec->repeatable.contains(option))
            return cliError(CliError::usage(tr("%1: --%2 given more than once").arg(name, option)));
    }
    return ParseOutcome{
        Invocation(spec, std::move(global), std::move(command), positionals), {}, ExitCode::Success};
}

namespace {

constexpr qsizetype helpWidth = 100; // the longest line a help text prints

// A command's summary: the first line of its description, on to the end of
// the sentence that line begins. The descriptions are wrapped for the
// command's own help, so a first line can end mid-sentence ("... the keys:
// update on"); a line that ends a sentence stays whole ("... This cannot be
// undone.").
QString summaryOf(const QString &description)
{
    QString summary;
    for (const QString &line : description.split(QLatin1Char('\n'))) {
        const qsizetype lineStart = summary.isEmpty() ? 0 : summary.size() + 1;
        summary = summary.isEmpty() ? line.trimmed() : summary + QLatin1Char(' ') + line.trimmed();
        if (lineStart == 0 && summary.endsWith(QLatin1Char('.')))
            break;
        // A later line ends where its first sentence does ("(x/feegrant).
        // With --node"); "PREFIX-1 .. PREFIX-COUNT" is not a sentence's end.
        qsizetype end = summary.indexOf(QStringLiteral(". "), lineStart);
        while (end > 0 && summary.at(end - 1) == QLatin1Char('.'))
            end = summary.indexOf(QStringLiteral(". "), end + 2);
        if (end > 0)
            return summary.left(end + 1);
        if (summary.endsWith(QLatin1Char('.')))
            break;
    }
    return summary;
}

// `text` broken at spaces to follow `start` (a column title) within `width`
// characters a line, every further line indented to where `text` began (a
// word longer than a line stays whole).
QString hangingWrap(const QString &start, const QString &text, qsizetype width)
{
    QString result = start;
    const QString indent(start.size(), QLatin1Char(' '));
    qsizetype lineLength = start.size();
    bool lineEmpty = true;
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!lineEmpty && lineLength + 1 + word.size() > width) {
            result += QLatin1Char('\n') + indent;
            lineLength = indent.size();
            lineEmpty = true;
        }
        if (!lineEmpty) {
            result += QLatin1Char(' ');
            ++lineLength;
        }
        result += word;
        lineLength += word.size();
        lineEmpty = false;
    }
    return result;
}

// "  keys add NAME   Create a key ...": a command's line in a list of
// commands, its summary wrapped under itself when it is long.
QString summaryLine(const CommandSpec &spec)
{
    QString line = spec.path.join(QLatin1Char(' '));
    if (!spec.positionals.isEmpty())
        line += QLatin1Char(' ') + spec.positionals.join(QLatin1Char(' '));
    return hangingWrap(QStringLiteral("  %1  ").arg(line, -28), summaryOf(spec.description), helpWidth) +
           QLatin1Char('\n');
}

} // namespace

QString CommandLine::overviewHelp() const
{
    QString text =
        tr("Usage: baokeys-cli [global options] COMMAND [options] [arguments]\n\n"
           "The scriptable keyring of BaoKeys: secp256k1 keys held in OpenBao (or baokeys-signer);\n"
           "this tool keeps only their public metadata (--store).\n\nCommands:\n");
    for (const CommandSpec &spec : m_commands)
        text += summaryLine(spec);
    text += tr("\nGlobal options:\n");
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption(versionOption());
    const QString options = parser.helpText().section(QStringLiteral("Options:\n"), 1);
    text += options;
    text += tr("\n'baokeys-cli COMMAND --help' shows a command's options.\n\n");
    text += exitCodeTable();
    return text;
}

QString CommandLine::groupHelp(const QString &group) const
{
    QString text =
        tr("Usage: baokeys-cli [global options] %1 SUBCOMMAND [options] [arguments]\n\nCommands:\n")
            .arg(group);
    for (const CommandSpec &spec : m_commands) {
        if (spec.path.first() == group)
            text += summaryLine(spec);
    }
    text += tr("\n'baokeys-cli %1 SUBCOMMAND --help' shows a command's options;\n"
               "'baokeys-cli --help' the global options and exit codes.\n")
                .arg(group);
    return text;
}

QString CommandLine::commandHelp(const CommandSpec &spec) const
{
    QString text = tr("Usage: baokeys-cli %1 [options]").arg(spec.path.join(QLatin1Char(' ')));
    if (!spec.positionals.isEmpty())
        text += QLatin1Char(' ') + spec.positionals.join(QLatin1Char(' '));
    text += QStringLiteral("\n\n") + spec.description + QStringLiteral("\n\n");
    QCommandLineParser parser;
    parser.addOption(helpOption());
    for (const QCommandLineOption &option : spec.options)
        parser.addOption(option);
    text += parser.helpText().section(QStringLiteral("\n\n"), 1);
    text += tr("\nGlobal options (--addr, --token-file, --output, ...): see 'baokeys-cli --help'.\n\n");
    text += exitCodeTable();
    return text;
}

} // namespace baokeys::cli
