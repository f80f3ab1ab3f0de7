#pragma once

#include "core/bao/CancelToken.h"
#include "core/keyring/BatchTypes.h"

#include <QElapsedTimer>
#include <QList>
#include <QStringList>

#include <mutex>
#include <optional>
#include <vector>

namespace baokeys::keyring {

class BatchProgress;

// The worker side of a batch's progress (internal to the keyring): item
// states, the event queue, counts, the cancel token and the preflight error.
// BatchProgress is the caller-side view onto it.
//
// Thread-safety: every member is thread-safe (one mutex; the notifications to
// the listening BatchProgress are posted, never called, under it).
class BatchState {
public:
    explicit BatchState(QStringList uids);

    const QStringList &uids() const { return m_uids; } // immutable
    int total() const { return int(m_uids.size()); }

    // Records a state change of item `index` (the first Queued events are
    // recorded by the constructor) and announces it, coalesced.
    void post(int index, BatchItemState state, std::optional<bao::BaoError> error = std::nullopt);

    QList<BatchItemEvent> takeEvents();
    BatchCounts counts() const;
    bool isFinished() const;
    qint64 elapsedNs() const;

    bao::CancelToken cancelToken() const { return m_cancel; }
    void cancel() { m_cancel.cancel(); }
    bool isCancelled() const { return m_cancel.isCancelled(); }

    void setPreflightError(const bao::BaoError &error);
    std::optional<bao::BaoError> preflightError() const;
    void setPersistError(const bao::BaoError &error);
    std::optional<bao::BaoError> persistError() const;

    void setListener(BatchProgress *listener);

private:
    void notifyLocked(bool finished);

    const QStringList m_uids;
    bao::CancelToken m_cancel; // shares its state; its members are thread-safe
    QElapsedTimer m_clock;     // started in the constructor, then only read
    mutable std::mutex m_mutex;
    std::vector<BatchItemState> m_states;          // guarded by m_mutex
    QList<BatchItemEvent> m_events;                // guarded by m_mutex
    BatchCounts m_counts;                          // guarded by m_mutex
    bool m_notifyPending = false;                  // guarded by m_mutex
    BatchProgress *m_listener = nullptr;           // guarded by m_mutex
    std::optional<bao::BaoError> m_preflightError; // guarded by m_mutex
    std::optional<bao::BaoError> m_persistError;   // guarded by m_mutex
};

} // namespace baokeys::keyring
