#include "ui/common/AppResources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
static void registerBaoKeysResources()
{
    Q_INIT_RESOURCE(baokeys);
}

namespace baokeys::ui {

void initResources()
{
    static const bool done = [] {
        registerBaoKeysResources();
        return true;
    }();
    Q_UNUSED(done);
}

QIcon appIcon()
{
    initResources();
    return QIcon(QStringLiteral(":/icons/baokeys.svg"));
}

} // namespace baokeys::ui
