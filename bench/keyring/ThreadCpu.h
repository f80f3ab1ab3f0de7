#pragma once

#include <QByteArray>
#include <QMap>

// CPU time per thread name in this process, from /proc/self/task/*/schedstat
// (nanoseconds on CPU, exact, unlike the tick-based /stat). The keyring
// benchmark uses it to split the cost of a signature between the signer's
// threads and the client's. Linux only; elsewhere the snapshot is empty.
//
// Thread-safety: a snapshot is a plain value; take() may run on any thread.
class ThreadCpu {
public:
    // On-CPU nanoseconds of each living thread, keyed "<name>/<tid>".
    using Snapshot = QMap<QByteArray, qint64>;
    static Snapshot take();
    // after - before, per thread; a thread started in between counts from 0,
    // one that ended in between is left out (its time is lost).
    static Snapshot delta(const Snapshot &before, const Snapshot &after);
    // The sum over the threads whose name starts with `namePrefix`.
    static qint64 sum(const Snapshot &spent, const QByteArray &namePrefix);
};
