#pragma once

#include <QtGlobal>
#include <atomic>

namespace baokeys::signer {

// A shared allowance for request bodies held in memory at once. Each body
// is reserved (its declared length, or the body limit when it is chunked)
// before a byte of it is read, and released once the request is answered,
// so many large requests together cannot take the process's memory.
// Thread-safety: lock-free; any thread.
class BodyBudget {
public:
    explicit BodyBudget(quint64 total = quint64(128) << 20) : m_total(total) {}
    BodyBudget(const BodyBudget &) = delete;
    BodyBudget &operator=(const BodyBudget &) = delete;

    void setTotal(quint64 total) { m_total.store(total, std::memory_order_relaxed); }

    bool tryReserve(quint64 bytes)
    {
        const quint64 total = m_total.load(std::memory_order_relaxed);
        quint64 used = m_used.load(std::memory_order_relaxed);
        do {
            if (bytes > total || used > total - bytes)
                return false;
        } while (!m_used.compare_exchange_weak(used, used + bytes, std::memory_order_relaxed));
        return true;
    }
    void release(quint64 bytes) { m_used.fetch_sub(bytes, std::memory_order_relaxed); }
    quint64 used() const { return m_used.load(std::memory_order_relaxed); }

private:
    std::atomic<quint64> m_total;
    std::atomic<quint64> m_used{0};
};

} // namespace baokeys::signer
