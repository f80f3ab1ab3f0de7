#include "ui/common/BackgroundPriority.h"

#include <QtGlobal>

#ifdef Q_OS_LINUX
#include <QDir>
#include <cerrno>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace baokeys::ui {

int BackgroundPriority::lowerOtherThreads()
{
#ifdef Q_OS_LINUX
    const auto self = pid_t(::syscall(SYS_gettid));
    const QStringList tasks =
        QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    int lowered = 0;
    for (const QString &task : tasks) {
        bool ok = false;
        const auto tid = pid_t(task.toInt(&ok));
        if (!ok || tid == self)
            continue;
        errno = 0;
        const int current = ::getpriority(PRIO_PROCESS, id_t(tid));
        if (errno != 0 || current >= WorkerNice)
            continue;
        if (::setpriority(PRIO_PROCESS, id_t(tid), WorkerNice) == 0)
            ++lowered;
    }
    return lowered;
#else
    return 0;
#endif
}

} // namespace baokeys::ui
