#pragma once

#include "core/keyring/BatchProgress.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <memory>

namespace baokeys::ui {

class BatchItemModel;

// Feeds one running batch's progress into a BatchItemModel: a refresh timer
// (50 ms) drains BatchProgress::takeEvents() and flushes the model once, so
// the GUI thread does a bounded amount of work per tick however fast the
// workers go. Keeps the BatchProgress alive (it must die on this thread).
//
// Thread-safety: GUI thread only.
class BatchTracker : public QObject {
    Q_OBJECT
public:
    static constexpr int RefreshMs = 50;

    // `rowOf` maps the batch's item index to the model's row (empty: same).
    BatchTracker(std::shared_ptr<keyring::BatchProgress> progress, BatchItemModel *model,
                 QList<int> rowOf = {}, QObject *parent = nullptr);

    keyring::BatchProgress &progress() const { return *m_progress; }
    // Drains what is queued now (also called by the timer).
    void drain();
    void cancel() { m_progress->cancel(); }
    int ticks() const { return m_ticks; }

signals:
    void updated(); // after a drain that changed rows
    // Items (batch indices) that reached a final state in this drain: their
    // results can be read from the batch's future (QFuture::isResultReadyAt)
    // without one queued event per result.
    void itemsFinished(const QList<int> &indices);

private:
    std::shared_ptr<keyring::BatchProgress> m_progress;
    QPointer<BatchItemModel> m_model; // may go first, with its page
    QList<int> m_rowOf;
    QTimer m_timer;
    int m_ticks = 0;
};

} // namespace baokeys::ui
