#!/usr/bin/env bash
# Builds the screenshot tool and saves PNGs of the real windows into
# docs/screenshots/ (main window, provisioning mid-batch, batch-signing chart),
# under a virtual X server so it works on a headless machine.
#
#   scripts/screenshots.sh [BUILD_DIR] [--language vi] [--latency MS]
#
# The signer answers after MS milliseconds (150 by default, a remote
# OpenBao's), so the chart shows the batch as an operator sees it.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${1:-build}"
shift || true
OUT_DIR="docs/screenshots"

if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$BUILD_DIR" --target baokeys-screenshots
mkdir -p "$OUT_DIR"

run() {
  if [ -n "${DISPLAY:-}" ] && [ "${SCREENSHOTS_USE_DISPLAY:-0}" = 1 ]; then
    "$@"
  else
    # A fixed-size screen with 24-bit colour; -a picks a free display number.
    xvfb-run -a -s "-screen 0 1440x900x24" "$@"
  fi
}

run "$BUILD_DIR/bin/baokeys-screenshots" "$OUT_DIR" "$@"
ls -l "$OUT_DIR"/*.png
