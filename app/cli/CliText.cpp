#include "cli/CliText.h"

#include <QCoreApplication>

namespace baokeys::cli {

QString tr(const char *text)
{
    return QCoreApplication::translate("baokeys-cli", text);
}

QString yesNo(bool value)
{
    return value ? tr("yes") : tr("no");
}

} // namespace baokeys::cli
