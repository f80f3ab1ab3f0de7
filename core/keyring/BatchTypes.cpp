#include "core/keyring/BatchTypes.h"

namespace baokeys::keyring {

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
