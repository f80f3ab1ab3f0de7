#!/usr/bin/env bash
# scripts/check-layering.py passes on the tree and fails on each kind of
# wrong include, planted in a copy of the tree.
#   test_layering.sh LOG BUILD_DIR   (from the checkout's root)
set -uo pipefail
source "$(dirname "$0")/tap.sh"
log="$1"
source_dir="$PWD"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fresh_copy() {
  rm -rf "$work/tree"
  mkdir -p "$work/tree"
  cp -r "$source_dir/app" "$source_dir/core" "$source_dir/ui" "$work/tree/"
}

# plant FILE LINE: adds LINE as the first line of FILE in the copy.
plant() { sed -i "1i $2" "$work/tree/$1"; }

# refused WHAT: the check fails and its report says WHAT.
refused() {
  local report
  report=$(python3 "$source_dir/scripts/check-layering.py" --root "$work/tree" 2>&1)
  [ $? -eq 1 ] && grep -q "$1" <<<"$report" || { printf '# %s\n' "$report"; false; }
}

tap_begin "$log" 6

tap_check "the tree keeps its layers apart" python3 scripts/check-layering.py

fresh_copy
plant core/crypto/Hex.cpp '#include <QWidget>'
tap_check "core/ including QtWidgets is refused" refused 'core/crypto/Hex.cpp:1: #include <QWidget>'

fresh_copy
plant core/keyring/BaoStore.cpp '#include <QtGui/QImage>'
tap_check "core/ including QtGui is refused" refused 'core/keyring/BaoStore.cpp:1: .*rule 1'

fresh_copy
plant ui/keys/KeysPage.cpp '#include "core/bao/BaoClient.h"'
tap_check "ui/ including the client is refused" refused 'ui/keys/KeysPage.cpp:1: .*rule 2'

fresh_copy
plant core/keyring/BaoKeyring.cpp '#include "core/signer/SignerServer.h"'
tap_check "the client side including the signer is refused" refused 'core/keyring/BaoKeyring.cpp:1: .*rule 3'

fresh_copy
plant core/crypto/Hex.h '#include "core/keyring/BaoStore.h"'
tap_check "an include cycle between folders is refused" refused 'include cycle between folders.*core/crypto.*core/keyring'

tap_end
