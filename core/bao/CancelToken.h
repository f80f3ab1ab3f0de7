#pragma once

#include <functional>
#include <memory>

namespace baokeys::bao {

// A shared "stop" flag that aborts in-flight requests. Copies share one state.
//
// Thread-safety: cancel(), isCancelled() and the subscription calls may be used
// from any thread at once. A callback runs on the thread that calls cancel()
// (or at once, on the subscribing thread, if already cancelled); it must only
// post work to its owner, never block. unsubscribe() waits until a running
// callback has returned, so an owner may be destroyed right after it.
class CancelToken {
public:
    CancelToken();

    void cancel();
    bool isCancelled() const;

    using Callback = std::function<void()>;
    using SubscriptionId = unsigned long long;
    SubscriptionId subscribe(Callback callback);
    void unsubscribe(SubscriptionId id);

private:
    struct State;
    std::shared_ptr<State> m_state;
};

} // namespace baokeys::bao
