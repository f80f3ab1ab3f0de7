#pragma once

#include "core/signer/SignerServer.h"

#include <chrono>
#include <mutex>

namespace baokeys::signer {

// What to do to one engine request: hold its answer back, and/or fail it.
struct FaultDecision {
    std::chrono::milliseconds delay{0};
    bool fail = false;
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
    mutable std::mutex m_mutex;
    FaultSettings m_settings;
};

} // namespace baokeys::signer
