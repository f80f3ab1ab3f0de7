#include "core/bao/ClusterRoute.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>

namespace baokeys::bao {

namespace {

// What makes two addresses the same node: a kept connection, a certificate
// and a token all belong to scheme + host + port.
struct Origin {
    QString scheme;
    QString host;
    int port = 0;
    bool operator==(const Origin &) const = default;
};

Origin originOf(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return {scheme, url.host().toLower(), url.port(scheme == QLatin1String("https") ? 443 : 80)};
}

} // namespace

ClusterRoute::ClusterRoute(QStringList addresses) : m_addresses(std::move(addresses))
{
    if (m_addresses.size() == 1)
        m_current.store(0); // one node: nothing to find out
}

std::shared_ptr<ClusterRoute> ClusterRoute::forAddresses(const QStringList &addresses)
{
    static std::mutex mutex;
    static std::map<QString, std::weak_ptr<ClusterRoute>> routes; // guarded by mutex
    const QString key = addresses.join(QLatin1Char(','));
    std::lock_guard lock(mutex);
    if (auto shared = routes[key].lock())
        return shared;
    for (auto it = routes.begin(); it != routes.end();) // forget the routes no client uses
        it = it->second.expired() ? routes.erase(it) : std::next(it);
    auto route = std::make_shared<ClusterRoute>(addresses);
    routes[key] = route;
    return route;
}

void ClusterRoute::reportUnreachable(int index)
{
    if (!isCluster())
        return;
    int expected = index;
    m_current.compare_exchange_strong(expected, -1, std::memory_order_acq_rel);
}

namespace {
qint64 steadyNowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}
} // namespace

void ClusterRoute::markNoActiveNode()
{
    m_noActiveNodeAtMs.store(std::max<qint64>(1, steadyNowMs()), std::memory_order_release);
}

bool ClusterRoute::noActiveNodeLately() const
{
    const qint64 at = m_noActiveNodeAtMs.load(std::memory_order_acquire);
    return at > 0 && steadyNowMs() - at < NoActiveNodeMemoryMs;
}

int ClusterRoute::indexOf(const QUrl &url) const
{
    const Origin wanted = originOf(url);
    for (int i = 0; i < size(); ++i) {
        if (originOf(QUrl(m_addresses.at(i))) == wanted)
            return i;
    }
    return -1;
}

QList<int> ClusterRoute::searchOrder(int failed) const
{
    QList<int> order;
    const int n = size();
    for (int step = 1; step <= n; ++step)
        order << (failed < 0 ? step - 1 : (failed + step) % n);
    return order;
}

} // namespace baokeys::bao
