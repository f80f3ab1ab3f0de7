#include "cli/CliConfig.h"

#include "cli/CliText.h"
#include "cli/CommandLine.h"
#include "cli/InputReader.h"
#include "core/crypto/SecureBytes.h"
#include "core/keyring/KeyRecord.h"
#include "core/keyring/PrivateFolder.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSslCertificate>
#include <QStandardPaths>

namespace baokeys::cli {

namespace {

QCommandLineOption valueOption(const QString &name, const char *description, const QString &valueName,
                               const QString &defaultValue = {})
{
    QCommandLineOption option(name, tr(description), valueName);
    if (!defaultValue.isEmpty())
        option.setDefaultValue(defaultValue);
    return option;
}

} // namespace

QList<QCommandLineOption> CliConfig::globalOptions()
{
    return {
        valueOption(QStringLiteral("addr"),
                    "Server address, or a cluster's nodes comma-separated (else BAO_ADDR / VAULT_ADDR; "
                    "default https://127.0.0.1:8200).",
                    QStringLiteral("URL[,URL...]")),
        valueOption(QStringLiteral("token"),
                    "Token (else BAO_TOKEN / VAULT_TOKEN). Visible to 'ps': prefer --token-file.",
                    QStringLiteral("TOKEN")),
        valueOption(QStringLiteral("token-file"), "Read the token from FILE ('-': stdin).",
                    QStringLiteral("FILE")),
        valueOption(QStringLiteral("namespace"), "OpenBao namespace (else BAO_NAMESPACE).",
                    QStringLiteral("NS")),
        valueOption(QStringLiteral("mount"), "Mount path of the secp256k1 engine (default: secp256k1).",
                    QStringLiteral("PATH"), QStringLiteral("secp256k1")),
        valueOption(QStringLiteral("ca-cert"),
                    "PEM file of the CA that signed the server's certificate (else BAO_CACERT).",
                    QStringLiteral("FILE")),
        valueOption(QStringLiteral("hrp"), "Bech32 prefix of the addresses shown (default: celestia).",
                    QStringLiteral("HRP"), QStringLiteral("celestia")),
        valueOption(QStringLiteral("store"), "Local metadata file (default: <app data>/store.json).",
                    QStringLiteral("FILE")),
        valueOption(QStringLiteral("output"), "Output format: text (default) or json.",
                    QStringLiteral("FORMAT"), QStringLiteral("text")),
        valueOption(QStringLiteral("timeout"),
                    "Per-request timeout: 30s, 500ms, 2m (else BAO_CLIENT_TIMEOUT).",
                    QStringLiteral("DURATION")),
    };
}

CliResult<std::chrono::milliseconds> CliConfig::parseTimeout(const QString &text, const QString &source)
{
    // The same forms as BAO_CLIENT_TIMEOUT, bounded to something a person means.
    const auto timeout = bao::BaoSettings::parseDuration(text);
    if (!timeout || *timeout < std::chrono::milliseconds(1) || *timeout > std::chrono::hours(24))
        return cliError(CliError::usage(
            tr("%1: '%2' is not a duration (e.g. 30s, 500ms, 2m)").arg(source, printable(text))));
    return *timeout;
}

QString CliConfig::defaultStorePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/store.json");
}

