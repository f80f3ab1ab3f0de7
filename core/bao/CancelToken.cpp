#include "core/bao/CancelToken.h"

#include <map>
#include <mutex>

namespace baokeys::bao {

struct CancelToken::State {
    // Held while callbacks run, so unsubscribe() cannot return during one.
    std::mutex mutex;
    bool cancelled = false; // guarded by mutex
    SubscriptionId nextId = 1;
    std::map<SubscriptionId, Callback> callbacks;
};

CancelToken::CancelToken() : m_state(std::make_shared<State>()) {}

void CancelToken::cancel()
{
    std::lock_guard lock(m_state->mutex);
    if (m_state->cancelled)
        return;
    m_state->cancelled = true;
    for (auto &[id, callback] : m_state->callbacks)
        callback();
}

bool CancelToken::isCancelled() const
{
    std::lock_guard lock(m_state->mutex);
    return m_state->cancelled;
}

CancelToken::SubscriptionId CancelToken::subscribe(Callback callback)
{
    std::lock_guard lock(m_state->mutex);
    if (m_state->cancelled)
        callback();
    const SubscriptionId id = m_state->nextId++;
    m_state->callbacks.emplace(id, std::move(callback));
    return id;
}

void CancelToken::unsubscribe(SubscriptionId id)
{
    std::lock_guard lock(m_state->mutex);
    m_state->callbacks.erase(id);
}

} // namespace baokeys::bao
