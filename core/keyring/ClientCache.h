#pragma once

#include "core/bao/BaoSettings.h"

#include <QtGlobal>

#include <atomic>
#include <memory>

namespace baokeys::bao {
class BaoClient;
}

namespace baokeys::keyring {

// The BaoClients of one keyring, one per calling thread and transport: a
// client (and its connection) is made on a thread's first call and used only
// there, so no client is ever shared between threads. Each thread's clients
// live in that thread's storage and are destroyed on that thread when it ends;
// the entries of caches that no longer exist are pruned at the thread's next
// lookup.
//
// Thread-safety: client() may be called from any thread; it returns that
// thread's own client. Destroy the cache only once no thread uses it any more
// (the keyring waits for its pools first).
class ClientCache {
public:
    explicit ClientCache(bao::BaoSettings settings);
    ~ClientCache(); // forgets the destroying thread's clients at once
    Q_DISABLE_COPY_MOVE(ClientCache)

    const bao::BaoSettings &settings() const { return m_settings; }
    // This thread's client over the settings' transport, or over `transport`.
    bao::BaoClient &client() const;
    bao::BaoClient &client(bao::HttpTransportKind transport) const;

private:
    const bao::BaoSettings m_settings;
    const quint64 m_instanceId; // never reused: keys the per-thread entries
    std::shared_ptr<std::atomic<bool>> m_alive;
};

} // namespace baokeys::keyring
