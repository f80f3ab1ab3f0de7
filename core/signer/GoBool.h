#pragma once

#include <QStringView>
#include <optional>

namespace baokeys::signer {

// Reads a boolean the way Go's strconv.ParseBool does, because OpenBao does:
// 1 t T TRUE true True / 0 f F FALSE false False. Anything else: nullopt.
std::optional<bool> parseGoBool(QStringView text);

} // namespace baokeys::signer