CliResult<CliConfig> CliConfig::resolve(const Invocation &invocation, const QProcessEnvironment &environment)
{
    CliConfig config;
    config.settings = bao::BaoSettings::fromEnvironment(environment);
    if (invocation.isSet(QStringLiteral("addr")))
        config.settings.address = invocation.value(QStringLiteral("addr"));
    // A malformed address is the caller's mistake (exit 2), not an
    // unreachable server. Several, comma-separated, are the nodes of a cluster.
    for (const QString &address : config.settings.addresses()) {
        using AddressProblem = bao::BaoSettings::AddressProblem;
        const AddressProblem problem = bao::BaoSettings::addressProblem(address);
        // One with a password in it is refused without being repeated.
        if (problem == AddressProblem::HoldsUserInfo)
            return cliError(CliError::usage(
                tr("%1: the address holds a user name or password; give the token with --token-file instead")
                    .arg(invocation.isSet(QStringLiteral("addr")) ? QStringLiteral("--addr")
                                                                  : QStringLiteral("BAO_ADDR"))));
        if (problem == AddressProblem::NotHttpUrl)
            return cliError(CliError::usage(
                tr("%1: '%2' is not an http(s) address such as https://127.0.0.1:8200")
                    .arg(invocation.isSet(QStringLiteral("addr")) ? QStringLiteral("--addr")
                                                                  : QStringLiteral("BAO_ADDR"),
                         address)));
    }
    if (auto both = invocation.atMostOne({QStringLiteral("token"), QStringLiteral("token-file")}); !both)
        return cliError(both.error());
    if (invocation.isSet(QStringLiteral("token"))) {
        config.settings.token = invocation.value(QStringLiteral("token"));
    } else if (invocation.isSet(QStringLiteral("token-file"))) {
        auto token = InputReader::readSecret(QStringLiteral("--token-file"),
                                             invocation.value(QStringLiteral("token-file")),
                                             InputReader::Trim::Whitespace, tr("Token"));
        if (!token)
            return cliError(token.error());
        // BaoSettings keeps the token as a QString; this copy is the only plain one left.
        QByteArray bytes = token->view().toByteArray();
        config.settings.token = QString::fromUtf8(bytes);
        crypto::wipe(bytes);
    }
    config.tokenGiven = !config.settings.token.isEmpty();
    if (invocation.isSet(QStringLiteral("namespace")))
        config.settings.ns = invocation.value(QStringLiteral("namespace"));
    // Both go into headers, where a line break would start one of their own.
    if (bao::BaoSettings::hasControlCharacter(config.settings.token)) {
        const QString source = invocation.isSet(QStringLiteral("token")) ? QStringLiteral("--token")
                               : invocation.isSet(QStringLiteral("token-file"))
                                   ? QStringLiteral("--token-file")
                                   : QStringLiteral("BAO_TOKEN");
        return cliError(CliError::usage(
            tr("%1: the token holds a line break or another control character; a token is one line")
                .arg(source)));
    }
    if (bao::BaoSettings::hasControlCharacter(config.settings.ns))
        return cliError(CliError::usage(
            tr("%1: the namespace holds a line break or another control character")
                .arg(invocation.isSet(QStringLiteral("namespace")) ? QStringLiteral("--namespace")
                                                                   : QStringLiteral("BAO_NAMESPACE"))));
    config.settings.mount = bao::BaoSettings::mountPath(invocation.value(QStringLiteral("mount")));
    if (const QString problem = bao::BaoSettings::pathProblem(config.settings.mount); !problem.isEmpty())
        return cliError(
            CliError::usage(tr("--mount: '%1' is not a mount path: %2")
                                .arg(printable(invocation.value(QStringLiteral("mount"))), problem)));
    if (const QString ns = bao::BaoSettings::namespacePath(config.settings.ns); !ns.isEmpty()) {
        if (const QString problem = bao::BaoSettings::pathProblem(ns); !problem.isEmpty())
            return cliError(CliError::usage(tr("%1: '%2' is not a namespace: %3")
                                                .arg(invocation.isSet(QStringLiteral("namespace"))
                                                         ? QStringLiteral("--namespace")
                                                         : QStringLiteral("BAO_NAMESPACE"),
                                                     printable(config.settings.ns), problem)));
    }
    if (invocation.isSet(QStringLiteral("ca-cert")))
        config.settings.caCertFile = invocation.value(QStringLiteral("ca-cert"));
    if (const QString file = config.settings.caCertFile; !file.isEmpty()) {
        // An unusable CA file is the caller's mistake (exit 2), found before
        // any request, not an unreachable server.
        const QString source = invocation.isSet(QStringLiteral("ca-cert")) ? QStringLiteral("--ca-cert")
                                                                           : QStringLiteral("BAO_CACERT");
        if (!QFileInfo(file).isFile())
            return cliError(CliError::usage(tr("%1: no file '%2'").arg(source, file)));
        if (QSslCertificate::fromPath(file, QSsl::Pem).isEmpty())
            return cliError(CliError::usage(tr("%1: '%2' holds no PEM certificate").arg(source, file)));
    }
    if (invocation.isSet(QStringLiteral("timeout"))) {
        auto timeout = parseTimeout(invocation.value(QStringLiteral("timeout")));
        if (!timeout)
            return cliError(timeout.error());
        config.settings.timeout = *timeout;
    } else {
        // One the environment gives is read as strictly: a typo is not
        // silently the 30 s default.
        for (const QString &name :
             {QStringLiteral("BAO_CLIENT_TIMEOUT"), QStringLiteral("VAULT_CLIENT_TIMEOUT")}) {
            if (environment.value(name).isEmpty())
                continue; // unset, as BaoSettings reads it
            auto timeout = parseTimeout(environment.value(name), name);
            if (!timeout)
                return cliError(timeout.error());
            config.settings.timeout = *timeout;
            break;
        }
    }

    config.hrp = invocation.value(QStringLiteral("hrp"));
    keyring::KeyRecord probe;
    probe.address = QByteArray(20, '\0');
    if (probe.bech32(config.hrp).isEmpty())
        return cliError(CliError::usage(
            tr("--hrp: '%1' is not a valid bech32 prefix (e.g. celestia, cosmos)").arg(config.hrp)));

    const QString output = invocation.value(QStringLiteral("output"));
    if (output == QLatin1String("json"))
        config.output = OutputFormat::Json;
    else if (output == QLatin1String("text"))
        config.output = OutputFormat::Text;
    else
        return cliError(CliError::usage(tr("--output: '%1' is not text or json").arg(output)));

    if (invocation.isSet(QStringLiteral("store"))) {
        config.storePath = invocation.value(QStringLiteral("store"));
        if (config.storePath.isEmpty())
            return cliError(CliError::usage(tr("--store needs a file name")));
    } else {
        config.storePath = defaultStorePath();
        const QString folder = QFileInfo(config.storePath).absolutePath();
        if (!QFileInfo::exists(folder)) {
            // The folder holds which keys exist and where: owner only, as
            // are the parents made for it, whatever the umask.
            if (!keyring::PrivateFolder::createMissing(folder))
                return cliError(CliError::failure(
                    tr("cannot create the store folder '%1'; pass --store FILE").arg(folder)));
        }
    }
    return config;
}

} // namespace baokeys::cli
