#pragma once

namespace baokeys::ui {

// Keeps the GUI thread ahead of background work on a busy machine: the
// keyring's batch workers and the embedded signer's threads are lowered to
// a higher nice value (Linux: per-thread setpriority on /proc/self/task), so
// the scheduler lets the GUI thread in first when it wakes. Lowering a
// thread's priority needs no privilege; threads already lower are left as
// they are, and the calling (GUI) thread is never touched. Elsewhere a no-op.
//
// Thread-safety: call from the GUI thread; cheap enough to call every tick
// (threads a pool starts later are caught by the next call).
class BackgroundPriority {
public:
    static constexpr int WorkerNice = 8;

    // Returns the number of threads lowered by this call.
    static int lowerOtherThreads();
};

} // namespace baokeys::ui
