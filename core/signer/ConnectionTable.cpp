#include "core/signer/ConnectionTable.h"

#include <vector>

namespace baokeys::signer {

void ConnectionTable::setCap(std::size_t cap)
{
    std::lock_guard lock(m_mutex);
    m_cap = cap;
}

std::size_t ConnectionTable::cap() const
{
    std::lock_guard lock(m_mutex);
    return m_cap;
}

std::size_t ConnectionTable::size() const
{
    std::lock_guard lock(m_mutex);
    return m_connections.size();
}

bool ConnectionTable::nearCap() const
{
    std::lock_guard lock(m_mutex);
    return m_connections.size() * 4 >= m_cap * 3;
}

quint64 ConnectionTable::add(const std::shared_ptr<Connection> &connection)
{
    std::lock_guard lock(m_mutex);
    const quint64 id = ++m_nextId;
    m_connections.emplace(id, connection);
    return id;
}

void ConnectionTable::remove(quint64 id)
{
    std::lock_guard lock(m_mutex);
    m_connections.erase(id);
}

std::size_t ConnectionTable::evictIdle(std::size_t count)
{
    // References are taken under the lock but dropped and used outside it:
    // dropping the last reference to a connection runs its destructor,
    // which calls remove().
    std::vector<std::shared_ptr<Connection>> chosen;
    std::vector<std::shared_ptr<Connection>> busy;
    {
        std::lock_guard lock(m_mutex);
        for (const auto &entry : m_connections) {
            if (chosen.size() >= count)
                break;
            if (auto connection = entry.second.lock())
                (connection->isIdle() ? chosen : busy).push_back(std::move(connection));
        }
    }
    for (const auto &connection : chosen)
        connection->closeIfIdle();
    return chosen.size();
}

void ConnectionTable::closeIdle()
{
    evictIdle(std::size_t(-1));
}

} // namespace baokeys::signer
