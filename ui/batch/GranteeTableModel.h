#pragma once

#include "core/chain/GrantPlan.h"

#include <QAbstractTableModel>
#include <QList>
#include <optional>

namespace baokeys::ui {

// The workers of the "Grant fees" dialog, one row each: name, address, and,
// once the node has been asked, its account, balance and grant from the
// granter. A row's name is checkable: the checked rows are the grantees. A
// worker whose key the server no longer holds (found by sync) is shown
// unchecked and cannot be checked: nothing could use what it is sent.
//
// Thread-safety: GUI thread only.
class GranteeTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, AddressColumn, AccountColumn, BalanceColumn, GrantColumn, ColumnCount };

    struct Row {
        QString name;
        QString address;
        bool checked = true;
        std::optional<chain::GranteeState> state; // nothing: not asked (offline, or not yet)
        bool keyOnServer = true;
    };
    struct Worker {
        QString name;
        QString address;
        bool keyOnServer = true;
    };

    explicit GranteeTableModel(QObject *parent = nullptr);

    void setWorkers(const QList<Worker> &workers);
    void setState(const chain::GranteeState &state);
    void clearStates();
    const QList<Row> &rows() const { return m_rows; }
    QStringList checkedAddresses() const;
    QString nameOf(const QString &address) const;

    // "granted · 1000000utia left · until 2027-01-01 00:00 UTC", "no grant", or "" unasked.
    static QString grantText(const chain::GranteeState &state);
    static QString coinsText(const QList<tx::Coin> &coins);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    QList<Row> m_rows;
};

} // namespace baokeys::ui
