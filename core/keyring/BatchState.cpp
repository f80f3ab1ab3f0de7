#include "core/keyring/BatchState.h"

#include "core/keyring/BatchProgress.h"

#include <QMetaObject>

namespace baokeys::keyring {

namespace {
int &counter(BatchCounts &counts, BatchItemState state)
{
    switch (state) {
    case BatchItemState::Queued:
        return counts.queued;
    case BatchItemState::Started:
        return counts.running;
    case BatchItemState::Answered:
        return counts.checking;
    case BatchItemState::Succeeded:
        return counts.succeeded;
    case BatchItemState::Failed:
        return counts.failed;
    case BatchItemState::Cancelled:
        return counts.cancelled;
    }
    return counts.queued;
}
} // namespace

BatchState::BatchState(QStringList uids) : m_uids(std::move(uids))
{
    m_clock.start();
    const qint64 now = m_clock.nsecsElapsed();
    m_states.assign(m_uids.size(), BatchItemState::Queued);
    m_counts.total = int(m_uids.size());
    m_counts.queued = m_counts.total;
    m_events.reserve(m_uids.size());
    for (int i = 0; i < m_counts.total; ++i)
        m_events.append(BatchItemEvent{i, m_uids.at(i), BatchItemState::Queued, now, std::nullopt});
}

void BatchState::post(int index, BatchItemState state, std::optional<bao::BaoError> error)
{
    const qint64 now = m_clock.nsecsElapsed();
    std::lock_guard lock(m_mutex);
    if (index < 0 || index >= int(m_states.size()))
        return;
    BatchItemState &current = m_states[std::size_t(index)];
    const bool wasDone = m_counts.done() == m_counts.total;
    --counter(m_counts, current);
    ++counter(m_counts, state);
    current = state;
    m_events.append(BatchItemEvent{index, m_uids.at(index), state, now, std::move(error)});
    notifyLocked(!wasDone && m_counts.done() == m_counts.total);
}

void BatchState::notifyLocked(bool finished)
{
    if (!m_listener)
        return;
    // Posted to the listener's thread; Qt drops it if the listener is gone
    // by then, and setListener(nullptr) (same mutex) prevents new ones.
    BatchProgress *listener = m_listener;
    if (!m_notifyPending) {
        m_notifyPending = true;
        QMetaObject::invokeMethod(
            listener, [listener] { listener->onEventsPosted(); }, Qt::QueuedConnection);
    }
    if (finished)
        QMetaObject::invokeMethod(
            listener,
            [listener] {
                // The last events go out with the end, not a rate-limit later.
                listener->flushPending();
                emit listener->finished();
            },
            Qt::QueuedConnection);
}

QList<BatchItemEvent> BatchState::takeEvents()
{
    std::lock_guard lock(m_mutex);
    m_notifyPending = false;
    return std::exchange(m_events, {});
}

BatchCounts BatchState::counts() const
{
    std::lock_guard lock(m_mutex);
    return m_counts;
}

bool BatchState::isFinished() const
{
    std::lock_guard lock(m_mutex);
    return m_counts.done() == m_counts.total;
}

qint64 BatchState::elapsedNs() const
{
    return m_clock.nsecsElapsed();
}

void BatchState::setPreflightError(const bao::BaoError &error)
{
    std::lock_guard lock(m_mutex);
    m_preflightError = error;
}

std::optional<bao::BaoError> BatchState::preflightError() const
{
    std::lock_guard lock(m_mutex);
    return m_preflightError;
}

void BatchState::setPersistError(const bao::BaoError &error)
{
    std::lock_guard lock(m_mutex);
    m_persistError = error;
}

std::optional<bao::BaoError> BatchState::persistError() const
{
    std::lock_guard lock(m_mutex);
    return m_persistError;
}

void BatchState::setListener(BatchProgress *listener)
{
    std::lock_guard lock(m_mutex);
    m_listener = listener;
    // A new listener must hear about events already queued.
    m_notifyPending = false;
    if (listener && !m_events.isEmpty())
        notifyLocked(m_counts.done() == m_counts.total && m_counts.total > 0);
}

} // namespace baokeys::keyring
