#pragma once

#include <QAction>
#include <functional>

class QModelIndex;
class QTableView;

namespace baokeys::ui {

// Ctrl+C for one table: copies what is selected in that table and nothing
// else. The shortcut lives on the table (Qt::WidgetWithChildrenShortcut), so
// it fires only while the table has the focus and never reaches another
// page's selection; the action is also in the table's context menu.
//
// Two ways to copy: the selected rows' addresses (one column, one line per
// row; rows without one yet are skipped), or - for a table with no address
// column - the selected cells, a tab between columns and a line per row.
//
// Thread-safety: GUI thread only.
class TableCopyAction : public QAction {
    Q_OBJECT
public:
    // What a cell gives the clipboard: its whole value, where the view may
    // show it shortened.
    using CellText = std::function<QString(const QModelIndex &)>;

    static TableCopyAction *addresses(QTableView *view, int addressColumn);
    static TableCopyAction *cells(QTableView *view, CellText cellText);

    // The text a copy would put on the clipboard now, and how many
    // addresses or cells it holds.
    QString selectionText(int *count = nullptr) const;

signals:
    void copied(const QString &message); // for the status bar

private:
    TableCopyAction(QTableView *view, const QString &text);
    void copy();

    QTableView *m_view;
    int m_addressColumn = -1;
    CellText m_cellText;
};

} // namespace baokeys::ui
