#include "ThreadCpu.h"

#include <QDir>
#include <QFile>

namespace {

QByteArray readFirstLine(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readLine().trimmed();
}

} // namespace

ThreadCpu::Snapshot ThreadCpu::take()
{
    Snapshot threads;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QByteArray name = readFirstLine(tasks.filePath(tid + QStringLiteral("/comm")));
        const QByteArray schedstat = readFirstLine(tasks.filePath(tid + QStringLiteral("/schedstat")));
        bool ok = false;
        const qint64 onCpuNs = schedstat.split(' ').value(0).toLongLong(&ok);
        if (ok && !name.isEmpty())
            threads.insert(name + '/' + tid.toLatin1(), onCpuNs);
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
