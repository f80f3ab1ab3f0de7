#pragma once

#include "core/signer/SignerServer.h"

#include <chrono>
#include <mutex>

namespace baokeys::signer {

// What to do to one engine request: hold its answer back, and/or fail it.
struct FaultDecision {
    std::chrono::milliseconds delay{0};
    bool fail = false;
    bool rateLimited = false; // over FaultSettings::rateLimit: answer 429
};

// Injected latency and failures for demos, tests and benchmarks.
// Thread-safety: every member may be called from any thread; settings are
// copied under a mutex, random draws use a per-thread generator.
class FaultInjector {
public:
    void setSettings(const FaultSettings &settings);
    FaultSettings settings() const;

    // keyName: the key the request addresses (empty if none); a per-key
    // latency replaces the global one for that key, jitter applies to both.
    FaultDecision decide(const QString &keyName) const;

private:
    // A token bucket of one second's worth of requests, refilled
    // continuously; a request finding it empty is rate limited.
    bool takeToken() const;

    mutable std::mutex m_mutex;
    FaultSettings m_settings;
    mutable double m_tokens = 0;                                  // guarded by m_mutex
    mutable std::chrono::steady_clock::time_point m_lastRefill{}; // guarded by m_mutex
};

} // namespace baokeys::signer
