#pragma once

#include "core/keyring/KeyRecord.h"

#include <QAbstractTableModel>
#include <QList>

namespace baokeys::ui {

// The keys of the open profile as a table: name, bech32 address, short
// public key, exportable, source, created. Holds copies of the keyring's
// public records (never a secret); reload() replaces them.
//
// Thread-safety: GUI thread only (as every item model).
class KeyTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        AddressColumn,
        PublicKeyColumn,
        ExportableColumn,
        SourceColumn,
        CreatedColumn,
        ColumnCount
    };
    enum Role {
        UidRole = Qt::UserRole + 1, // the key's name
        SortRole,                   // natural order (blob-worker-2 before blob-worker-10), dates as dates
        SearchRole,                 // all text the search box matches: name, address, hex address, public key
    };

    explicit KeyTableModel(QObject *parent = nullptr);

    void setRecords(const QList<keyring::KeyRecord> &records, const QString &hrp);
    void setHrp(const QString &hrp);
    QString hrp() const { return m_hrp; }
    const keyring::KeyRecord &record(int row) const { return m_records.at(row); }
    int rowOf(const QString &uid) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString shortPublicKey(const keyring::KeyRecord &record);
    static QString sourceLabel(keyring::KeySource source);

private:
    QList<keyring::KeyRecord> m_records;
    QList<QString> m_addresses; // bech32 per row, computed once per reload
    QString m_hrp;
};

} // namespace baokeys::ui
