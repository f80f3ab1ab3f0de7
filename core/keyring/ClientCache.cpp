#include "core/keyring/ClientCache.h"

#include "core/bao/BaoClient.h"

#include <QThreadStorage>

#include <map>
#include <unordered_map>

namespace baokeys::keyring {

namespace {

std::atomic<quint64> g_nextInstanceId{1};

// The clients of one thread: per cache instance, one per transport.
struct ThreadClients {
    struct Entry {
        std::weak_ptr<std::atomic<bool>> alive;
        std::map<bao::HttpTransportKind, std::unique_ptr<bao::BaoClient>> clients;
    };
    std::unordered_map<quint64, Entry> entries;
};

QThreadStorage<ThreadClients *> &threadClients()
{
    static QThreadStorage<ThreadClients *> storage;
    return storage;
}

} // namespace

ClientCache::ClientCache(bao::BaoSettings settings)
    : m_settings(std::move(settings)), m_instanceId(g_nextInstanceId.fetch_add(1)),
      m_alive(std::make_shared<std::atomic<bool>>(true))
{}

ClientCache::~ClientCache()
{
    m_alive.reset();
    if (threadClients().hasLocalData())
        threadClients().localData()->entries.erase(m_instanceId);
}

bao::BaoClient &ClientCache::client() const
{
    return client(m_settings.transport);
}

bao::BaoClient &ClientCache::client(bao::HttpTransportKind transport) const
{
    QThreadStorage<ThreadClients *> &storage = threadClients();
    if (!storage.hasLocalData())
        storage.setLocalData(new ThreadClients);
    ThreadClients &clients = *storage.localData();
    auto it = clients.entries.find(m_instanceId);
    if (it == clients.entries.end()) {
        std::erase_if(clients.entries, [](const auto &entry) { return entry.second.alive.expired(); });
        it = clients.entries.emplace(m_instanceId, ThreadClients::Entry{m_alive, {}}).first;
    }
    std::unique_ptr<bao::BaoClient> &client = it->second.clients[transport];
    if (!client) {
        bao::BaoSettings settings = m_settings;
        settings.transport = transport;
        client = std::make_unique<bao::BaoClient>(settings);
    }
    return *client;
}

} // namespace baokeys::keyring
