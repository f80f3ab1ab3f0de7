#!/usr/bin/env bash
# Benchmark (not a test): wrk against baokeys-signer's sign endpoint.
#   bench/signer-wrk.sh [path/to/baokeys-signer]   (default: build/bin/baokeys-signer)
# 1) throughput of POST sign/:name at 1, 16, 64 and 256 connections, next to
#    sys/health (no crypto, no JSON body) at the same connections as the
#    front's own ceiling; 2) with --latency 200ms, p50/p99 at 256 in flight
#    and the ratio to the ideal 256 / 0.2 s = 1280 requests/s.
# About 45 s in all (5 s per wrk run).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${1:-$here/../build/bin/baokeys-signer}"
duration="${BAOKEYS_BENCH_DURATION:-5s}"
token="bench-token"
export BAOKEYS_BENCH_TOKEN="$token"
command -v wrk >/dev/null || { echo "wrk is not installed" >&2; exit 2; }
[ -x "$bin" ] || { echo "no baokeys-signer at $bin (build it, or pass its path)" >&2; exit 2; }

work="$(mktemp -d)"
# The wrk script: POST sign requests to one key; one machine-readable line
# with throughput and latency percentiles at the end.
cat >"$work/sign.lua" <<'LUA'
-- wrk script for bench/signer-wrk.sh: POST sign requests to one key and
-- print one machine-readable line with throughput and latency percentiles.
local token = os.getenv("BAOKEYS_BENCH_TOKEN") or "bench-token"
local path = os.getenv("BAOKEYS_BENCH_PATH") or "/v1/secp256k1/sign/bench-key"

wrk.method = "POST"
wrk.path = path
wrk.body = '{"input":"YmFva2V5cyBiZW5jaG1hcmsgbWVzc2FnZQ=="}'
wrk.headers["X-Vault-Token"] = token
wrk.headers["Content-Type"] = "application/json"

function done(summary, latency, requests)
   local seconds = summary.duration / 1e6
   local bad = summary.errors.status + summary.errors.connect + summary.errors.read +
               summary.errors.write + summary.errors.timeout
   io.write(string.format("RESULT rps=%.1f p50_ms=%.1f p99_ms=%.1f requests=%d errors=%d\n",
      summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      summary.requests, bad))
end
LUA
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# start_signer NAME ARGS... -> sets $address (not run in a subshell, so the
# pid lands in $pids and the trap can stop it)
start_signer() {
  local name="$1"; shift
  "$bin" --dev --dev-root-token-id "$token" --listen 127.0.0.1:0 "$@" >"$work/$name.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do
    grep -q 'Api Address:' "$work/$name.log" 2>/dev/null && break
    sleep 0.05
  done
  address="$(sed -n 's/.*Api Address: *//p' "$work/$name.log")"
  [ -n "$address" ] || { echo "baokeys-signer did not start:" >&2; cat "$work/$name.log" >&2; exit 1; }
}

create_key() {
  curl -fsS -o /dev/null -X POST -H "X-Vault-Token: $token" "$1/v1/secp256k1/keys/bench-key" -d '{}'
}

# run_wrk ADDRESS CONNECTIONS PATH -> "rps p50 p99 requests errors"
run_wrk() {
  local threads=2
  [ "$2" -lt 2 ] && threads=1
  BAOKEYS_BENCH_PATH="$3" wrk -t"$threads" -c"$2" -d"$duration" --timeout 5s -s "$work/sign.lua" "$1" |
    sed -n 's/^RESULT rps=\([^ ]*\) p50_ms=\([^ ]*\) p99_ms=\([^ ]*\) requests=\([^ ]*\) errors=\([^ ]*\)/\1 \2 \3 \4 \5/p'
}

start_signer fast; fast="$address"
create_key "$fast"
echo "baokeys-signer: $bin (2 I/O threads), wrk $duration per run, $(nproc) cores shared"
echo
echo "Throughput: POST /v1/secp256k1/sign/bench-key (sha256 + RFC 6979 ECDSA + JSON), no injected latency"
printf '%-12s %12s %10s %10s %8s %14s %8s\n' connections 'sign req/s' 'p50 ms' 'p99 ms' errors 'health req/s' ratio
for c in 1 16 64 256; do
  read -r rps p50 p99 _ errors < <(run_wrk "$fast" "$c" /v1/secp256k1/sign/bench-key)
  # The front alone: sys/health, no crypto, for the same connection count.
  health=$(wrk -t"$([ "$c" -lt 2 ] && echo 1 || echo 2)" -c"$c" -d2s "$fast/v1/sys/health" |
    sed -n 's/^Requests\/sec: *//p')
  ratio=$(awk -v a="$rps" -v b="$health" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  printf '%-12s %12s %10s %10s %8s %14s %8s\n' "$c" "$rps" "$p50" "$p99" "$errors" "$health" "$ratio"
done

start_signer slow --latency 200ms; slow="$address"
create_key "$slow"
echo
echo "Injected latency: --latency 200ms, 256 connections in flight (ideal: 256 / 0.2 s = 1280 req/s, p50 = 200 ms)"
read -r rps p50 p99 requests errors < <(run_wrk "$slow" 256 /v1/secp256k1/sign/bench-key)
ratio=$(awk -v a="$rps" 'BEGIN { printf "%.2f", a / 1280 }')
printf '%-12s %12s %10s %10s %8s %10s\n' connections 'req/s' 'p50 ms' 'p99 ms' errors 'vs ideal'
printf '%-12s %12s %10s %10s %8s %10s\n' 256 "$rps" "$p50" "$p99" "$errors" "$ratio"
