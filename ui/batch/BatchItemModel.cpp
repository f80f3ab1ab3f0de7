#include "ui/batch/BatchItemModel.h"

#include "ui/common/ErrorReporter.h"

#include <QFont>
#include <QLocale>

namespace baokeys::ui {

using keyring::BatchItemState;

BatchItemModel::BatchItemModel(QObject *parent)
    : QAbstractTableModel(parent), m_runningLabel(tr("running")), m_resultTitle(tr("Result"))
{}

void BatchItemModel::setLabels(const QString &runningLabel, const QString &resultTitle)
{
    m_runningLabel = runningLabel;
    m_resultTitle = resultTitle;
    emit headerDataChanged(Qt::Horizontal, ResultColumn, ResultColumn);
}

void BatchItemModel::reset(const QStringList &uids)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(uids.size());
    for (const QString &uid : uids) {
        Row row;
        row.uid = uid;
        m_rows << row;
    }
    m_dirtyFirst = m_dirtyLast = -1;
    endResetModel();
}

void BatchItemModel::requeue(const QList<int> &rows)
{
    for (int index : rows) {
        if (index < 0 || index >= m_rows.size())
            continue;
        Row &row = m_rows[index];
        const QString uid = row.uid;
        row = Row{};
        row.uid = uid;
        markDirty(index);
    }
    flush();
}

void BatchItemModel::markDirty(int row)
{
    m_dirtyFirst = m_dirtyFirst < 0 ? row : qMin(m_dirtyFirst, row);
    m_dirtyLast = qMax(m_dirtyLast, row);
}

void BatchItemModel::applyEvents(const QList<keyring::BatchItemEvent> &events, const QList<int> &rowOf)
{
    for (const auto &event : events) {
        const int index = rowOf.isEmpty() ? event.index : rowOf.value(event.index, -1);
        if (index < 0 || index >= m_rows.size())
            continue;
        Row &row = m_rows[index];
        row.state = event.state;
        switch (event.state) {
        case BatchItemState::Queued:
            break;
        case BatchItemState::Started:
            row.startNs = event.nsSinceStart;
            break;
        case BatchItemState::Answered:
            row.endNs = event.nsSinceStart; // the request's end; its check follows
            break;
        case BatchItemState::Succeeded:
        case BatchItemState::Failed:
        case BatchItemState::Cancelled:
            if (row.startNs >= 0 && row.endNs < 0)
                row.endNs = event.nsSinceStart;
            if (event.error) {
                row.errorDetail = event.error;
                row.error = errorText(*event.error);
            }
            break;
        }
        markDirty(index);
    }
}

QString BatchItemModel::errorText(const bao::BaoError &error)
{
    using bao::BaoErrorKind;
    const QString plain = ErrorReporter::explain(error);
    // Where the plain explanation already says it all ("The key was not
    // found on the server."), the raw message would only repeat it ("key not
    // found"); it stays in the tooltip's detail. Where the explanation is
    // generic, the message is the reason and follows it.
    switch (error.kind) {
    case BaoErrorKind::BadRequest:
    case BaoErrorKind::ServerError:
    case BaoErrorKind::Transport:
    case BaoErrorKind::MalformedAnswer:
    case BaoErrorKind::SecurityFault:
    case BaoErrorKind::InvalidName:
    case BaoErrorKind::InvalidInput:
    case BaoErrorKind::StoreIo:
    case BaoErrorKind::Unsupported:
        if (!error.message.isEmpty())
            return tr("%1 (%2)").arg(plain, error.message);
        break;
    default:
        break;
    }
    return plain;
}

void BatchItemModel::setResult(int index, const QString &result, const QString &extra)
{
    if (index < 0 || index >= m_rows.size())
        return;
    m_rows[index].result = result;
    m_rows[index].extra = extra;
    markDirty(index);
}

