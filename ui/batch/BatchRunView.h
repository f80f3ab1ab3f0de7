#pragma once

#include "core/keyring/BatchProgress.h"
#include "ui/batch/BatchTracker.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QList>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QProgressBar;
class QSortFilterProxyModel;
class QTableView;

namespace baokeys::ui {

class BatchItemModel;

// What a batch page shows of its runs, and the machinery behind it, shared
// by provisioning and batch signing: the progress bar, the summary line and
// the table of rows (one per item), and for each running batch its tracker
// (live rows) and future watcher (results read as items finish, never one
// queued event per result). A page starts a batch in the keyring and hands
// the job to track(); several jobs may run at once (a retry of several
// ranges), and finished() says when the last one is done.
//
// Cancel stops new requests; requests already in flight are shown as
// "cancelling…" until their answer arrives, and that answer is kept.
//
// Runs are QObject children of this view: whatever ends first, the view or
// the batch, nothing is freed twice or touched after it is gone.
//
// Thread-safety: GUI thread only.
class BatchRunView : public QWidget {
    Q_OBJECT
public:
    // What the progress bar counts: items finished in any way (signing), or
    // items that succeeded (provisioning: the bar says what the server has).
    enum class BarCounts { Finished, Succeeded };

    // `name` prefixes the children's object names: <name>Progress,
    // <name>Summary, <name>Table.
    BatchRunView(const QString &name, BatchItemModel *model, QWidget *parent = nullptr);
    ~BatchRunView() override;

    BatchItemModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    // The table sorts on a header click (names in natural order: 1, 2, 10);
    // this maps one of its indexes to the model's row.
    int modelRow(const QModelIndex &tableIndex) const;
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *summaryLabel() const { return m_summary; }

    void setBarCounts(BarCounts counts, const QString &format);
    // The summary line while a batch runs, from the rows' counts.
    void setLiveText(std::function<QString(const keyring::BatchCounts &)> text);
    void setSummary(const QString &text);

    // A new batch from the operator (not a retry's second range): restarts
    // the clock and forgets the first error.
    void begin();
    // Follows `job`: its item i is the model's row rows[i] (empty: row i).
    // `apply` stores an item's result in the model (an address, a signature).
    template <typename Result>
    void track(keyring::BatchJob<Result> job, QList<int> rows,
               std::function<void(const Result &result, int row)> apply);

    bool isRunning() const { return !m_runs.isEmpty(); }
    bool isCancelling() const { return m_cancelling; }
    void cancel();
    // Cancels and waits for every run without reporting anything (a session
    // change, the page closing).
    void abandon();

    qint64 elapsedMs() const { return m_clock.isValid() ? m_clock.elapsed() : 0; }
    // The first error of an item that did not succeed, a cancel aside.
    const std::optional<bao::BaoError> &firstError() const { return m_firstError; }
    void clearFirstError() { m_firstError.reset(); }
    void updateProgress();

signals:
    void progressed();
    // One job ended; a batch-wide problem (nothing created, or created but
    // not stored) comes with it.
    void runFinished(const std::optional<bao::BaoError> &preflight,
                     const std::optional<bao::BaoError> &persist);
    void finished(); // the last running job ended

private:
    void fitIndexColumn();
    // One tracked job. Its tracker and watcher are its QObject children.
    class Run : public QObject {
    public:
        using QObject::QObject;
        BatchTracker *tracker = nullptr;
        QFutureWatcherBase *watcher = nullptr;
        QList<int> rows;    // batch index -> model row
        QList<int> pending; // finished items whose result was not read yet
        std::function<bool(int)> ready;
        std::function<void(int)> read; // reads and applies item i's result
    };

    Run *addRun(std::shared_ptr<keyring::BatchProgress> progress, QList<int> rows);
    void watch(Run *run);
    void readResults(Run *run, bool all);
    void onRunFinished(Run *run);
    void noteError(const std::optional<bao::BaoError> &error);

    // The page owns the model and may delete it before this view (its
    // children go in order): the teardown must not reach a model gone.
    QPointer<BatchItemModel> m_model;
    QProgressBar *m_progress = nullptr;
    QLabel *m_summary = nullptr;
    QTableView *m_table = nullptr;
    QSortFilterProxyModel *m_sorted = nullptr;
    QList<Run *> m_runs; // children of this view, deleted (later) as they end
    QElapsedTimer m_clock;
    std::optional<bao::BaoError> m_firstError;
    std::function<QString(const keyring::BatchCounts &)> m_liveText;
    BarCounts m_barCounts = BarCounts::Finished;
    bool m_cancelling = false;
};

template <typename Result>
void BatchRunView::track(keyring::BatchJob<Result> job, QList<int> rows,
                         std::function<void(const Result &result, int row)> apply)
{
    Run *run = addRun(job.progress, std::move(rows));
    auto *watcher = new QFutureWatcher<Result>(run);
    run->watcher = watcher;
    run->ready = [watcher](int i) { return watcher->future().isResultReadyAt(i); };
    run->read = [this, run, watcher, apply = std::move(apply)](int i) {
        const Result result = watcher->future().resultAt(i);
        const int row = run->rows.isEmpty() ? result.index : run->rows.value(result.index, -1);
        if (result.error)
            noteError(result.error);
        else
            apply(result, row);
    };
    watch(run);
    watcher->setFuture(job.future);
}

} // namespace baokeys::ui
