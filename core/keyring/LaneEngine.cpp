#include "core/keyring/LaneEngine.h"

#include "core/bao/BaoClient.h"
#include "core/bao/IoEngine.h"
#include "core/keyring/WorkerPriority.h"

#include <QThread>

namespace baokeys::keyring {

namespace {

// As many loop threads as cores: the loop only reads and writes sockets, so
// more threads would only take turns; fewer would leave a core idle while
// answers wait. The checks get a pool of the same size.
int coreCount()
{
    return qMax(1, QThread::idealThreadCount());
}

} // namespace

LaneEngine::LaneEngine(bao::BaoSettings settings) : m_settings(std::move(settings)) {}

LaneEngine::~LaneEngine()
{
    shutdown();
}

LaneEngine::Busy::Busy(LaneEngine &engine) : m_engine(engine)
{
    std::lock_guard lock(m_engine.m_mutex);
    ++m_engine.m_busy;
}

LaneEngine::Busy::~Busy()
{
    std::lock_guard lock(m_engine.m_mutex);
    if (--m_engine.m_busy == 0)
        m_engine.m_idle.notify_all();
}

bao::IoEngine &LaneEngine::loop()
{
    std::lock_guard lock(m_mutex);
    if (!m_loop) {
        // Both from the thread that starts the first batch, so that each
        // lowers its priority once from that thread's (the GUI thread first).
        const auto lower = [] { WorkerPriority::lowerCurrentThreadOnce(); };
        m_loop = std::make_unique<bao::IoEngine>(coreCount(), "baokeys-io", lower);
        m_checks = std::make_unique<bao::IoEngine>(coreCount(), "baokeys-check", lower);
    }
    return *m_loop;
}

std::unique_ptr<bao::BaoClient> LaneEngine::takeClient()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_warm.empty()) {
            auto client = std::move(m_warm.back());
            m_warm.pop_back();
            return client;
        }
    }
    return std::make_unique<bao::BaoClient>(m_settings, loop());
}

void LaneEngine::giveBack(std::unique_ptr<bao::BaoClient> client)
{
    client->clearCancelToken();
    std::lock_guard lock(m_mutex);
    m_warm.push_back(std::move(client));
}

void LaneEngine::close(std::unique_ptr<bao::BaoClient> client)
{
    // Busy: shutdown() waits for it, so the socket never outlives the loop.
    // (std::function needs a copyable handler, hence the shared pointers.)
    loop().post([client = std::shared_ptr<bao::BaoClient>(std::move(client)),
                 busy = std::make_shared<Busy>(*this)]() mutable { client.reset(); });
}

void LaneEngine::post(std::function<void()> work)
{
    loop().post(std::move(work));
}

void LaneEngine::check(std::function<void()> work)
{
    (void)loop(); // the checks' threads start with the loop's
    std::lock_guard lock(m_mutex);
    m_checks->post(std::move(work));
}

int LaneEngine::loopThreads() const
{
    return coreCount();
}

void LaneEngine::shutdown()
{
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return m_busy == 0; });
    auto warm = std::move(m_warm);
    auto loop = std::move(m_loop);
    auto checks = std::move(m_checks);
    lock.unlock();
    warm.clear(); // the clients' sockets live on the loop: before it
    loop.reset();
    checks.reset();
}

} // namespace baokeys::keyring
