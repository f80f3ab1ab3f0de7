#include "keyring/BatchProgress.h"

#include "keyring/BatchState.h"

namespace baokeys::keyring {

BatchProgress::BatchProgress(std::shared_ptr<BatchState> state, QObject *parent)
    : QObject(parent), m_state(std::move(state))
{
    m_state->setListener(this);
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
