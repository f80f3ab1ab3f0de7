#include "core/keyring/BatchTypes.h"

#include "core/common/OpenFileLimit.h"

#include <algorithm>
#include <limits>

namespace baokeys::keyring {

int laneBudget()
{
    const auto soft = OpenFileLimit::soft();
    if (!soft)
        return std::numeric_limits<int>::max();
    const auto budget = std::max<rlim_t>(*soft, ReservedFiles + 1) - ReservedFiles;
    return int(std::min<rlim_t>(budget, rlim_t(std::numeric_limits<int>::max())));
}

int signParallelismLimit()
{
    return std::min(laneBudget(), DefaultMaxSignParallelism);
}

QString batchItemStateName(BatchItemState state)
{
    switch (state) {
    case BatchItemState::Queued:
        return QStringLiteral("queued");
    case BatchItemState::Started:
        return QStringLiteral("started");
    case BatchItemState::Answered:
        return QStringLiteral("answered");
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
