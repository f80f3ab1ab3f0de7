#pragma once

#include "cli/CliError.h"
#include "core/bao/BaoSettings.h"

#include <QCommandLineOption>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <chrono>

namespace baokeys::cli {

class Invocation;

enum class OutputFormat { Text, Json };

// The global options, resolved: where the server is and how to reach it,
// the local store file, the address prefix and the output format.
// A plain value.
struct CliConfig {
    bao::BaoSettings settings;
    QString storePath;
    QString hrp = QStringLiteral("celestia");
    OutputFormat output = OutputFormat::Text;
    bool tokenGiven = false;

    // The global options every command accepts (names are part of the interface).
    static QList<QCommandLineOption> globalOptions();
    // Command line first, then BAO_* / VAULT_* variables, then defaults.
    // Creates the default store folder (0700) when --store is not given.
    static CliResult<CliConfig> resolve(const Invocation &invocation, const QProcessEnvironment &environment);
    // The default --store: <AppDataLocation>/store.json.
    static QString defaultStorePath();
    // "30" (seconds), "30s", "500ms", "2m", "1h".
    // `source` names where the text came from in the message (--timeout, BAO_CLIENT_TIMEOUT).
    static CliResult<std::chrono::milliseconds>
    parseTimeout(const QString &text, const QString &source = QStringLiteral("--timeout"));
};

} // namespace baokeys::cli
