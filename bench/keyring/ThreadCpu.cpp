#include "ThreadCpu.h"

#include "ProcessThreads.h"

ThreadCpu::Snapshot ThreadCpu::take()
{
    Snapshot threads;
    for (const ProcessThreads::Thread &thread : ProcessThreads::list()) {
        const QByteArray schedstat = ProcessThreads::readTaskFile(thread.tid, "schedstat");
        bool ok = false;
        const qint64 onCpuNs = schedstat.split(' ').value(0).toLongLong(&ok);
        if (ok && !thread.name.isEmpty())
            threads.insert(thread.name + '/' + QByteArray::number(thread.tid), onCpuNs);
    }
    return threads;
}

ThreadCpu::Snapshot ThreadCpu::delta(const Snapshot &before, const Snapshot &after)
{
    Snapshot spent;
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        spent[it.key()] = qMax<qint64>(0, it.value() - before.value(it.key()));
    return spent;
}

qint64 ThreadCpu::sum(const Snapshot &spent, const QByteArray &namePrefix)
{
    qint64 total = 0;
    for (auto it = spent.cbegin(); it != spent.cend(); ++it) {
        if (it.key().startsWith(namePrefix))
            total += it.value();
    }
    return total;
}
