#pragma once

#include <QStringView>

namespace baokeys::signer::KeyName {

// Longest key name the engine accepts. OpenBao sets no limit, but a name is
// also a file name in persistent mode, so it stays well under NAME_MAX.
inline constexpr int MaxLength = 128;

// OpenBao's generic name pattern \w(([\w-.]+)?\w)? with Go's ASCII-only \w:
// letters, digits and '_', with '-' and '.' allowed inside. Anything else
// (slashes, "..", spaces, empty, leading/trailing '-' or '.') is refused.
bool isValid(QStringView name);

} // namespace baokeys::signer::KeyName
