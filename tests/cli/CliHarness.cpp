#include "CliHarness.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

CliHarness::CliHarness(baokeys::signer::SignerOptions options)
{
    m_storePath = m_dir.filePath(QStringLiteral("store.json"));
    if (options.rootToken.isEmpty())
        options.rootToken = QStringLiteral("cli-test-root-token");
    options.port = 0;
    m_server = std::make_unique<baokeys::signer::SignerServer>(options);
    auto started = m_server->start();
    if (!started)
        m_startError = started.error().message;
}

CliHarness::~CliHarness() = default;

QString CliHarness::token() const
{
    return m_server->rootToken();
}

QString CliHarness::binary()
{
    return QStringLiteral(BAOKEYS_BIN_DIR "/baokeys-cli");
}

QProcessEnvironment CliHarness::environment() const
{
    QProcessEnvironment env;
    const QProcessEnvironment system = QProcessEnvironment::systemEnvironment();
    // Sanitizer settings reach the child too: a sanitizer build checks the CLI as well.
    for (const QString &name : {QStringLiteral("PATH"), QStringLiteral("LANG"), QStringLiteral("LC_ALL"),
                                QStringLiteral("ASAN_OPTIONS"), QStringLiteral("LSAN_OPTIONS"),
                                QStringLiteral("UBSAN_OPTIONS"), QStringLiteral("TSAN_OPTIONS")}) {
        if (system.contains(name))
            env.insert(name, system.value(name));
    }
    // A private HOME / XDG folder: the default store never lands in the real one.
    env.insert(QStringLiteral("HOME"), m_dir.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("xdg-data")));
    env.insert(QStringLiteral("BAO_ADDR"), m_server->address());
    env.insert(QStringLiteral("BAO_TOKEN"), m_server->rootToken());
    return env;
}

CliRun CliHarness::run(const QStringList &arguments, const QByteArray &stdinData,
                       const ChildSetup &inChild) const
{
    return runRaw(QStringList{QStringLiteral("--store"), m_storePath} + arguments, environment(), stdinData,
                  inChild);
}

CliRun CliHarness::runRaw(const QStringList &arguments, const QProcessEnvironment &environment,
                          const QByteArray &stdinData, const ChildSetup &inChild)
{
    CliRun result;
    QProcess process;
    process.setProcessEnvironment(environment);
    if (inChild)
        process.setChildProcessModifier(inChild);
    QElapsedTimer clock;
    clock.start();
    process.start(binary(), arguments);
    if (!process.waitForStarted(10'000)) {
        result.crashed = true;
        result.err = process.errorString().toUtf8();
        return result;
    }
    if (!stdinData.isEmpty())
        process.write(stdinData);
    process.closeWriteChannel();
    if (!process.waitForFinished(60'000)) {
        process.kill();
        process.waitForFinished();
        result.crashed = true;
    }
    result.wallMs = clock.elapsed();
    result.crashed = result.crashed || process.exitStatus() != QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QString CliHarness::writeFile(const QString &name, const QByteArray &content) const
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(content);
    return path;
}

QJsonObject CliRun::json() const
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(out, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        qWarning("stdout is not one JSON object: %s", qPrintable(describe()));
        return {};
    }
    return document.object();
}

QJsonArray CliRun::jsonArray() const
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(out, &error);
    if (error.error != QJsonParseError::NoError || !document.isArray()) {
        qWarning("stdout is not one JSON array: %s", qPrintable(describe()));
        return {};
    }
    return document.array();
}

QList<QJsonObject> CliRun::jsonLines() const
{
    QList<QJsonObject> lines;
    for (const QByteArray &line : out.split('\n')) {
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            qWarning("not a JSON object line: %s", line.constData());
            return {};
        }
        lines << document.object();
    }
    return lines;
}

QString CliRun::describe() const
{
    return QStringLiteral("exit %1%2\n--- stdout:\n%3\n--- stderr:\n%4")
        .arg(exitCode)
        .arg(crashed ? QStringLiteral(" (crashed or timed out)") : QString())
        .arg(QString::fromUtf8(out.left(4000)), QString::fromUtf8(err.left(4000)));
}
