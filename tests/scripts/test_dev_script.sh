#!/usr/bin/env bash
# ./dev fails loudly: a failed install, configure or build, or a build folder
# without tests, ends ./dev with a non-zero exit and names the step. Runs a
# copy of ./dev with fakes of cmake, apt-get and dpkg-query first on PATH.
# Also: scripts/check-deps.sh names a package ./dev does not install, and
# scripts/check-format.sh finds an unformatted file.
#   test_dev_script.sh LOG BUILD_DIR   (from the checkout's root)
set -uo pipefail
source "$(dirname "$0")/tap.sh"
log="$1"
build="$2"
source_dir="$PWD"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# new_clone: a checkout with today's ./dev and scripts, and a fake bin folder.
new_clone() {
  rm -rf "$work/clone" "$work/bin"
  mkdir -p "$work/clone/.cache/interop-node/node_modules/node-vault" "$work/bin"
  cp "$source_dir/dev" "$work/clone/dev"
  cp -r "$source_dir/scripts" "$work/clone/scripts"
  # node-vault counts as installed: these cases never reach the registry.
  echo '{}' >"$work/clone/.cache/interop-node/node_modules/node-vault/package.json"
}

# fake NAME BODY: a command that runs BODY (bash) instead of the real one.
fake() {
  printf '#!/usr/bin/env bash\n%s\n' "$2" >"$work/bin/$1"
  chmod +x "$work/bin/$1"
}

# run_dev ARGS...: ./dev in the clone with the fakes first on PATH; sets
# status and output.
run_dev() {
  output=$(cd "$work/clone" && PATH="$work/bin:$PATH" ./dev "$@" 2>&1 </dev/null)
  status=$?
}

failed_naming() { # failed_naming STEP: non-zero exit, and the step named
  [ "$status" -ne 0 ] && grep -q "FAILED: $1" <<<"$output" ||
    { printf '# exit %s, output:\n%s\n' "$status" "$(sed 's/^/#   /' <<<"$output" | tail -n 20)"; false; }
}

tap_begin "$log" 12

# cmake that makes its build folder, then fails to configure.
for command in test build run bench; do
  new_clone
  fake cmake 'for a in "$@"; do case "$prev" in -B) mkdir -p "$a";; esac; prev=$a; done; exit 1'
  run_dev "$command"
  tap_check "./dev $command exits non-zero when CMake cannot configure" failed_naming configure
done

new_clone
fake cmake 'if [ "$1" = --build ]; then exit 1; fi
for a in "$@"; do case "$prev" in -B) mkdir -p "$a"; touch "$a/build.ninja";; esac; prev=$a; done'
run_dev test
tap_check "./dev test exits non-zero when the build fails" failed_naming build

new_clone
fake cmake 'for a in "$@"; do case "$prev" in -B) mkdir -p "$a"; touch "$a/build.ninja";; esac; prev=$a; done; exit 0'
run_dev test
tap_check "./dev test exits non-zero when the build folder holds no test" failed_naming test

new_clone
fake dpkg-query 'exit 1'
fake apt-get 'exit 100'
run_dev test
tap_check "./dev test exits non-zero when a package cannot be installed" failed_naming install

new_clone
run_dev test --sanitize bogus
tap_check "./dev test refuses an unknown sanitizer" test "$status" -eq 2

# check-deps: ./dev without packages the build uses and a tool the tests call.
# libqt6opengl6-dev is the one a fresh machine once lacked; only a build with
# the desktop app (Qt Charts) uses it.
sed 's/ libqt6opengl6-dev\b//; s/ libsecp256k1-dev\b//; s/ wrk\b//' "$source_dir/dev" >"$work/dev-missing"
deps=$(scripts/check-deps.sh "$build" --dev "$work/dev-missing" 2>&1)
deps_status=$?
expected=(libsecp256k1-dev wrk)
grep -q '^Qt6OpenGL_DIR:' "$build/CMakeCache.txt" && expected+=(libqt6opengl6-dev)
names_all() {
  [ "$deps_status" -eq 1 ] || { printf '# exit %s:\n%s\n' "$deps_status" "$(sed 's/^/#   /' <<<"$deps")"; return 1; }
  local package
  for package in "${expected[@]}"; do
    grep -q "^  $package " <<<"$deps" || { printf '# %s not named:\n%s\n' "$package" "$(sed 's/^/#   /' <<<"$deps")"; return 1; }
  done
}
tap_check "check-deps names the packages ./dev leaves out (${expected[*]})" names_all

# check-format: an unformatted file in a checkout fails the check, by name.
mkdir -p "$work/fmt/scripts"
cp "$source_dir/.clang-format" "$work/fmt/"
cp "$source_dir/scripts/check-format.sh" "$work/fmt/scripts/"
printf 'int  main( ) {return 0 ;}\n' >"$work/fmt/Bad.cpp"
(cd "$work/fmt" && git init -q && git add -A)
fmt=$("$work/fmt/scripts/check-format.sh" 2>&1)
fmt_status=$?
tap_check "check-format fails on an unformatted file and names it" \
  bash -c '[ "$0" -eq 1 ] && grep -q "Bad.cpp" <<<"$1"' "$fmt_status" "$fmt"

# test-counts: a suite whose log stops half-way, and one that left no log.
mkdir -p "$work/logs"
functions=$("$build/bin/test_crypto_hex" -functions | grep -c '()$')
"$build/bin/test_crypto_hex" -o "$work/logs/test_crypto_hex.txt,txt" >/dev/null 2>&1
head -n 3 "$work/logs/test_crypto_hex.txt" >"$work/logs/cut.txt"
mv "$work/logs/cut.txt" "$work/logs/test_crypto_hex.txt"
counts=$(scripts/test-counts.py "$build" --logs "$work/logs" --suite test_crypto_hex 2>&1)
counts_status=$?
tap_check "test-counts fails a suite that ran fewer tests than its $functions" \
  bash -c '[ "$0" -eq 1 ] && grep -q "test_crypto_hex: ran [0-9]* of $2" <<<"$1"' "$counts_status" "$counts" "$functions"
counts=$(scripts/test-counts.py "$build" --logs "$work/logs" --suite test_crypto_bech32 2>&1)
counts_status=$?
tap_check "test-counts fails a suite that left no log" \
  bash -c '[ "$0" -eq 1 ] && grep -q "test_crypto_bech32: no log" <<<"$1"' "$counts_status" "$counts"

tap_end
