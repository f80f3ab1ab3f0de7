#include "ThreadPlacement.h"

#include "ProcessThreads.h"

#ifdef Q_OS_LINUX
#include <sched.h>
#endif

namespace {

#ifdef Q_OS_LINUX
// The affinity every thread had before any placement.
const cpu_set_t &originalMask()
{
    static const cpu_set_t mask = [] {
        cpu_set_t set;
        CPU_ZERO(&set);
        if (sched_getaffinity(0, sizeof set, &set) != 0)
            CPU_SET(0, &set);
        return set;
    }();
    return mask;
}

cpu_set_t only(int cpu)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    return set;
}

// Applies `maskFor(name)` to every thread of this process.
template <typename MaskFor> bool placeAll(MaskFor maskFor)
{
    bool ok = true;
    for (const ProcessThreads::Thread &thread : ProcessThreads::list()) {
        const cpu_set_t mask = maskFor(thread.name);
        ok = sched_setaffinity(thread.tid, sizeof mask, &mask) == 0 && ok;
    }
    return ok;
}
#endif

} // namespace

int ThreadPlacement::allowedCpuCount()
{
#ifdef Q_OS_LINUX
    return CPU_COUNT(&originalMask());
#else
    return 1;
#endif
}

bool ThreadPlacement::separate(const QByteArray &namePrefix)
{
#ifdef Q_OS_LINUX
    if (allowedCpuCount() < 2)
        return false;
    int cpus[2] = {-1, -1};
    for (int cpu = 0, found = 0; cpu < CPU_SETSIZE && found < 2; ++cpu) {
        if (CPU_ISSET(cpu, &originalMask()))
            cpus[found++] = cpu;
    }
    const cpu_set_t own = only(cpus[0]);
    const cpu_set_t other = only(cpus[1]);
    if (placeAll([&](const QByteArray &name) { return name.startsWith(namePrefix) ? own : other; }))
        return true;
    restore();
    return false;
#else
    Q_UNUSED(namePrefix);
    return false;
#endif
}

void ThreadPlacement::restore()
{
#ifdef Q_OS_LINUX
    placeAll([](const QByteArray &) { return originalMask(); });
#endif
}
