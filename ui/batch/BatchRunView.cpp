#include "ui/batch/BatchRunView.h"

#include "ui/batch/BatchItemModel.h"
#include "ui/common/NaturalOrder.h"

#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace baokeys::ui {

namespace {
// Names in natural order, numbers (row, latency) as numbers. Rows do not
// move while a batch updates them (no dynamic re-sort): only a header click
// sorts, so a live 1000-row batch costs no sorting per tick.
class BatchSortProxy : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        switch (left.column()) {
        case BatchItemModel::IndexColumn:
            return left.row() < right.row();
        case BatchItemModel::LatencyColumn:
            return left.data(BatchItemModel::LatencyMsRole).toDouble() <
                   right.data(BatchItemModel::LatencyMsRole).toDouble();
        default:
            return NaturalOrder::compare(left.data().toString(), right.data().toString()) < 0;
        }
    }
};
} // namespace

BatchRunView::BatchRunView(const QString &name, BatchItemModel *model, QWidget *parent)
    : QWidget(parent), m_model(model)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(name + QStringLiteral("Progress"));
    m_progress->setFormat(tr("%v of %m"));
    layout->addWidget(m_progress);
    m_summary = new QLabel(this);
    // Live text must not re-layout the page (and repaint the charts) each tick.
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    m_summary->setObjectName(name + QStringLiteral("Summary"));
    layout->addWidget(m_summary);
    m_table = new QTableView(this);
    m_table->setObjectName(name + QStringLiteral("Table"));
    m_sorted = new BatchSortProxy(this);
    m_sorted->setDynamicSortFilter(false);
    m_sorted->setSourceModel(m_model);
    m_table->setModel(m_sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(BatchItemModel::IndexColumn, Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // The index column fits the largest index, set once per batch: with
    // ResizeToContents the header would measure up to a thousand rows on
    // every coalesced update of a 10,000-row batch, on the GUI thread.
    connect(m_model, &QAbstractItemModel::modelReset, this, &BatchRunView::fitIndexColumn);
    fitIndexColumn();
    m_table->setColumnWidth(BatchItemModel::NameColumn, 160);
    layout->addWidget(m_table, 1);
}

void BatchRunView::fitIndexColumn()
{
    const QString widest = QString(QString::number(qMax(1, m_model->rowCount())).size(), QLatin1Char('8'));
    const int text = m_table->fontMetrics().horizontalAdvance(widest);
    const int header = m_table->horizontalHeader()->sectionSizeHint(BatchItemModel::IndexColumn);
    // The cell's own margins, as the default delegate pads its text.
    const int margins =
        2 * (m_table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_table) + 1);
    m_table->setColumnWidth(BatchItemModel::IndexColumn, qMax(text + margins + 4, header));
}

BatchRunView::~BatchRunView()
{
    abandon();
}

int BatchRunView::modelRow(const QModelIndex &tableIndex) const
{
    return m_sorted->mapToSource(tableIndex).row();
}

void BatchRunView::setBarCounts(BarCounts counts, const QString &format)
{
    m_barCounts = counts;
    m_progress->setFormat(format);
}

void BatchRunView::setLiveText(std::function<QString(const keyring::BatchCounts &)> text)
{
    m_liveText = std::move(text);
}

void BatchRunView::setSummary(const QString &text)
{
    m_summary->setText(text);
}

void BatchRunView::begin()
{
    m_firstError.reset();
    m_clock.start();
}

BatchRunView::Run *BatchRunView::addRun(std::shared_ptr<keyring::BatchProgress> progress, QList<int> rows)
{
    if (m_runs.isEmpty()) {
        m_cancelling = false;
        m_model->setCancelling(false);
    }
    auto *run = new Run(this); // a child: freed with the view at the latest
    run->rows = std::move(rows);
    run->tracker = new BatchTracker(std::move(progress), m_model, run->rows, run);
    return run;
}

void BatchRunView::watch(Run *run)
{
    connect(run->tracker, &BatchTracker::updated, this, &BatchRunView::updateProgress);
    // The tracker's tick says which items finished (no event per result).
    connect(run->tracker, &BatchTracker::itemsFinished, this, [this, run](const QList<int> &indices) {
        run->pending += indices;
        readResults(run, false);
    });
    connect(run->watcher, &QFutureWatcherBase::finished, this, [this, run] { onRunFinished(run); });
    m_runs << run;
    updateProgress();
}

void BatchRunView::noteError(const std::optional<bao::BaoError> &error)
{
    if (error && !m_firstError && error->kind != bao::BaoErrorKind::Cancelled)
        m_firstError = error;
}

void BatchRunView::readResults(Run *run, bool all)
{
    QList<int> notYet;
    for (int i : std::as_const(run->pending)) {
        if (!all && !run->ready(i)) {
            notYet << i;
            continue;
        }
        run->read(i);
    }
    run->pending = notYet;
    m_model->flush();
}

void BatchRunView::onRunFinished(Run *run)
{
    run->tracker->drain();
    readResults(run, true);
    const auto preflight = run->tracker->progress().preflightError();
    const auto persist = run->tracker->progress().persistError();
    m_runs.removeOne(run);
    run->disconnect(this);
    run->tracker->disconnect(this);
    run->watcher->disconnect(this);
    run->deleteLater(); // we are inside its watcher's signal
    if (m_runs.isEmpty()) {
        m_cancelling = false;
        m_model->setCancelling(false);
    }
    m_model->flush();
    updateProgress();
    emit runFinished(preflight, persist);
    if (m_runs.isEmpty())
        emit finished();
}

void BatchRunView::cancel()
{
    if (m_runs.isEmpty())
        return;
    m_cancelling = true;
    // Cancel stops new requests; those in flight still get their answer,
    // which is kept: their rows say "cancelling…" until it comes.
    m_model->setCancelling(true);
    for (Run *run : std::as_const(m_runs))
        run->tracker->cancel();
    updateProgress();
}

void BatchRunView::abandon()
{
    const QList<Run *> runs = std::exchange(m_runs, {});
    for (Run *run : runs) {
        run->tracker->cancel();
        run->watcher->disconnect(this);
        run->tracker->disconnect(this);
        run->watcher->waitForFinished();
        run->deleteLater();
    }
    m_cancelling = false;
    if (m_model)
        m_model->setCancelling(false);
}

void BatchRunView::updateProgress()
{
    const auto counts = m_model->counts();
    m_progress->setMaximum(qMax(1, counts.total));
    m_progress->setValue(m_barCounts == BarCounts::Succeeded ? counts.succeeded : counts.done());
    if (isRunning() && m_cancelling)
        m_summary->setText(tr("Cancelling: waiting for %n request(s) in flight; their results are kept.",
                              nullptr, counts.running));
    else if (isRunning() && m_liveText)
        m_summary->setText(m_liveText(counts));
    emit progressed();
}

} // namespace baokeys::ui
