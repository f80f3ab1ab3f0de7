#pragma once

#include <QByteArrayView>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace baokeys::cli {

// The process's stdin / stdout / stderr as the commands need them: plain
// writes (no locale or buffering surprises), JSON documents and lines,
// terminal detection and a yes/no question.
//
// Thread-safety: not thread-safe; used from the main thread only.
class Console {
public:
    static bool stdinIsTerminal();
    static bool stdoutIsTerminal();
    static bool stderrIsTerminal();

    static void out(QByteArrayView bytes);
    static void outLine(const QString &line);
    static void err(QByteArrayView bytes);
    static void errLine(const QString &line);

    // Indented document (one command, one answer).
    static void outJson(const QJsonObject &object);
    static void outJson(const QJsonArray &array);
    // One compact object on one line (batch results), flushed at once.
    static void outJsonLine(const QJsonObject &object);
    // The compact JSON text of `object` and a newline, as outJsonLine() writes it.
    static QByteArray jsonLine(const QJsonObject &object);

    // Asks `question [y/N]` on stderr and reads a line from stdin.
    // Only call it when stdinIsTerminal().
    static bool confirm(const QString &question);
};

} // namespace baokeys::cli
