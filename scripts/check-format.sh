#!/usr/bin/env bash
# The house style, enforced: every tracked C++ file must be as clang-format
# (the .clang-format at the root) writes it.
#
#   scripts/check-format.sh         list the files that are not formatted; exit 1 if any
#   scripts/check-format.sh --fix   format them in place (also: cmake --build build --target format)
#
# Left out: the BIP-39 word list (data written as code) and everything generated
# (the build folders hold it, and git does not track them).
set -euo pipefail
cd "$(dirname "$0")/.."

CLANG_FORMAT=${CLANG_FORMAT:-clang-format-14}
command -v "$CLANG_FORMAT" >/dev/null 2>&1 || CLANG_FORMAT=clang-format
command -v "$CLANG_FORMAT" >/dev/null 2>&1 || { echo "check-format: clang-format is not installed (./dev deps)" >&2; exit 2; }

EXCLUDED='^core/crypto/Bip39WordList\.(cpp|h)$'
mapfile -t files < <(git ls-files '*.cpp' '*.h' | grep -Ev "$EXCLUDED")

if [ "${1:-}" = --fix ]; then
  "$CLANG_FORMAT" -i "${files[@]}"
  exit 0
fi

unformatted=()
for file in "${files[@]}"; do
  "$CLANG_FORMAT" --dry-run -Werror "$file" >/dev/null 2>&1 || unformatted+=("$file")
done
if [ ${#unformatted[@]} -gt 0 ]; then
  echo "check-format: ${#unformatted[@]} of ${#files[@]} C++ files are not formatted (scripts/check-format.sh --fix):" >&2
  printf '  %s\n' "${unformatted[@]}" >&2
  exit 1
fi
echo "check-format: all ${#files[@]} C++ files are formatted ($("$CLANG_FORMAT" --version | grep -o 'version [0-9.]*'))"
