#include "core/keyring/BatchProgress.h"

#include "core/keyring/BatchState.h"

#include <QTimerEvent>

#include <limits>

namespace baokeys::keyring {

BatchProgress::BatchProgress(std::shared_ptr<BatchState> state, QObject *parent)
    : QObject(parent), m_state(std::move(state))
{
    m_state->setListener(this);
}

void BatchProgress::setNotifyInterval(int ms)
{
    m_notifyIntervalMs = qMax(0, ms);
}

int BatchProgress::notifyInterval() const
{
    return m_notifyIntervalMs;
}

void BatchProgress::onEventsPosted()
{
    if (m_emitTimerId != 0)
        return; // an emission is already scheduled
    const qint64 since = m_sinceEmit.isValid() ? m_sinceEmit.elapsed() : std::numeric_limits<qint64>::max();
    if (since >= m_notifyIntervalMs)
        emitEventsAvailable();
    else
        m_emitTimerId = startTimer(int(m_notifyIntervalMs - since));
}

void BatchProgress::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_emitTimerId)
        return QObject::timerEvent(event);
    flushPending();
}

void BatchProgress::flushPending()
{
    if (m_emitTimerId == 0)
        return;
    killTimer(m_emitTimerId);
    m_emitTimerId = 0;
    emitEventsAvailable();
}

void BatchProgress::emitEventsAvailable()
{
    m_sinceEmit.start();
    emit eventsAvailable();
}

BatchProgress::~BatchProgress()
{
    m_state->setListener(nullptr);
}

QList<BatchItemEvent> BatchProgress::takeEvents()
{
    return m_state->takeEvents();
}

BatchCounts BatchProgress::counts() const
{
    return m_state->counts();
}

int BatchProgress::total() const
{
    return m_state->total();
}

bool BatchProgress::isFinished() const
{
    return m_state->isFinished();
}

qint64 BatchProgress::elapsedNs() const
{
    return m_state->elapsedNs();
}

void BatchProgress::cancel()
{
    m_state->cancel();
}

bool BatchProgress::isCancelled() const
{
    return m_state->isCancelled();
}

std::optional<bao::BaoError> BatchProgress::preflightError() const
{
    return m_state->preflightError();
}

std::optional<bao::BaoError> BatchProgress::persistError() const
{
    return m_state->persistError();
}

} // namespace baokeys::keyring
