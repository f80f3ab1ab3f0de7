#include "cli/StatusCommand.h"

#include "cli/CliText.h"
#include "cli/CommandContext.h"
#include "cli/Console.h"
#include "core/bao/BaoClient.h"
#include "core/keyring/BaoKeyring.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace baokeys::cli {

void StatusCommand::registerAll(CommandLine &commandLine)
{
    commandLine.addCommand(
        {{QStringLiteral("status")},
         tr("Show the server's health and the token's policies and TTL.\n"
            "Initialized, sealed, standby, version; the token's name, policies and TTL.\n"
            "With several addresses (a cluster), every node's role and round trip.\n"
            "Exit code 5 when the server is sealed or on standby, 4 when the token is refused."),
         {},
         {},
         &StatusCommand::run});
}

CliResult<ExitCode> StatusCommand::run(CommandContext &context, const Invocation &)
{
    auto keyring = context.keyring(true); // the store does not matter here
    if (!keyring)
        return cliError(keyring.error());
    const bao::ConnectionStatus status = (*keyring)->status();
    // Every node of the list, each asked on its own (one address: that one).
    const QList<bao::NodeStatus> nodes = bao::BaoClient(context.config().settings).nodes();
    if (!status.health) {
        if (status.error)
            return cliError(CliError::fromBao(*status.error));
        return cliError(CliError{ExitCode::Unavailable, tr("no answer from %1").arg(status.address)});
    }
    const bao::HealthInfo &health = *status.health;
    if (context.json()) {
        QJsonObject object{
            {QStringLiteral("address"), status.address},
            {QStringLiteral("http_status"), health.httpStatus},
            {QStringLiteral("initialized"), health.initialized},
            {QStringLiteral("sealed"), health.sealed},
            {QStringLiteral("standby"), health.standby},
            {QStringLiteral("performance_standby"), health.performanceStandby},
            {QStringLiteral("version"), health.version},
            {QStringLiteral("cluster_name"), health.clusterName},
            {QStringLiteral("round_trip_ms"), status.roundTripMs},
            {QStringLiteral("ok"), status.ok()},
        };
        if (status.token) {
            object.insert(
                QStringLiteral("token"),
                QJsonObject{{QStringLiteral("display_name"), status.token->displayName},
                            {QStringLiteral("policies"), QJsonArray::fromStringList(status.token->policies)},
                            {QStringLiteral("ttl_seconds"), status.token->ttlSeconds},
                            {QStringLiteral("expire_time"),
                             status.token->expireTime.isValid()
                                 ? QJsonValue(status.token->expireTime.toUTC().toString(Qt::ISODate))
                                 : QJsonValue()},
                            {QStringLiteral("renewable"), status.token->renewable}});
        } else {
            object.insert(QStringLiteral("token"), QJsonValue());
        }
        object.insert(QStringLiteral("error"),
                      status.error ? QJsonValue(status.error->describe().simplified()) : QJsonValue());
        QJsonArray nodeArray;
        for (const bao::NodeStatus &node : nodes)
            nodeArray.append(
                QJsonObject{{QStringLiteral("address"), node.address},
                            {QStringLiteral("role"), bao::NodeStatus::roleName(node.role)},
                            {QStringLiteral("round_trip_ms"), node.roundTripMs},
                            {QStringLiteral("http_status"),
                             node.health ? QJsonValue(node.health->httpStatus) : QJsonValue()},
                            {QStringLiteral("error"),
                             node.error ? QJsonValue(node.error->describe().simplified()) : QJsonValue()}});
        object.insert(QStringLiteral("nodes"), nodeArray);
        Console::outJson(object);
    } else {
        QString text;
        const auto row = [&text](const QString &key, const QString &value) {
            text += QStringLiteral("%1 %2\n").arg(key, -20).arg(value);
        };
        row(tr("Address"), status.address);
        row(tr("Initialized"), yesNo(health.initialized));
        row(tr("Sealed"), yesNo(health.sealed));
        row(tr("Standby"), yesNo(health.standby || health.performanceStandby));
        row(tr("Version"), health.version);
        if (!health.clusterName.isEmpty())
            row(tr("Cluster name"), health.clusterName);
        row(tr("Round trip"), tr("%1 ms").arg(status.roundTripMs));
        if (status.token) {
            row(tr("Token name"), status.token->displayName);
            row(tr("Token policies"), status.token->policies.join(QStringLiteral(", ")));
            row(tr("Token TTL"), status.token->ttlSeconds == 0 ? tr("never expires")
                                                               : tr("%1 s").arg(status.token->ttlSeconds));
        }
        if (nodes.size() > 1) {
            int reachable = 0;
            for (const bao::NodeStatus &node : nodes)
                reachable += node.reachable() ? 1 : 0;
            row(tr("Nodes"), tr("%1 of %2 reachable").arg(reachable).arg(nodes.size()));
            for (const bao::NodeStatus &node : nodes) {
                QString line = QStringLiteral("  %1 %2")
                                   .arg(node.address, -30)
                                   .arg(bao::NodeStatus::roleName(node.role), -12);
                line += node.reachable() ? tr("%1 ms").arg(node.roundTripMs)
                                         : (node.error ? node.error->message : QString());
                text += line + QLatin1Char('\n');
            }
        }
        Console::out(text.toUtf8());
    }
    // A root token can do everything, export keys included: a warning, not
    // an error, since a first set-up starts with one.
    if (status.token && status.token->isRoot())
        Console::errLine(
            tr("baokeys-cli: warning: this is a root token; give each role its least-privilege "
               "token ('baokeys-cli policy sign|provision|admin --prefix P' prints the policies)"));
    if (status.error)
        return cliError(CliError::fromBao(*status.error));
    return ExitCode::Success;
}

} // namespace baokeys::cli
