#include "core/keyring/WorkerPriority.h"

#if defined(__linux__)
#include <algorithm>
#include <cerrno>
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace baokeys::keyring {

void WorkerPriority::lowerCurrentThreadOnce()
{
    thread_local bool lowered = false;
    if (lowered)
        return;
    lowered = true;
#if defined(__linux__)
    // On Linux, PRIO_PROCESS with a thread id applies to that thread only.
    const auto thread = static_cast<id_t>(gettid());
    errno = 0;
    const int current = getpriority(PRIO_PROCESS, thread);
    if (errno != 0)
        return; // best effort: a worker at normal priority still works
    (void)setpriority(PRIO_PROCESS, thread, std::min(19, current + NiceIncrement));
#endif
}

} // namespace baokeys::keyring
