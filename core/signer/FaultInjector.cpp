#include "core/signer/FaultInjector.h"

#include <random>

namespace baokeys::signer {

namespace {
std::mt19937_64 &generator()
{
    thread_local std::mt19937_64 engine{std::random_device{}()};
    return engine;
}
} // namespace

void FaultInjector::setSettings(const FaultSettings &settings)
{
    std::lock_guard lock(m_mutex);
    m_settings = settings;
    m_lastRefill = {}; // a new limit starts with a full bucket
}

FaultSettings FaultInjector::settings() const
{
    std::lock_guard lock(m_mutex);
    return m_settings;
}

bool FaultInjector::takeToken() const
{
    std::lock_guard lock(m_mutex);
    if (m_settings.rateLimit <= 0.0)
        return true;
    const auto now = std::chrono::steady_clock::now();
    if (m_lastRefill == std::chrono::steady_clock::time_point{}) {
        m_tokens = m_settings.rateLimit; // a full bucket to start with
    } else {
        const double elapsed = std::chrono::duration<double>(now - m_lastRefill).count();
        m_tokens = std::min(m_settings.rateLimit, m_tokens + elapsed * m_settings.rateLimit);
    }
    m_lastRefill = now;
    if (m_tokens < 1.0)
        return false;
    m_tokens -= 1.0;
    return true;
}

FaultDecision FaultInjector::decide(const QString &keyName) const
{
    if (!takeToken()) {
        FaultDecision limited;
        limited.rateLimited = true;
        return limited;
    }
    std::chrono::milliseconds latency{0};
    std::chrono::milliseconds jitter{0};
    double failRate = 0.0;
    {
        std::lock_guard lock(m_mutex);
        latency = m_settings.latency;
        if (!keyName.isEmpty()) {
            const auto it = m_settings.keyLatency.constFind(keyName);
            if (it != m_settings.keyLatency.constEnd())
                latency = it.value();
        }
        jitter = m_settings.latencyJitter;
        failRate = m_settings.failRate;
    }

    FaultDecision decision;
    qint64 ms = latency.count();
    if (jitter.count() > 0) {
        // Uniform in [latency - jitter, latency + jitter], never negative.
        std::uniform_int_distribution<qint64> spread(-jitter.count(), jitter.count());
        ms = std::max<qint64>(0, ms + spread(generator()));
    }
    decision.delay = std::chrono::milliseconds(ms);
    if (failRate > 0.0) {
        std::uniform_real_distribution<double> draw(0.0, 1.0);
        decision.fail = draw(generator()) < failRate;
    }
    return decision;
}

} // namespace baokeys::signer
