#include "ui/keys/KeyTableModel.h"

#include <QCollator>
#include <QFont>
#include <QLocale>

namespace baokeys::ui {

KeyTableModel::KeyTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void KeyTableModel::setRecords(const QList<keyring::KeyRecord> &records, const QString &hrp)
{
    beginResetModel();
    m_records = records;
    m_hrp = hrp;
    m_addresses.clear();
    m_addresses.reserve(m_records.size());
    for (const auto &record : std::as_const(m_records))
        m_addresses << record.bech32(m_hrp);
    endResetModel();
}

void KeyTableModel::setHrp(const QString &hrp)
{
    setRecords(m_records, hrp);
}

int KeyTableModel::rowOf(const QString &uid) const
{
    for (int row = 0; row < m_records.size(); ++row) {
        if (m_records.at(row).uid == uid)
            return row;
    }
    return -1;
}

int KeyTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int KeyTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString KeyTableModel::shortPublicKey(const keyring::KeyRecord &record)
{
    const QString hex = record.publicKeyHex();
    if (hex.size() <= 16)
        return hex;
    return hex.left(8) + QStringLiteral("…") + hex.right(6);
}

QString KeyTableModel::sourceLabel(keyring::KeySource source)
{
    switch (source) {
    case keyring::KeySource::Generated:
        return tr("generated");
    case keyring::KeySource::Imported:
        return tr("imported");
    case keyring::KeySource::Synced:
        return tr("synced");
    }
    return {};
}

QVariant KeyTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_records.size())
        return {};
    const auto &record = m_records.at(index.row());
    const QString &address = m_addresses.at(index.row());
    switch (role) {
    case UidRole:
        return record.uid;
    case SearchRole:
        return QStringList{record.uid, address, record.addressHex(), record.publicKeyHex()}.join(
            QLatin1Char(' '));
    case SortRole:
        switch (index.column()) {
        case CreatedColumn:
            return record.createdAt;
        case ExportableColumn:
            return record.exportable;
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return record.uid;
        case AddressColumn:
            return address;
        case PublicKeyColumn:
            return shortPublicKey(record);
        case ExportableColumn:
            return record.exportable ? tr("yes") : tr("no");
        case SourceColumn:
            return sourceLabel(record.source);
        case CreatedColumn:
            return QLocale().toString(record.createdAt.toLocalTime(), QLocale::ShortFormat);
        }
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case NameColumn:
            if (record.missingOnServer)
                return tr("%1 — no longer on the server (found by sync)").arg(record.uid);
            if (record.replacedOnServer)
                return tr("%1 — the server holds another key under this name (found by sync): nothing can "
                          "sign for this address")
                    .arg(record.uid);
            return record.keyPath;
        case PublicKeyColumn:
            return record.publicKeyHex();
        case AddressColumn:
            return tr("0x%1").arg(record.addressHex());
        case CreatedColumn:
            return record.createdAt.toString(Qt::ISODate);
        }
        break;
    case Qt::FontRole: {
        const bool monospace = index.column() == AddressColumn || index.column() == PublicKeyColumn;
        if (!monospace && record.heldByServer())
            break;
        QFont font;
        if (monospace) {
            font.setFamily(QStringLiteral("monospace"));
            font.setStyleHint(QFont::Monospace);
        }
        // The whole row, the address first: nothing can sign for it.
        font.setStrikeOut(!record.heldByServer());
        return font;
    }
    default:
        break;
    }
    return {};
}

QVariant KeyTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case AddressColumn:
        return tr("Address");
    case PublicKeyColumn:
        return tr("Public key");
    case ExportableColumn:
        return tr("Exportable");
    case SourceColumn:
        return tr("Source");
    case CreatedColumn:
        return tr("Created");
    }
    return {};
}

} // namespace baokeys::ui
