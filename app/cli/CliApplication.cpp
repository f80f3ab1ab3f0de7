#include "cli/CliApplication.h"

#include "cli/BatchCommands.h"
#include "cli/CliConfig.h"
#include "cli/CommandContext.h"
#include "cli/Console.h"
#include "cli/KeysCommands.h"
#include "cli/PolicyCommand.h"
#include "cli/SignCommands.h"
#include "cli/StatusCommand.h"
#include "cli/TxCommands.h"
#include "core/crypto/Secp256k1.h"

namespace baokeys::cli {

namespace {

int report(const CliError &error)
{
    Console::errLine(QStringLiteral("baokeys-cli: error: ") + error.message);
    return int(error.code);
}

} // namespace

CliApplication::CliApplication()
{
    // Create the process's secp256k1 context here, on the main thread: its
    // seeding is the client side's one RAND_bytes call, and OpenSSL keeps a
    // DRBG per calling thread. Made on a batch worker instead, that DRBG is
    // freed by the worker's thread-exit cleanup, which can still be running
    // when the process exits (a leak report under AddressSanitizer).
    (void)crypto::Secp256k1::isLowS(QByteArray(crypto::Secp256k1::CompactSignatureSize, '\0'));

    for (const QCommandLineOption &option : CliConfig::globalOptions())
        m_commandLine.addGlobalOption(option);
    KeysCommands::registerAll(m_commandLine);
    SignCommands::registerAll(m_commandLine);
    BatchCommands::registerAll(m_commandLine);
    StatusCommand::registerAll(m_commandLine);
    PolicyCommand::registerAll(m_commandLine);
    TxCommands::registerAll(m_commandLine);
}

int CliApplication::run(const QStringList &arguments, const QProcessEnvironment &environment)
{
    auto parsed = m_commandLine.parse(arguments);
    if (!parsed)
        return report(parsed.error());
    if (!parsed->invocation) {
        Console::out(parsed->text.toUtf8());
        return int(parsed->exitCode);
    }
    const Invocation &invocation = *parsed->invocation;
    auto config = CliConfig::resolve(invocation, environment);
    if (!config)
        return report(config.error());
    CommandContext context(std::move(*config));
    auto result = invocation.spec().run(context, invocation);
    if (!result)
        return report(result.error());
    return int(*result);
}

} // namespace baokeys::cli
