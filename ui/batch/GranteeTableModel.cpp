#include "ui/batch/GranteeTableModel.h"

#include <QBrush>
#include <QColor>

namespace baokeys::ui {

GranteeTableModel::GranteeTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void GranteeTableModel::setWorkers(const QList<Worker> &workers)
{
    beginResetModel();
    m_rows.clear();
    for (const Worker &worker : workers)
        m_rows.append(Row{worker.name, worker.address, worker.keyOnServer, std::nullopt, worker.keyOnServer});
    endResetModel();
}

void GranteeTableModel::setState(const chain::GranteeState &state)
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].address != state.address)
            continue;
        m_rows[row].state = state;
        emit dataChanged(index(row, AccountColumn), index(row, GrantColumn));
    }
}

void GranteeTableModel::clearStates()
{
    for (Row &row : m_rows)
        row.state.reset();
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, AccountColumn), index(int(m_rows.size()) - 1, GrantColumn));
}

QStringList GranteeTableModel::checkedAddresses() const
{
    QStringList addresses;
    for (const Row &row : m_rows) {
        if (row.checked)
            addresses << row.address;
    }
    return addresses;
}

QString GranteeTableModel::nameOf(const QString &address) const
{
    for (const Row &row : m_rows) {
        if (row.address == address)
            return row.name;
    }
    return {};
}

QString GranteeTableModel::coinsText(const QList<tx::Coin> &coins)
{
    QStringList parts;
    for (const tx::Coin &coin : coins)
        parts << coin.toString();
    return parts.isEmpty() ? QStringLiteral("0") : parts.join(QStringLiteral(", "));
}

QString GranteeTableModel::grantText(const chain::GranteeState &state)
{
    if (!state.grant)
        return tr("no grant");
    const auto summary = chain::AllowanceSummary::of(state.grant->allowance);
    QStringList parts{tr("granted")};
    parts << (summary.spendLimit.isEmpty() ? tr("no spend limit")
                                           : tr("%1 left").arg(coinsText(summary.spendLimit)));
    parts << (summary.expiration
                  ? tr("until %1").arg(summary.expiration->toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")))
                  : tr("no expiry"));
    if (!summary.allowedMessages.isEmpty())
        parts << tr("only %1").arg(summary.allowedMessages.join(QStringLiteral(", ")));
    return parts.join(QStringLiteral(" · "));
}

int GranteeTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int GranteeTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GranteeTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    if (role == Qt::CheckStateRole && index.column() == NameColumn)
        return row.checked ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::ForegroundRole && index.column() == GrantColumn && row.state && row.state->grant)
        return QBrush(QColor(0x1b, 0x7f, 0x3a));
    if (role == Qt::ToolTipRole && !row.keyOnServer)
        return tr("No key on the server for %1 (found by sync): an allowance or coins sent to it could never "
                  "be used")
            .arg(row.name);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return row.name;
    case AddressColumn:
        return row.address;
    case AccountColumn:
        if (!row.state || !row.state->accountKnown)
            return QString();
        return row.state->accountExists ? tr("exists") : tr("not on chain");
    case BalanceColumn:
        return row.state && row.state->balances ? coinsText(*row.state->balances) : QString();
    case GrantColumn:
        return row.state ? grantText(*row.state) : QString();
    default:
        return {};
    }
}

bool GranteeTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.column() != NameColumn || role != Qt::CheckStateRole ||
        !m_rows[index.row()].keyOnServer)
        return false;
    m_rows[index.row()].checked = value.toInt() == Qt::Checked;
    emit dataChanged(index, index, {Qt::CheckStateRole});
    return true;
}

QVariant GranteeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Worker");
    case AddressColumn:
        return tr("Address");
    case AccountColumn:
        return tr("Account");
    case BalanceColumn:
        return tr("Balance");
    case GrantColumn:
        return tr("Fee grant");
    default:
        return {};
    }
}

Qt::ItemFlags GranteeTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && !m_rows.at(index.row()).keyOnServer)
        return flags & ~Qt::ItemIsEnabled;
    if (index.column() == NameColumn)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

} // namespace baokeys::ui
