#pragma once

#include "cli/CliConfig.h"
#include "cli/CliError.h"
#include "cli/LatencyStats.h"
#include "core/bao/BaoError.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTimer>
#include <optional>

namespace baokeys::keyring {
class BatchProgress;
}

namespace baokeys::cli {

// Prints one batch as its items finish.
//
// JSON: one compact object per line per item ({"type":"result","index",
// "key", ..., "started_ms","finished_ms","error"}) in the order the items
// finish, then {"type":"summary","count","failed","wall_ms","sum_ms",
// "p50_ms","p99_ms"}. Lines are held back until the first item succeeds, so
// a batch where nothing worked (server down, sealed, bad token) leaves
// stdout empty and ends with one error line on stderr.
// Text: a progress line redrawn with \r on stderr while it runs (only when
// stderr is a terminal), then one line per item in request order and the
// summary.
// Times come from the batch's own events (steady clock since the batch
// started), so they measure the requests, not this printing: an item's
// finished_ms is its request's end (its answer), before its local check.
//
// Thread-safety: not thread-safe; lives on the main thread, where the
// batch's future and progress signals are delivered.
class BatchReporter {
public:
    BatchReporter(keyring::BatchProgress &progress, OutputFormat format, QString verb);

    // Shows the live progress line when stderr is a terminal (text output).
    void startProgressLine();
    // Records the batch's new events; the indexes of the items they finished,
    // whose results are then in the batch's future.
    QList<int> takeFinished();
    // Writes the item lines reported since the last call, in one write: the
    // caller flushes once per group of items, not once per item.
    void flushLines();
    // One item's result. `fields` are the item's own JSON fields (key,
    // signature / address ...); `text` its line for text output.
    void itemDone(int index, const QString &key, const QJsonObject &fields, const QString &text,
                  const std::optional<bao::BaoError> &error);
    // Prints what is left and the summary; the exit code: 0 all succeeded,
    // 3 partial failure, or the error of a batch where nothing succeeded.
    // `persistError`: created keys could not be written to the store.
    CliResult<ExitCode> finish(const std::optional<bao::BaoError> &preflightError,
                               const std::optional<bao::BaoError> &persistError);

private:
    struct ItemTimes {
        qint64 startedNs = -1;
        qint64 answeredNs = -1; // its request's end; the item's check follows
        qint64 finishedNs = -1;
    };
    void drawProgress();
    void emitLine(const QJsonObject &line);

    keyring::BatchProgress &m_progress;
    const OutputFormat m_format;
    const QString m_verb;
    QList<ItemTimes> m_times;
    QList<QString> m_textLines; // text output, by request index
    QList<QJsonObject> m_held;  // JSON lines before the first success
    QByteArray m_unwritten;     // JSON lines for the next flushLines()
    bool m_streaming = false;   // a success was seen: JSON lines go out at once
    int m_done = 0;
    int m_failed = 0;
    std::optional<std::pair<QString, bao::BaoError>> m_firstError;
    std::optional<std::pair<QString, bao::BaoError>> m_firstSecurityFault; // outranks the others
    int m_unknown = 0;                                                     // items whose outcome is unknown
    LatencyStats m_stats;
    qint64 m_lastFinishedNs = 0;
    QTimer m_progressTimer;
    bool m_progressShown = false;
};

} // namespace baokeys::cli
