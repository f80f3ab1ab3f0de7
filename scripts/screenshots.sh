#!/usr/bin/env bash
# Builds the screenshot tool and saves PNGs of the real windows into
# docs/screenshots/ (main window, provisioning mid-batch, batch-signing chart,
# and Grant fees when Node and the test chain server's npm packages are here:
# .cache/chain-node, as ./dev installs them), under a virtual X server so it
# works on a headless machine.
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

# Grant fees needs a chain: tests/chain/server.mjs, with the shared grant
# vector's granter (tests/data/cosmos-vectors.json) funded on it.
CHAIN_ARGS=()
if command -v node >/dev/null 2>&1 && [ -f .cache/chain-node/node_modules/@cosmjs/proto-signing/package.json ]; then
  KEY_FILE="$(mktemp)"
  trap 'rm -f "$KEY_FILE"' EXIT
  GRANTER="$(python3 - "$KEY_FILE" <<'PY'
import json, sys
data = json.load(open('tests/data/cosmos-vectors.json'))
tx = next(t for t in data['txs'] if t['kind'] == 'MsgGrantAllowance x4 (BasicAllowance)')
key = next(k for k in data['keys'] if tx['signer'] in k.values())
open(sys.argv[1], 'w').write(key['privkey_hex'] + '\n')
print(tx['signer'])
PY
)"
  coproc CHAIN { exec node tests/chain/server.mjs --modules .cache/chain-node --chain-id mocha-4 \
    --account "$GRANTER=100000000utia"; }
  read -r FIRST <&"${CHAIN[0]}"
  PORT="$(echo "$FIRST" | python3 -c 'import json,sys; print(json.load(sys.stdin)["port"])')"
  CHAIN_ARGS=(--chain-node "http://127.0.0.1:$PORT" --granter-key-file "$KEY_FILE")
fi

run "$BUILD_DIR/bin/baokeys-screenshots" "$OUT_DIR" "${CHAIN_ARGS[@]}" "$@"
ls -l "$OUT_DIR"/*.png
