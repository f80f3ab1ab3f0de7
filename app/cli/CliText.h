#pragma once

#include <QString>

// The CLI's user-facing words, translated in one context ("baokeys-cli") so
// that every command's strings sit together in translations/.
namespace baokeys::cli {

QString tr(const char *text);
QString yesNo(bool value); // "yes" / "no"

} // namespace baokeys::cli
