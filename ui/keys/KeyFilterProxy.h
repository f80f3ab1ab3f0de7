#pragma once

#include <QSortFilterProxyModel>

namespace baokeys::ui {

// Filters the key table by the search box (every word must appear in the
// name, bech32 address, hex address or public key; case-insensitive) and
// sorts names naturally (blob-worker-2 before blob-worker-10).
//
// Thread-safety: GUI thread only.
class KeyFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit KeyFilterProxy(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    QString searchText() const { return m_words.join(QLatin1Char(' ')); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QStringList m_words;
};

} // namespace baokeys::ui
