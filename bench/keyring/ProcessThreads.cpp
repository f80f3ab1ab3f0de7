#include "ProcessThreads.h"

#include <QDir>
#include <QFile>

namespace {

const QString TaskDir = QStringLiteral("/proc/self/task");

} // namespace

QList<ProcessThreads::Thread> ProcessThreads::list()
{
    QList<Thread> threads;
    for (const QString &entry : QDir(TaskDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool ok = false;
        const int tid = entry.toInt(&ok);
        if (ok)
            threads.append({tid, readTaskFile(tid, "comm")});
    }
    return threads;
}

QByteArray ProcessThreads::readTaskFile(int tid, const char *file)
{
    QFile task(TaskDir + QLatin1Char('/') + QString::number(tid) + QLatin1Char('/') + QLatin1String(file));
    if (!task.open(QIODevice::ReadOnly))
        return {};
    return task.readLine().trimmed();
}
