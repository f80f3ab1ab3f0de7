#pragma once

#include "core/bao/BaoSettings.h"

#include <QtGlobal>

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace baokeys::bao {
class BaoClient;
class IoEngine;
} // namespace baokeys::bao

namespace baokeys::keyring {

// What the asynchronous batch lanes of one keyring share: one event loop
// (bao::IoEngine) run by as many threads as there are cores, a CPU pool of
// the same size for the signatures' checks, and the lanes' clients, each
// with its keep-alive connection, kept warm for the next batch. A lane is a
// client and a socket, not a thread: the threads do not grow with the
// requests in flight.
//
// Thread-safety: every member may be called from any thread. shutdown() (or
// the destructor) waits until no work holds a Busy mark, then ends the
// clients, the pool and the loop, in that order.
class LaneEngine {
public:
    explicit LaneEngine(bao::BaoSettings settings);
    ~LaneEngine(); // shutdown()
    Q_DISABLE_COPY_MOVE(LaneEngine)

    // Held by each lane and each check under way: shutdown() waits for them.
    class Busy {
    public:
        explicit Busy(LaneEngine &engine);
        ~Busy();
        Q_DISABLE_COPY_MOVE(Busy)

    private:
        LaneEngine &m_engine;
    };

    // A lane's client: a warm one if a batch left one, else a new one on the loop.
    std::unique_ptr<bao::BaoClient> takeClient();
    // A lane done with its client keeps it warm for the next batch, or
    // closes its connection (on the loop, after the caller's handler: the
    // lane may be inside the client's own callback).
    void giveBack(std::unique_ptr<bao::BaoClient> client);
    void close(std::unique_ptr<bao::BaoClient> client);
    // Runs `work` on a loop thread.
    void post(std::function<void()> work);
    // Runs `work` on the CPU pool; called from the loop's threads.
    void check(std::function<void()> work);
    int loopThreads() const;

    void shutdown();

private:
    bao::IoEngine &loop(); // started on first use, with the checks' threads

    const bao::BaoSettings m_settings;
    std::mutex m_mutex;
    std::condition_variable m_idle;
    int m_busy = 0;                                      // guarded by m_mutex
    std::unique_ptr<bao::IoEngine> m_loop;               // guarded by m_mutex
    std::vector<std::unique_ptr<bao::BaoClient>> m_warm; // guarded by m_mutex
    // The checks' threads: an IoEngine too, as a plain pool whose hand-over
    // (a std::mutex) ThreadSanitizer sees, unlike QThreadPool's.
    std::unique_ptr<bao::IoEngine> m_checks; // guarded by m_mutex
};

} // namespace baokeys::keyring
