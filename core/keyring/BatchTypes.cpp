#include "core/keyring/BatchTypes.h"

#include <sys/resource.h>

#include <algorithm>

namespace baokeys::keyring {

int signParallelismLimit()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return DefaultMaxSignParallelism;
    const auto budget = std::max<rlim_t>(limit.rlim_cur, ReservedFiles + 1) - ReservedFiles;
    return int(std::min<rlim_t>(budget, DefaultMaxSignParallelism));
}

QString batchItemStateName(BatchItemState state)
{
    switch (state) {
    case BatchItemState::Queued:
        return QStringLiteral("queued");
    case BatchItemState::Started:
        return QStringLiteral("started");
    case BatchItemState::Succeeded:
        return QStringLiteral("succeeded");
    case BatchItemState::Failed:
        return QStringLiteral("failed");
    case BatchItemState::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

} // namespace baokeys::keyring
