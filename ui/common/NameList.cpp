#include "ui/common/NameList.h"

#include <QCoreApplication>

namespace baokeys::ui {

QString NameList::shortened(const QStringList &names, int shown)
{
    QStringList parts = names.mid(0, shown);
    // A plain variable for the count: lupdate (Qt 6.4) hangs on an argument
    // written as an expression in a translate() call.
    const int more = int(names.size()) - shown;
    if (more > 0)
        parts << QCoreApplication::translate("NameList", "and %Ln more", nullptr, more);
    return parts.join(QStringLiteral(", "));
}

} // namespace baokeys::ui
