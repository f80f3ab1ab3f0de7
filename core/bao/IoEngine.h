#pragma once

#include <functional>
#include <memory>

namespace baokeys::bao {

// The event loop of asynchronous clients (BaoClient's lane constructor): one
// asio io_context run by a few threads, however many connections it drives.
// A batch lane then costs a socket, not a thread: 1024 requests in flight
// are 1024 sockets on `threads` threads, which is what lets a client on two
// cores keep up with the signer (see bench/peers/run.sh).
//
// Thread-safety: the constructor starts the threads; the destructor stops the
// loop and joins them, so every client on it must be gone by then.
class IoEngine {
public:
    // `name` names the threads (at most 15 characters: top, perf, /proc);
    // `onThreadStart` runs first on each of them (e.g. to lower its priority).
    IoEngine(int threads, const char *name, std::function<void()> onThreadStart = {});
    ~IoEngine();
    IoEngine(const IoEngine &) = delete;
    IoEngine &operator=(const IoEngine &) = delete;

    int threadCount() const;
    // Runs `work` on one of the loop's threads.
    void post(std::function<void()> work);

    struct Loop; // the io_context; defined where asio is included (IoLoop.h)
    Loop &loop() const;

private:
    std::unique_ptr<Loop> m_loop;
};

} // namespace baokeys::bao
