#pragma once

#include "core/keyring/BatchTypes.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QList>
#include <QObject>

#include <memory>
#include <optional>

namespace baokeys::keyring {

class BatchState;

// The progress of one batch, for whoever started it (a GUI window, the CLI).
//
// Workers push per-item events into a thread-safe queue; this object only
// announces them. eventsAvailable() is coalesced twice over: workers wake this
// object at most once until takeEvents() drains the queue, and the signal is
// emitted (on this object's thread) at most once per notifyInterval(), 50 ms
// by default - so a GUI draining a 5000-item batch sees ~20 signals a second,
// not 15000. It may instead poll takeEvents() from a timer. counts() is cheap.
//
// Thread-safety: takeEvents(), counts(), cancel(), isFinished(),
// preflightError(), persistError() and elapsedNs() may be called from any
// thread; setNotifyInterval() only from this object's thread. The QObject itself belongs to
// the thread that created the batch and must be destroyed there; destroying
// it while the batch runs is safe (the workers keep their own state).
class BatchProgress : public QObject {
    Q_OBJECT
public:
    explicit BatchProgress(std::shared_ptr<BatchState> state, QObject *parent = nullptr);
    ~BatchProgress() override;

    QList<BatchItemEvent> takeEvents();
    BatchCounts counts() const;
    int total() const;
    bool isFinished() const;
    qint64 elapsedNs() const; // since the batch started

    // Queued items finish as Cancelled without a request; in-flight requests
    // are aborted and finish as Cancelled. Items already done keep their result.
    void cancel();
    bool isCancelled() const;

    // A problem that stopped the whole batch before any request (e.g. a name
    // collision found in the server's LIST); every item then carries it too.
    std::optional<bao::BaoError> preflightError() const;
    // createBatch: the keys were created but the store write at the end
    // failed; they stay in the journal and sync()/recoverJournal() adopts them.
    std::optional<bao::BaoError> persistError() const;

    // The shortest time between two eventsAvailable() signals (0: no limit).
    void setNotifyInterval(int ms);
    int notifyInterval() const;

signals:
    void eventsAvailable();
    void finished();

private:
    friend class BatchState;
    void onEventsPosted(); // on this object's thread, woken by BatchState
    void flushPending();   // emits a scheduled signal now (at the end)
    void emitEventsAvailable();
    void timerEvent(QTimerEvent *event) override;

    std::shared_ptr<BatchState> m_state;
    int m_emitTimerId = 0; // a pending rate-limited emission (a plain timer, no child object)
    QElapsedTimer m_sinceEmit;
    int m_notifyIntervalMs = 50;
};

// What a batch call returns: results in request order (QFuture::results(),
// resultAt(i)) and the progress object. The future never reports an
// exception; failed items are results with `error` set.
template <typename Result> struct BatchJob {
    QFuture<Result> future;
    std::shared_ptr<BatchProgress> progress; // destroy on the calling thread
};

} // namespace baokeys::keyring
