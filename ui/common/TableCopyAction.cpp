#include "ui/common/TableCopyAction.h"

#include "ui/common/Clipboard.h"

#include <QItemSelectionModel>
#include <QMap>
#include <QTableView>
#include <algorithm>

namespace baokeys::ui {

TableCopyAction::TableCopyAction(QTableView *view, const QString &text) : QAction(text, view), m_view(view)
{
    setShortcut(QKeySequence::Copy);
    setShortcutContext(Qt::WidgetWithChildrenShortcut);
    view->addAction(this);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(this, &QAction::triggered, this, &TableCopyAction::copy);
}

TableCopyAction *TableCopyAction::addresses(QTableView *view, int addressColumn)
{
    auto *action = new TableCopyAction(view, tr("Copy &address"));
    action->m_addressColumn = addressColumn;
    return action;
}

TableCopyAction *TableCopyAction::cells(QTableView *view, CellText cellText)
{
    auto *action = new TableCopyAction(view, tr("&Copy"));
    action->m_cellText = std::move(cellText);
    return action;
}

QString TableCopyAction::selectionText(int *count) const
{
    QStringList lines;
    int copied = 0;
    const QItemSelectionModel *selection = m_view->selectionModel();
    if (m_addressColumn >= 0) {
        QList<QModelIndex> rows = selection->selectedRows(m_addressColumn);
        if (rows.isEmpty()) { // cells picked one by one: their rows count
            for (const QModelIndex &index : selection->selectedIndexes())
                rows << index.siblingAtColumn(m_addressColumn);
        }
        std::sort(rows.begin(), rows.end());
        rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
        for (const QModelIndex &index : std::as_const(rows)) {
            const QString address = index.data().toString();
            if (address.isEmpty())
                continue;
            lines << address;
            ++copied;
        }
    } else {
        QMap<int, QMap<int, QString>> byRow; // in the table's order, whatever the click order
        for (const QModelIndex &index : selection->selectedIndexes()) {
            byRow[index.row()][index.column()] = m_cellText ? m_cellText(index) : index.data().toString();
            ++copied;
        }
        for (const auto &row : std::as_const(byRow))
            lines << QStringList(row.values()).join(QLatin1Char('\t'));
    }
    if (count)
        *count = copied;
    return lines.join(QLatin1Char('\n'));
}

void TableCopyAction::copy()
{
    int count = 0;
    const QString text = selectionText(&count);
    if (count == 0) {
        emit copied(m_addressColumn >= 0 ? tr("Nothing copied: the selected rows have no address yet.")
                                         : tr("Nothing copied: no cell is selected."));
        return;
    }
    Clipboard::instance()->setText(text);
    emit copied(m_addressColumn >= 0 ? tr("Copied %n address(es)", nullptr, count)
                                     : tr("Copied %n cell(s)", nullptr, count));
}

} // namespace baokeys::ui
