#pragma once

namespace baokeys::keyring {

// Gives the calling thread a lower CPU priority than the rest of the
// application, once per thread. Batch workers call it before their first
// request: on a machine with few cores, hundreds of workers (and, over
// QtNetwork, the HTTP threads their managers start, which inherit the priority)
// would otherwise compete on equal terms with the GUI thread and keep it
// waiting for a CPU. Linux: the thread's nice value is raised by 5 (never
// lowered: that needs privileges). Elsewhere: nothing.
//
// Thread-safety: acts on the calling thread only; call from any thread.
class WorkerPriority {
public:
    static constexpr int NiceIncrement = 5;
    static void lowerCurrentThreadOnce();
};

} // namespace baokeys::keyring
