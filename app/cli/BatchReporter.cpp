#include "cli/BatchReporter.h"

#include "cli/CliText.h"
#include "cli/Console.h"
#include "core/keyring/BatchProgress.h"

#include <QCoreApplication>

namespace baokeys::cli {

namespace {

constexpr int ProgressIntervalMs = 100;

} // namespace

BatchReporter::BatchReporter(keyring::BatchProgress &progress, OutputFormat format, QString verb)
    : m_progress(progress), m_format(format), m_verb(std::move(verb))
{
    const int total = progress.total();
    m_times.resize(total);
    if (m_format == OutputFormat::Text)
        m_textLines.resize(total);
}

void BatchReporter::startProgressLine()
{
    if (m_format != OutputFormat::Text || !Console::stderrIsTerminal())
        return;
    m_progressShown = true;
    m_progressTimer.setInterval(ProgressIntervalMs);
    QObject::connect(&m_progressTimer, &QTimer::timeout, [this] { drawProgress(); });
    m_progressTimer.start();
    drawProgress();
}

void BatchReporter::drawProgress()
{
    const keyring::BatchCounts counts = m_progress.counts();
    const QString line = tr("%1: %2/%3 done, %4 failed, %5 in flight, %6 s")
                             .arg(m_verb)
                             .arg(counts.done())
                             .arg(counts.total)
                             .arg(counts.failed + counts.cancelled)
                             .arg(counts.running)
                             .arg(double(m_progress.elapsedNs()) / 1e9, 0, 'f', 1);
    // \r and clear-to-end-of-line: the line is redrawn in place.
    Console::err((QStringLiteral("\r") + line + QStringLiteral("\x1b[K")).toUtf8());
}

QList<int> BatchReporter::takeFinished()
{
    QList<int> finished;
    for (const keyring::BatchItemEvent &event : m_progress.takeEvents()) {
        if (event.index < 0 || event.index >= m_times.size())
            continue;
        ItemTimes &times = m_times[event.index];
        switch (event.state) {
        case keyring::BatchItemState::Started:
            times.startedNs = event.nsSinceStart;
            break;
        case keyring::BatchItemState::Answered:
            times.answeredNs = event.nsSinceStart;
            break;
        case keyring::BatchItemState::Succeeded:
        case keyring::BatchItemState::Failed:
        case keyring::BatchItemState::Cancelled:
            times.finishedNs = event.nsSinceStart;
            finished << event.index;
            break;
        case keyring::BatchItemState::Queued:
            break;
        }
    }
    return finished;
}

void BatchReporter::emitLine(const QJsonObject &line)
{
    if (m_streaming)
        m_unwritten += Console::jsonLine(line);
    else
        m_held << line;
}

void BatchReporter::itemDone(int index, const QString &key, const QJsonObject &fields, const QString &text,
                             const std::optional<bao::BaoError> &error)
{
    if (index < 0 || index >= m_times.size())
        return;
    ItemTimes &times = m_times[index];
    if (times.finishedNs < 0)
        times.finishedNs = m_progress.elapsedNs();
    // Latency figures are of requests: an item that never sent one (an
    // unknown key, cancelled before it started) would pull p50 to 0 ms.
    // A request ends with its answer, not after its local check: the
    // answers of a fast signer can wait for their checks longer than the
    // requests took.
    const bool sentARequest = times.startedNs >= 0;
    if (!sentARequest)
        times.startedNs = times.finishedNs;
    const qint64 requestEndNs = times.answeredNs >= 0 ? times.answeredNs : times.finishedNs;
    if (sentARequest)
        m_stats.add(requestEndNs - times.startedNs);
    m_lastFinishedNs = std::max(m_lastFinishedNs, times.finishedNs);
    ++m_done;
    if (error) {
        ++m_failed;
        if (!m_firstError)
            m_firstError = std::make_pair(key, *error);
        if (!m_firstSecurityFault && exitCodeFor(error->kind) == ExitCode::SecurityFault)
            m_firstSecurityFault = std::make_pair(key, *error);
        if (error->kind == bao::BaoErrorKind::OutcomeUnknown)
            ++m_unknown;
    }

    if (m_format == OutputFormat::Text) {
        m_textLines[index] =
            error ? QStringLiteral("%1  error: %2").arg(key, error->describe().simplified()) : text;
        return;
    }
    QJsonObject line{{QStringLiteral("type"), QStringLiteral("result")}, {QStringLiteral("index"), index}};
    line.insert(QStringLiteral("key"), key);
    for (auto it = fields.begin(); it != fields.end(); ++it)
        line.insert(it.key(), it.value());
    line.insert(QStringLiteral("started_ms"), nsToMs(times.startedNs));
    line.insert(QStringLiteral("finished_ms"), nsToMs(requestEndNs));
    line.insert(QStringLiteral("error"), error ? QJsonValue(error->describe().simplified()) : QJsonValue());
    line.insert(QStringLiteral("error_kind"),
                error ? QJsonValue(bao::BaoError::kindName(error->kind)) : QJsonValue());
    if (!error && !m_streaming) {
        m_streaming = true;
        for (const QJsonObject &held : std::as_const(m_held))
            m_unwritten += Console::jsonLine(held);
        m_held.clear();
    }
    emitLine(line);
}

void BatchReporter::flushLines()
{
    if (m_unwritten.isEmpty())
        return;
    Console::out(m_unwritten);
    m_unwritten.clear();
}

CliResult<ExitCode> BatchReporter::finish(const std::optional<bao::BaoError> &preflightError,
                                          const std::optional<bao::BaoError> &persistError)
{
    flushLines();
    if (m_progressShown) {
        m_progressTimer.stop();
        drawProgress();
        Console::err("\n");
    }
    const int total = int(m_times.size());
    if (preflightError)
        return cliError(CliError::fromBao(*preflightError));
    if (total > 0 && m_failed == total && m_firstError) {
        const auto &[key, cause] = m_firstSecurityFault ? *m_firstSecurityFault : *m_firstError;
        CliError error = CliError::fromBao(cause);
        error.message = tr("all %1 items failed; '%2': %3").arg(total).arg(key, error.message);
        return cliError(error);
    }

    const double wallMs = nsToMs(m_lastFinishedNs);
    if (m_format == OutputFormat::Json) {
        Console::outJsonLine(QJsonObject{
            {QStringLiteral("type"), QStringLiteral("summary")},
            {QStringLiteral("count"), total},
            {QStringLiteral("failed"), m_failed},
            {QStringLiteral("wall_ms"), wallMs},
            {QStringLiteral("sum_ms"), m_stats.sumMs()},
            {QStringLiteral("p50_ms"), m_stats.percentileMs(50)},
            {QStringLiteral("p99_ms"), m_stats.percentileMs(99)},
        });
    } else {
        QByteArray text;
        for (const QString &line : std::as_const(m_textLines))
            text += line.toUtf8() + '\n';
        text += tr("%1 %2 of %3 in %4 ms wall (sum %5 ms, p50 %6 ms, p99 %7 ms)\n")
                    .arg(m_verb)
                    .arg(total - m_failed)
                    .arg(total)
                    .arg(wallMs, 0, 'f', 1)
                    .arg(m_stats.sumMs(), 0, 'f', 1)
                    .arg(m_stats.percentileMs(50), 0, 'f', 1)
                    .arg(m_stats.percentileMs(99), 0, 'f', 1)
                    .toUtf8();
        Console::out(text);
    }
    if (persistError) {
        CliError error = CliError::fromBao(*persistError);
        error.message =
            tr("the keys were created but the store could not be written; 'keys sync' adopts them: %1")
                .arg(error.message);
        return cliError(error);
    }
    // An answer that cannot be trusted outranks every other outcome, even
    // among successes: scripts must see exit 6, not "partly done".
    if (m_firstSecurityFault) {
        CliError error = CliError::fromBao(m_firstSecurityFault->second);
        error.message = tr("%1 of %2 items failed, '%3' with a security fault: %4")
                            .arg(m_failed)
                            .arg(total)
                            .arg(m_firstSecurityFault->first, error.message);
        return cliError(error);
    }
    if (m_unknown > 0)
        Console::errLine(
            tr("baokeys-cli: %1 item(s) sent without an answer (outcome unknown); their names stay in "
               "the journal: run the same command again (with --resume for batch create), or "
               "'keys sync', to settle them")
                .arg(m_unknown));
    if (m_failed > 0) {
        Console::errLine(tr("baokeys-cli: %1 of %2 items failed; the first, '%3': %4")
                             .arg(m_failed)
                             .arg(total)
                             .arg(m_firstError->first, m_firstError->second.describe().simplified()));
        return ExitCode::PartialBatch;
    }
    return ExitCode::Success;
}

} // namespace baokeys::cli
