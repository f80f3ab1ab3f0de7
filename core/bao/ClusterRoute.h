#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>
#include <QtGlobal>

#include <atomic>
#include <memory>

namespace baokeys::bao {

// The nodes of one OpenBao cluster in the operator's order, and which of them
// requests go to now. BaoClient asks it where to send a request and tells it
// what it learned (a node that answered as active, a redirect to a node, a
// node that could not be reached), whichever transport carried the request.
//
// Clients of the same address list share one route (forAddresses()): the
// lanes of a batch learn the active node once and fail over together.
//
// Thread-safety: every member may be called from any thread.
class ClusterRoute {
public:
    explicit ClusterRoute(QStringList addresses);

    // The route shared by every client of these addresses (kept while one uses it).
    static std::shared_ptr<ClusterRoute> forAddresses(const QStringList &addresses);

    const QStringList &addresses() const { return m_addresses; }
    int size() const { return int(m_addresses.size()); }
    bool isCluster() const { return m_addresses.size() > 1; }

    // The node requests go to, or -1 while none is known (then find one
    // with sys/health, see BaoClient).
    int current() const { return m_current.load(std::memory_order_acquire); }
    // `index` answered as the active node, or a node redirected to it.
    void setActive(int index) { m_current.store(index, std::memory_order_release); }
    // `index` could not be reached: forget it as the active node unless
    // another client has already moved on.
    void reportUnreachable(int index);

    // A request waited out an election over every node and none became
    // active. For NoActiveNodeMemoryMs after that, other requests do not wait
    // again (a batch would wait once per item): one pass over the nodes,
    // then their error. A node that answers ends it (a redirect is no
    // answer: a standby still points at the node that went away).
    static constexpr qint64 NoActiveNodeMemoryMs = 10000;
    void markNoActiveNode();
    void markNodeAnswered() { m_noActiveNodeAtMs.store(0, std::memory_order_release); }
    bool noActiveNodeLately() const;

    // The node `url` points at (same scheme, host and port), or -1 when it is
    // none of this route's: a redirect there must not carry the token.
    int indexOf(const QUrl &url) const;
    // The order in which to look for the active node after `failed`: the
    // ones after it, then the ones before, `failed` last (it may be back).
    QList<int> searchOrder(int failed) const;

private:
    QStringList m_addresses;
    std::atomic<int> m_current{-1};
    std::atomic<qint64> m_noActiveNodeAtMs{0}; // steady clock; 0: not lately
};

} // namespace baokeys::bao
