#pragma once

#include <QByteArray>
#include <QList>

// The living threads of this process, by id and name, from /proc/self/task.
// The keyring benchmark reads them to split CPU time by thread (ThreadCpu)
// and to place threads on cores (ThreadPlacement). Linux only; elsewhere the
// list is empty.
//
// Thread-safety: stateless; call from any thread.
class ProcessThreads {
public:
    struct Thread {
        int tid = 0;
        QByteArray name; // as set with pthread_setname_np, e.g. "signer-io"
    };
    static QList<Thread> list();
    // The first line of /proc/self/task/<tid>/<file>, trimmed; empty if unreadable.
    static QByteArray readTaskFile(int tid, const char *file);
};
