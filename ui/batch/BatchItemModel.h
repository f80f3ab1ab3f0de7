#pragma once

#include "core/keyring/BatchTypes.h"

#include <QAbstractTableModel>
#include <QList>

namespace baokeys::ui {

// One row per batch item (a key being created, a signature being made):
// its state, latency, result (address or signature) and error, updated live.
//
// Updates are coalesced: applyEvents() and setResult() only mark rows dirty;
// flush() then emits one dataChanged over the dirty range. A tracker calls
// flush() from its refresh timer, so a 1000-item batch costs the view a few
// repaints a second, not thousands.
//
// Thread-safety: GUI thread only.
class BatchItemModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        IndexColumn,
        NameColumn,
        StateColumn,
        LatencyColumn,
        ResultColumn,
        ErrorColumn,
        ColumnCount
    };
    enum Role { StateRole = Qt::UserRole + 1, LatencyMsRole };

    struct Row {
        QString uid;
        keyring::BatchItemState state = keyring::BatchItemState::Queued;
        qint64 startNs = -1; // since its batch started
        qint64 endNs = -1;
        QString result; // bech32 address (create) or signature hex (sign), shown
        QString extra;  // public key hex (create)
        QString error;  // plain error text
        std::optional<bao::BaoError> errorDetail;
        bool hasLatency() const { return startNs >= 0 && endNs >= startNs; }
        double latencyMs() const { return hasLatency() ? double(endNs - startNs) / 1e6 : 0.0; }
    };

    explicit BatchItemModel(QObject *parent = nullptr);

    // The word for an item in flight ("creating", "signing") and the result
    // column's title ("Address", "Signature").
    void setLabels(const QString &runningLabel, const QString &resultTitle);

    void reset(const QStringList &uids);
    // Puts the given rows back to Queued (a retry), clearing their results.
    void requeue(const QList<int> &rows);
    // `rowOf` maps a batch index to a row (empty: the same number).
    void applyEvents(const QList<keyring::BatchItemEvent> &events, const QList<int> &rowOf = {});
    void setResult(int row, const QString &result, const QString &extra = {});
    // A row whose item is already done elsewhere (a name the store holds):
    // succeeded, with that result, and no latency of this run.
    void markDone(int row, const QString &result, const QString &extra = {});
    // After Cancel, items still in flight read "cancelling…" until their
    // answer arrives (it is kept, whatever it is).
    void setCancelling(bool cancelling);
    bool isCancelling() const { return m_cancelling; }
    void flush(); // emits the coalesced dataChanged

    const Row &row(int row) const { return m_rows.at(row); }
    const QList<Row> &rows() const { return m_rows; }
    keyring::BatchCounts counts() const;
    QList<int> rowsInState(keyring::BatchItemState state) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QString stateLabel(keyring::BatchItemState state) const;
    // The Error column's text: the plain explanation, and the raw message
    // only where it adds the reason (never "…not found. key not found").
    static QString errorText(const bao::BaoError &error);

private:
    void markDirty(int row);

    QList<Row> m_rows;
    QString m_runningLabel;
    QString m_resultTitle;
    bool m_cancelling = false;
    int m_dirtyFirst = -1;
    int m_dirtyLast = -1;
};

} // namespace baokeys::ui
