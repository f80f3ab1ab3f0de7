#pragma once

#include <QtGlobal>
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>

namespace baokeys::signer {

// One open connection as the table sees it. isIdle() is read from any
// thread; closeIfIdle() must hand the work to the connection's own strand
// and re-check there, since the connection may have become busy meanwhile.
class Connection {
public:
    virtual ~Connection() = default;
    virtual bool isIdle() const = 0; // waiting for the next request's header
    virtual void closeIfIdle() = 0;
};

// The connections the HTTP front holds, counted against a cap. A connection
// waiting for a request costs a file descriptor and nothing else, so when the
// cap (or the process's descriptor limit) is reached the oldest idle ones
// are closed to make room, as nginx does with keep-alive connections: a
// client with a request beats one that sends nothing.
// Thread-safety: every member may be called from any thread.
class ConnectionTable {
public:
    explicit ConnectionTable(std::size_t cap = 1024) : m_cap(cap) {}
    ConnectionTable(const ConnectionTable &) = delete;
    ConnectionTable &operator=(const ConnectionTable &) = delete;

    void setCap(std::size_t cap);
    std::size_t cap() const;
    std::size_t size() const;
    // Three quarters of the cap in use: idle connections get a short timeout.
    bool nearCap() const;

    // Returns the id to give back to remove().
    quint64 add(const std::shared_ptr<Connection> &connection);
    void remove(quint64 id);

    // Asks up to `count` of the oldest idle connections to close; returns
    // how many were asked.
    std::size_t evictIdle(std::size_t count);
    // Asks every idle connection to close (shutdown).
    void closeIdle();

private:
    mutable std::mutex m_mutex;
    std::map<quint64, std::weak_ptr<Connection>> m_connections; // by id: oldest first
    quint64 m_nextId = 0;
    std::size_t m_cap;
};

} // namespace baokeys::signer
