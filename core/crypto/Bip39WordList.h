#pragma once

#include <QStringView>
#include <string_view>

// The compiled-in BIP-39 English word list. Immutable data: thread-safe.
namespace baokeys::crypto::Bip39 {

inline constexpr int WordCount = 2048;

// The word at `index` (0..2047).
std::string_view englishWord(int index);
// Index of `word` in the list (exact, lower-case match), or -1.
int indexOfEnglishWord(QStringView word);
// True when the list is strictly ascending, which lookups rely on.
bool englishWordListIsSorted();

} // namespace baokeys::crypto::Bip39