void BatchItemModel::markDone(int index, const QString &result, const QString &extra)
{
    if (index < 0 || index >= m_rows.size())
        return;
    Row &row = m_rows[index];
    const QString uid = row.uid;
    row = Row{};
    row.uid = uid;
    row.state = BatchItemState::Succeeded;
    row.result = result;
    row.extra = extra;
    markDirty(index);
}

void BatchItemModel::setCancelling(bool cancelling)
{
    if (m_cancelling == cancelling)
        return;
    m_cancelling = cancelling;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).state == BatchItemState::Started)
            markDirty(i);
    }
    flush();
}

void BatchItemModel::flush()
{
    if (m_dirtyFirst < 0)
        return;
    const int first = m_dirtyFirst;
    const int last = m_dirtyLast;
    m_dirtyFirst = m_dirtyLast = -1;
    emit dataChanged(index(first, 0), index(last, ColumnCount - 1),
                     {Qt::DisplayRole, StateRole, LatencyMsRole});
}

keyring::BatchCounts BatchItemModel::counts() const
{
    keyring::BatchCounts counts;
    counts.total = int(m_rows.size());
    for (const Row &row : m_rows) {
        switch (row.state) {
        case BatchItemState::Queued:
            ++counts.queued;
            break;
        case BatchItemState::Started:
            ++counts.running;
            break;
        case BatchItemState::Answered:
            ++counts.checking;
            break;
        case BatchItemState::Succeeded:
            ++counts.succeeded;
            break;
        case BatchItemState::Failed:
            ++counts.failed;
            break;
        case BatchItemState::Cancelled:
            ++counts.cancelled;
            break;
        }
    }
    return counts;
}

QList<int> BatchItemModel::rowsInState(BatchItemState state) const
{
    QList<int> rows;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).state == state)
            rows << i;
    }
    return rows;
}

int BatchItemModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BatchItemModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString BatchItemModel::stateLabel(BatchItemState state) const
{
    switch (state) {
    case BatchItemState::Queued:
        return tr("queued");
    case BatchItemState::Started:
        return m_cancelling ? tr("cancelling…") : m_runningLabel;
    case BatchItemState::Answered:
        return tr("checking");
    case BatchItemState::Succeeded:
        return tr("done");
    case BatchItemState::Failed:
        return tr("failed");
    case BatchItemState::Cancelled:
        return tr("cancelled");
    }
    return {};
}

QVariant BatchItemModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case StateRole:
        return int(row.state);
    case LatencyMsRole:
        return row.hasLatency() ? QVariant(row.latencyMs()) : QVariant();
    case Qt::DisplayRole:
        switch (index.column()) {
        case IndexColumn:
            return index.row() + 1;
        case NameColumn:
            return row.uid;
        case StateColumn:
            return stateLabel(row.state);
        case LatencyColumn:
            return row.hasLatency() ? tr("%1 ms").arg(QLocale().toString(row.latencyMs(), 'f', 1))
                                    : QString();
        case ResultColumn:
            return row.result;
        case ErrorColumn:
            return row.error;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == ErrorColumn && row.errorDetail)
            return ErrorReporter::detailOf(*row.errorDetail);
        if (index.column() == ResultColumn)
            return row.extra.isEmpty() ? row.result : row.extra;
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == IndexColumn || index.column() == LatencyColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::FontRole:
        if (index.column() == ResultColumn) {
            QFont font(QStringLiteral("monospace"));
            font.setStyleHint(QFont::Monospace);
            return font;
        }
        if (index.column() == StateColumn && row.state == BatchItemState::Failed) {
            QFont font;
            font.setBold(true);
            return font;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant BatchItemModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IndexColumn:
        return tr("#");
    case NameColumn:
        return tr("Key");
    case StateColumn:
        return tr("State");
    case LatencyColumn:
        return tr("Latency");
    case ResultColumn:
        return m_resultTitle;
    case ErrorColumn:
        return tr("Error");
    }
    return {};
}

} // namespace baokeys::ui
