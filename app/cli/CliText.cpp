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

QString printable(const QString &value)
{
    QString shown;
    shown.reserve(value.size());
    for (const QChar c : value) {
        if (c == QLatin1Char('\n'))
            shown += QStringLiteral("\\n");
        else if (c == QLatin1Char('\r'))
            shown += QStringLiteral("\\r");
        else if (c == QLatin1Char('\t'))
            shown += QStringLiteral("\\t");
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            shown += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            shown += c;
    }
    return shown;
}

QString listed(const QStringList &names, int shown)
{
    if (names.size() <= shown)
        return names.join(QStringLiteral(", "));
    return tr("%1 and %2 more").arg(names.mid(0, shown).join(QStringLiteral(", "))).arg(names.size() - shown);
}

} // namespace baokeys::cli
