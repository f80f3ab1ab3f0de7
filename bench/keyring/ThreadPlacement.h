#pragma once

#include <QByteArray>

// Places this process's threads on CPUs by thread name. The keyring benchmark
// uses it to run the throughput case a second way, as production runs: the
// signer on a core of its own (OpenBao is a server elsewhere), the client and
// wrk sharing the other. On a machine where both share every core, the ratio
// measures how the cores were split as much as the client.
// Linux only; elsewhere separate() refuses.
//
// Thread-safety: call from the main thread, while no thread is being started.
class ThreadPlacement {
public:
    // Threads whose name starts with `namePrefix` go to the first CPU the
    // process may use; every other thread of the process, the calling one
    // included, to the second.
    // Threads and processes started afterwards inherit the mask of the thread
    // that starts them. False when the machine has fewer than two CPUs
    // allowed or the kernel refuses; nothing is moved then.
    static bool separate(const QByteArray &namePrefix);
    // Every thread back on all the CPUs the process was allowed at start.
    static void restore();
    // The CPUs this process may use (its affinity at the first call).
    static int allowedCpuCount();
};
