#include "cli/PolicyCommand.h"

#include "cli/CliText.h"
#include "cli/CommandContext.h"
#include "cli/Console.h"
#include "cli/KeysCommands.h"
#include "core/bao/AccessPolicy.h"
#include "core/common/KeyName.h"

#include <QJsonObject>

namespace baokeys::cli {

namespace {

using Role = bao::AccessPolicy::Role;

CliResult<ExitCode> printPolicy(Role role, CommandContext &context, const Invocation &invocation)
{
    const bool byPrefix = invocation.isSet(QStringLiteral("prefix"));
    const bool byKeys = invocation.isSet(QStringLiteral("keys"));
    if (byPrefix == byKeys)
        return cliError(CliError::usage(tr("policy needs --prefix P or --keys a,b (one of them)")));
    bao::AccessPolicy policy(role, context.config().settings.mount, context.config().settings.ns);
    if (byPrefix) {
        const QString prefix = invocation.value(QStringLiteral("prefix"));
        if (const QString why = KeyName::whyInvalidPrefix(prefix); !why.isEmpty())
            return cliError(CliError::usage(tr("invalid --prefix '%1': %2").arg(prefix, why)));
        policy.addPrefix(prefix);
    } else {
        for (const QString &name : invocation.value(QStringLiteral("keys")).split(QLatin1Char(','))) {
            if (auto valid = KeysCommands::checkName(name.trimmed()); !valid)
                return cliError(valid.error());
            policy.addKey(name.trimmed());
        }
    }
    if (context.json())
        Console::outJson(QJsonObject{{QStringLiteral("name"), policy.suggestedName()},
                                     {QStringLiteral("role"), bao::AccessPolicy::roleName(role)},
                                     {QStringLiteral("hcl"), policy.hcl()}});
    else
        Console::out(policy.hcl().toUtf8());
    return ExitCode::Success;
}

QList<QCommandLineOption> scopeOptions()
{
    return {
        QCommandLineOption(QStringLiteral("prefix"), tr("Keys PREFIX-* (e.g. blob-worker)."),
                           QStringLiteral("P")),
        QCommandLineOption(QStringLiteral("keys"), tr("Comma-separated key names."), QStringLiteral("LIST"))};
}

} // namespace

void PolicyCommand::registerAll(CommandLine &commandLine)
{
    const QStringList policy{QStringLiteral("policy")};
    const struct {
        const char *word;
        Role role;
        const char *description;
    } roles[] = {
        {"sign", Role::Sign,
         QT_TRANSLATE_NOOP("baokeys-cli", "Print the sign-only OpenBao policy for the keys: update on\n"
                                          "<mount>/sign/<key>, nothing else. For the workers' token.")},
        {"provision", Role::Provision,
         QT_TRANSLATE_NOOP("baokeys-cli", "Print the provisioning policy for the keys: create, import,\n"
                                          "read them, and list the engine's keys.")},
        {"admin", Role::Admin,
         QT_TRANSLATE_NOOP("baokeys-cli", "Print the admin policy for the keys: everything the client\n"
                                          "does with them, export and delete included.")},
    };
    for (const auto &entry : roles) {
        const Role role = entry.role;
        commandLine.addCommand({policy + QStringList{QString::fromLatin1(entry.word)},
                                tr(entry.description),
                                {},
                                scopeOptions(),
                                [role](CommandContext &context, const Invocation &invocation) {
                                    return printPolicy(role, context, invocation);
                                }});
    }
}

} // namespace baokeys::cli
