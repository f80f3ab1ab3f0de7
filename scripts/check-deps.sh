#!/usr/bin/env bash
# Catches a missing install step: names every Debian package that the build or
# the tests used but that ./dev never installs, by name or as a dependency of a
# package it names. A green run on a machine that already has such a package
# (installed by hand, or by an earlier project) would hide it; a fresh machine
# would fail.
#
#   scripts/check-deps.sh [BUILD_DIR] [--dev FILE]
#
# What it looks at:
#   - the package config folders (*_DIR) BUILD_DIR/CMakeCache.txt records under
#     /usr/lib/*/cmake/, the programs the build runs (compiler, ninja, protoc),
#     the libraries its link lines name, and the pkg-config files of the
#     modules it asked for;
#   - every tool the tests, the benchmarks and the checks call (TOOLS below),
#     and the Python module hvac.
# Each is traced to the package that owns it (dpkg -S); each owner must be in
# the closure of ./dev's package lists (apt-cache depends --recurse).
# Exit 0 when all are covered, 1 naming the missing packages, 2 on bad use.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."

build=build
dev=./dev
while [ $# -gt 0 ]; do
  case "$1" in
    --dev)
      dev="${2:?--dev needs a file}"
      shift 2
      ;;
    -*)
      echo "usage: scripts/check-deps.sh [BUILD_DIR] [--dev FILE]" >&2
      exit 2
      ;;
    *)
      build="$1"
      shift
      ;;
  esac
done
cache="$build/CMakeCache.txt"
[ -f "$cache" ] || {
  echo "check-deps: $cache not found: build first (./dev build)" >&2
  exit 2
}

# Tools the tests, benchmarks and checks run, found on PATH (or by full path).
TOOLS=(
  cmake ctest ninja ccache pkg-config protoc
  wrk node npm /usr/bin/python3
  xvfb-run Xvfb xauth dbus-daemon gnome-keyring-daemon
  /usr/lib/qt6/bin/lupdate /usr/lib/qt6/bin/lrelease
  clang-format-14
)

# The packages ./dev names: its PACKAGES, NODE_PACKAGES and FUZZ_PACKAGES arrays.
named=$(sed -n '/^PACKAGES=(/,/^)/p; /^NODE_PACKAGES=(/p; /^FUZZ_PACKAGES=(/p' "$dev" |
  sed 's/#.*//; s/^[A-Z_]*=(//; s/)//' | tr -s ' \t' '\n\n' | grep -E '^[a-z0-9][a-z0-9.+-]+$' | sort -u)
[ -n "$named" ] || {
  echo "check-deps: no PACKAGES list found in $dev" >&2
  exit 2
}
# shellcheck disable=SC2086 # one package name a word
closure=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
  --no-replaces --no-enhances $named 2>/dev/null | grep -v '^ ' | sed 's/:.*//; s/[<>]//g' | sort -u)
closure=$(printf '%s\n%s\n' "$named" "$closure" | sort -u)

# owners PATH -> the packages that own PATH, one a line (a folder can have
# several), following symlinks such as /etc/alternatives; or nothing.
owners() {
  local path="$1" found
  for candidate in "$path" "$(readlink -f "$path")"; do
    found=$(dpkg -S "$candidate" 2>/dev/null | sed -n 's/: .*//; 1p' | tr ',' '\n' | sed 's/ //g; s/:.*//') || true
    [ -n "$found" ] && {
      echo "$found"
      return 0
    }
  done
  return 0
}

used=()
# Package config folders CMake found (Qt6*_DIR, Boost_DIR, ...), the programs
# the build runs, and the libraries it links (read from the link lines, so
# what FindOpenGL and the like only looked for does not count).
while IFS= read -r path; do
  [ -e "$path" ] && used+=("$path")
done < <({
  # A config folder can be shared by several packages; its config file is not.
  grep -E '^[A-Za-z0-9_.+-]+_DIR:PATH=/usr/lib/[^/]+/cmake/' "$cache" | sed 's/:PATH=/ /' |
    while read -r entry dir; do
      name=${entry%_DIR}
      config=$(ls "$dir/${name}Config.cmake" "$dir/${name,,}-config.cmake" 2>/dev/null | head -n 1) || true
      echo "${config:-$dir}"
    done
  grep -E '^(CMAKE_CXX_COMPILER|CMAKE_MAKE_PROGRAM|Protobuf_PROTOC_EXECUTABLE|PKG_CONFIG_EXECUTABLE):FILEPATH=' \
    "$cache" | cut -d= -f2-
  grep -ohE '/usr/[^ ]+\.(so|a)(\.[0-9.]+)?\b' "$build/build.ninja"
} | sort -u)
# pkg-config modules the build asked for.
while IFS= read -r module; do
  pc=$(pkg-config --path "$module" 2>/dev/null) || true
  [ -n "$pc" ] && used+=("$pc")
done < <(grep -E '^[A-Za-z0-9_]+_MODULE_NAME:INTERNAL=' "$cache" | cut -d= -f2 | sort -u)
# Tools.
for tool in "${TOOLS[@]}"; do
  path=$(command -v "$tool" 2>/dev/null) || true
  if [ -z "$path" ]; then
    echo "check-deps: the tests call '$tool', which is not installed" >&2
    missing_tools=1
    continue
  fi
  used+=("$path")
done
# The Python module the interoperability test imports.
hvac=$(/usr/bin/python3 -c 'import hvac, os; print(os.path.dirname(hvac.__file__))' 2>/dev/null) || true
if [ -n "$hvac" ]; then used+=("$hvac"); else
  echo "check-deps: the tests import the Python module hvac, which /usr/bin/python3 cannot find" >&2
  missing_tools=1
fi

missing=()
checked=0
declare -A seen=()
for path in "${used[@]}"; do
  pkgs=$(owners "$path")
  [ -n "$pkgs" ] || continue # not from a Debian package (e.g. a file CMake generated)
  key=$(tr '\n' ' ' <<<"$pkgs")
  [ -n "${seen[$key]:-}" ] && continue
  seen[$key]=1
  checked=$((checked + 1))
  # Covered when any owner is installed by ./dev (a shared folder has several).
  grep -qxF -f <(printf '%s\n' "$pkgs") <<<"$closure" || missing+=("$(echo $key) (for $path)")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "check-deps: the build or the tests used packages that $dev never installs (a fresh machine fails):" >&2
  printf '  %s\n' "${missing[@]}" >&2
  exit 1
fi
[ -z "${missing_tools:-}" ] || exit 1
echo "check-deps: the ${checked} packages (or folders shared by packages) that the build and the tests used are all installed by $dev"
