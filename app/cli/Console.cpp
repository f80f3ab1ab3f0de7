#include "cli/Console.h"

#include <QJsonDocument>
#include <cstdio>
#include <unistd.h>

namespace baokeys::cli {

bool Console::stdinIsTerminal()
{
    return ::isatty(STDIN_FILENO) == 1;
}

bool Console::stdoutIsTerminal()
{
    return ::isatty(STDOUT_FILENO) == 1;
}

bool Console::stderrIsTerminal()
{
    return ::isatty(STDERR_FILENO) == 1;
}

void Console::out(QByteArrayView bytes)
{
    std::fwrite(bytes.data(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void Console::outLine(const QString &line)
{
    out(line.toUtf8() + '\n');
}

void Console::err(QByteArrayView bytes)
{
    std::fwrite(bytes.data(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

void Console::errLine(const QString &line)
{
    err(line.toUtf8() + '\n');
}

void Console::outJson(const QJsonObject &object)
{
    out(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

void Console::outJson(const QJsonArray &array)
{
    out(QJsonDocument(array).toJson(QJsonDocument::Indented));
}

QByteArray Console::jsonLine(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

void Console::outJsonLine(const QJsonObject &object)
{
    out(jsonLine(object));
}

bool Console::confirm(const QString &question)
{
    err((question + QStringLiteral(" [y/N] ")).toUtf8());
    char buffer[64] = {};
    if (!std::fgets(buffer, sizeof buffer, stdin))
        return false;
    const QByteArray answer = QByteArray(buffer).trimmed().toLower();
    return answer == "y" || answer == "yes";
}

} // namespace baokeys::cli
