#include "ui/keys/KeyFilterProxy.h"

#include "ui/common/NaturalOrder.h"
#include "ui/keys/KeyTableModel.h"

#include <QDateTime>

namespace baokeys::ui {

KeyFilterProxy::KeyFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(KeyTableModel::SortRole);
}

void KeyFilterProxy::setSearchText(const QString &text)
{
    m_words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateFilter();
}

bool KeyFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    const QString haystack =
        sourceModel()->index(sourceRow, 0, sourceParent).data(KeyTableModel::SearchRole).toString();
    for (const QString &word : m_words) {
        if (!haystack.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

bool KeyFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant a = left.data(sortRole());
    const QVariant b = right.data(sortRole());
    if (a.userType() == QMetaType::QDateTime)
        return a.toDateTime() < b.toDateTime();
    if (a.userType() == QMetaType::Bool)
        return a.toBool() < b.toBool();
    return NaturalOrder::compare(a.toString(), b.toString()) < 0;
}

} // namespace baokeys::ui
