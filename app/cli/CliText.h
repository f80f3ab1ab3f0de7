#pragma once

#include <QString>
#include <QStringList>

// The CLI's user-facing words, all in one translation context
// ("baokeys-cli"). The CLI speaks English: translations/ covers the desktop
// app only (qt_add_translations runs lupdate over ui/), and no .qm is loaded
// by baokeys-cli. The one context keeps every command's strings together for
// the day the CLI is translated, and scripts that parse its output are not
// broken by a locale meanwhile.
namespace baokeys::cli {

QString tr(const char *text);
QString yesNo(bool value); // "yes" / "no"
// `value` as one printable line for a message: control characters shown as
// \n, \r, \t or \xNN, so an error about a value never spans lines.
QString printable(const QString &value);
// "a, b, c and 4 more": the first `shown` names, then how many others.
QString listed(const QStringList &names, int shown = 3);

} // namespace baokeys::cli
