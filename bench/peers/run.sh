#!/usr/bin/env bash
# Peer benchmark: the same signing workloads through baokeys-cli batch sign,
# python3-hvac (thread pool), node-vault (Promise.all) and wrk (the raw-HTTP
# limit), against the embedded signer (baokeys-signer --dev) on loopback.
#
#   bench/peers/run.sh BUILD_DIR
#
# Workloads (keys bench-1..bench-K, the same message, the same key order):
#   throughput  zero latency, N = 5000 over 50 keys, 64 requests in flight: signs/s
#   latency     200 ms signer latency, N = 64 and N = 256, all in flight: wall ms vs
#               the ideal 200 ms; N = 1024 through baokeys-cli only, at its default
#               parallelism (all in flight)
#
# Then one line per target of the batch engine (issue 17), each a ratio from
# this run: "target X: <what> measured R (goal G) PASS|MISS":
#   1  baokeys-cli's CPU (user + system, process start included) per verified
#      signature in the throughput row, over the CPU of the local check alone
#      (build/bin/baokeys-bench-verify: the same verification, nothing else);
#      beside it the floor any client meets on this machine: the verification
#      plus wrk's CPU per request (its user + system time over its requests)
#   2  cold baokeys-cli batch sign, process start included, over the latency:
#      N = 256 and N = 1024, all in flight; beside it the floor of this
#      machine: h2load (nghttp2's load generator, a lean C client that
#      neither reads the JSON nor verifies) sending the same cold batch over
#      HTTP/1.1, one new connection per request, timed the same way
#      The same two batches again over HTTPS (a TLS signer, as production
#      OpenBao runs), where the CLI's lanes speak HTTP/2 over a few shared
#      connections: beside them h2load's HTTP/2 floor (streams over
#      ceil(N/250) connections per thread) and baokeys-cli with
#      BAOKEYS_HTTP2=0 (a TLS handshake per lane, as before HTTP/2)
#   3  zero-latency throughput over wrk's at the same connection count
#   4  fairness at zero latency: p99 over p50 of the items' latencies within a
#      batch (and the slowest item over p50, so a starved lane shows)
#   5  zero-latency throughput over the best peer client's
#   6  the desktop app's 10,000-signature batch: bench/gui (./dev bench gui) prints it
# Each client's figure is the median of 3 runs (5 for the short latency rows),
# timed inside the client (the signing only, not process start-up); wrk runs
# 3 s (2 s for the latency rows) and its wall figure is N / (requests per second). node-vault is installed
# into BUILD_DIR/bench-peers/node with `npm install --prefix` on first use.
# Not a test: nothing here fails on a slow machine; it prints what it measured.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
build="$(cd "${1:?usage: bench/peers/run.sh BUILD_DIR}" && pwd)"
cli="$build/bin/baokeys-cli"
signer="$build/bin/baokeys-signer"
verify="$build/bin/baokeys-bench-verify"
python=/usr/bin/python3          # Debian's python with python3-hvac, not a pyenv one
work="$build/bench-peers"
runs=3          # per client for the throughput row; the short latency rows get 5
throughput_n=5000 throughput_keys=50 throughput_concurrency=64
latency_ms=200
token="bench-root-token"
message_hex="$(printf 'baokeys peer benchmark' | sha256sum | cut -d' ' -f1)"

for tool in "$cli" "$signer" "$verify"; do
  [ -x "$tool" ] || { echo "missing $tool: build the baokeys-cli, baokeys-signer and baokeys-bench-verify targets first" >&2; exit 2; }
done
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
command -v h2load >/dev/null || { echo "h2load is not installed (apt-get install nghttp2-client)" >&2; exit 2; }
command -v npm >/dev/null || { echo "npm is not installed" >&2; exit 2; }
"$python" -c 'import hvac' 2>/dev/null || { echo "python3-hvac is not installed for $python" >&2; exit 2; }

mkdir -p "$work/node"
if [ ! -d "$work/node/node_modules/node-vault" ]; then
  echo "installing node-vault into $work/node ..." >&2
  npm install --prefix "$work/node" --no-audit --no-fund --silent node-vault@0.12.0 >&2
fi
node_vault_version="$(node -p "require('$work/node/node_modules/node-vault/package.json').version")"
hvac_version="$(dpkg-query -W -f='${Version}' python3-hvac 2>/dev/null || echo '?')"

results="$work/results.jsonl"
printf '{"input":"%s"}' "$("$python" -c 'import base64,sys; print(base64.b64encode(bytes.fromhex(sys.argv[1])).decode())' "$message_hex")" \
  >"$work/sign-body.json"
: >"$results"
signer_pid=""
cleanup() { [ -n "$signer_pid" ] && kill "$signer_pid" 2>/dev/null && wait "$signer_pid" 2>/dev/null; true; }
trap cleanup EXIT

free_port() { "$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start_signer LATENCY_MS KEYS [tls]: a fresh dev signer (over HTTPS with a
# certificate for 127.0.0.1 when asked) and a fresh store with KEYS keys.
start_signer() {
  cleanup
  port="$(free_port)"
  addr="http://127.0.0.1:$port"
  local latency=() tls=()
  [ "$1" -gt 0 ] && latency=(--latency "${1}ms")
  unset BAO_CACERT
  if [ "${3:-}" = tls ]; then
    [ -f "$work/tls/cert.pem" ] || { mkdir -p "$work/tls" && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 \
        -nodes -keyout "$work/tls/key.pem" -out "$work/tls/cert.pem" -days 3650 -subj /CN=127.0.0.1 \
        -addext subjectAltName=IP:127.0.0.1 >/dev/null 2>&1; }
    tls=(--tls-cert "$work/tls/cert.pem" --tls-key "$work/tls/key.pem")
    addr="https://127.0.0.1:$port"
    export BAO_CACERT="$work/tls/cert.pem"
  fi
  "$signer" --dev --dev-root-token-id "$token" --listen "127.0.0.1:$port" "${latency[@]}" "${tls[@]}" >"$work/signer.log" 2>&1 &
  signer_pid=$!
  export BAO_ADDR="$addr" BAO_TOKEN="$token"
  for _ in $(seq 50); do "$cli" --store "$work/store.json" status >/dev/null 2>&1 && break; sleep 0.1; done
  rm -f "$work/store.json" "$work/store.json.journal"
  "$cli" --store "$work/store.json" batch create --prefix bench --count "$2" >/dev/null
}

record() { # record ROW CLIENT VALUE FAILED EXTRA [MORE]: MORE is more JSON fields, e.g. "cpu_ms":12
  printf '{"row":"%s","client":"%s","value":%s,"failed":%s,"extra":"%s"%s}\n' "$1" "$2" "$3" "$4" "${5:-}" \
    "${6:+,$6}" >>"$results"
}

# run_cli ROW KEYS REPEAT CONCURRENCY: one cold baokeys-cli batch sign (CONCURRENCY
# "default": no --parallelism, the CLI's own default). Records
# the wall time it reports (the signing), the process's own wall and CPU time
# (start-up included) and, from its per-item lines, p50, p99 and the slowest item.
run_cli() {
  local row=$1 keys=$2 repeat=$3 conc=$4 label=${5:-baokeys-cli} start end cpu parallelism=()
  local TIMEFORMAT='%3U %3S'
  [ "$conc" != default ] && parallelism=(--parallelism "$conc")
  start=$(date +%s%N)
  # A batch with failed items exits 3; its failures are recorded, not fatal here.
  { time "$cli" --store "$work/store.json" --output json batch sign --prefix bench --count "$keys" --repeat "$repeat" \
      --message-hex "$message_hex" "${parallelism[@]}" >"$work/cli.jsonl" 2>"$work/cli.err" || true; } 2>"$work/cli.time"
  end=$(date +%s%N)
  cpu="$(awk '{printf "%.1f", ($1 + $2) * 1000}' "$work/cli.time")"
  "$python" - "$work/cli.jsonl" "$row" "$(( (end - start) / 1000000 ))" "$cpu" "$label" >>"$results" <<'PY'
import json, sys
path, row, process_ms, cpu_ms, label = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
items, summary = [], None
for line in open(path):
    r = json.loads(line)
    if r.get("type") == "summary":
        summary = r
    elif "finished_ms" in r and "started_ms" in r:
        items.append(r["finished_ms"] - r["started_ms"])
slowest = max(items) if items else 0.0
print(json.dumps({"row": row, "client": label, "value": summary["wall_ms"], "failed": summary["failed"],
                  "extra": f"process {process_ms:.0f} ms, CPU {cpu_ms:.0f} ms", "process_ms": process_ms,
                  "cpu_ms": cpu_ms, "p50_ms": summary["p50_ms"], "p99_ms": summary["p99_ms"], "max_ms": slowest}))
PY
}

# run_lean ROW N: the same cold batch from h2load, the leanest client at hand:
# N requests on N new connections, all in flight, over HTTP/1.1, on as many
# threads as there are cores. What it spends is what the machine, the kernel
# and the signer cost any client, without JSON or verification. Records the
# process's wall time, start-up included, as run_cli does.
# With h2 (over HTTPS): HTTP/2 instead, up to 250 streams per connection (Go's
# and the signer's limit) on ceil(N / threads / 250) connections per thread.
run_lean() {
  local row=$1 n=$2 protocol=${3:-h1} start end threads done_count shape label=h2load
  threads=$(nproc)
  [ "$threads" -gt "$n" ] && threads=$n
  shape=(--h1 -c "$n" -m 1)
  if [ "$protocol" = h2 ]; then
    shape=(-c "$(( threads * ((n / threads + 249) / 250) ))" -m 250)
    label=h2load-h2
  fi
  start=$(date +%s%N)
  h2load "${shape[@]}" -n "$n" -t "$threads" -d "$work/sign-body.json" -H "X-Vault-Token: $token" \
    -H 'Content-Type: application/json' "$addr/v1/secp256k1/sign/bench-1" >"$work/h2load.out" 2>&1 || true
  end=$(date +%s%N)
  # "requests: N total, N started, N done, S succeeded, F failed, E errored, T timeout"
  done_count="$(awk '/^requests:/ {print $8}' "$work/h2load.out")"
  record "$row" "$label" "$(( (end - start) / 1000000 ))" "$(( n - ${done_count:-0} ))" \
    "process, $(awk '/^Application protocol:/ {print $3}' "$work/h2load.out"), $threads threads"
}

# run_clients ROW N KEYS REPEAT CONCURRENCY: each client $runs times.
run_clients() {
  local row=$1 n=$2 keys=$3 repeat=$4 conc=$5 i line count=$runs
  [ "$row" != throughput ] && count=$((runs + 2))
  for i in $(seq "$count"); do
    run_cli "$row" "$keys" "$repeat" "$conc"
    [ "$row" != throughput ] && run_lean "$row" "$n"

    line="$("$python" "$here/hvac_sign.py" --addr "$addr" --token "$token" --prefix bench --count "$keys" \
              --repeat "$repeat" --concurrency "$conc" --message-hex "$message_hex")"
    record "$row" hvac "$("$python" -c 'import json,sys; print(json.loads(sys.argv[1])["wall_ms"])' "$line")" \
      "$("$python" -c 'import json,sys; print(json.loads(sys.argv[1])["failed"])' "$line")"

    line="$(NODE_PATH="$work/node/node_modules" node "$here/node_vault_sign.js" --addr "$addr" --token "$token" \
              --prefix bench --count "$keys" --repeat "$repeat" --concurrency "$conc" --message-hex "$message_hex")"
    record "$row" node-vault "$("$python" -c 'import json,sys; print(json.loads(sys.argv[1])["wall_ms"])' "$line")" \
      "$("$python" -c 'import json,sys; print(json.loads(sys.argv[1])["failed"])' "$line")"
  done
  # wrk: requests per second at the same concurrency, turned into a wall time for N.
  local seconds=3
  [ "$row" != throughput ] && seconds=2
  local out rps errors requests cpu_us TIMEFORMAT='%3U %3S'
  { time BENCH_TOKEN="$token" BENCH_PREFIX=bench BENCH_COUNT="$keys" \
         BENCH_INPUT="$("$python" -c 'import base64,sys; print(base64.b64encode(bytes.fromhex(sys.argv[1])).decode())' "$message_hex")" \
         wrk -t2 -c"$conc" -d"${seconds}s" -s "$here/wrk_sign.lua" "$addr" >"$work/wrk.out"; } 2>"$work/wrk.time"
  out="$(cat "$work/wrk.out")"
  rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
  errors="$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out")"
  # wrk's own CPU per request: what HTTP over loopback costs a lean client.
  requests="$(awk '/requests in/ {print $1}' <<<"$out")"
  cpu_us="$(awk -v r="$requests" '{printf "%.1f", ($1 + $2) * 1e6 / r}' "$work/wrk.time")"
  record "$row" wrk "$("$python" -c "print(round($n / $rps * 1000.0, 3))")" "${errors:-0}" \
    "$rps req/s, CPU $cpu_us us/request" "\"cpu_us_per_request\":$cpu_us"
}

echo "== peer benchmark: baokeys-cli vs python3-hvac $hvac_version vs node-vault $node_vault_version vs wrk ==" >&2
start_signer 0 "$throughput_keys"
run_clients throughput "$throughput_n" "$throughput_keys" $((throughput_n / throughput_keys)) "$throughput_concurrency"
start_signer "$latency_ms" 64
run_clients n64 64 64 1 64
run_clients n256 256 64 4 256
# N = 1024 all in flight, cold, through baokeys-cli only (the peers' thread
# pools are not meant for it, and wrk would meet the signer's connection cap),
# all 1024 in flight (the default parallelism stops at 1000, below the signer's
# connection cap of 1024).
for i in $(seq $((runs + 2))); do
  run_cli n1024 64 16 1024
  run_lean n1024 1024
done
# The cold batches again over HTTPS: HTTP/2 lanes, h2load's HTTP/2 floor, and
# the lanes held to HTTP/1.1 (a TLS handshake each), interleaved run by run.
start_signer "$latency_ms" 64 tls
for i in $(seq $((runs + 2))); do
  for n in 256 1024; do
    run_cli "tls$n" 64 $((n / 64)) "$n"
    run_lean "tls$n" "$n" h2
    BAOKEYS_HTTP2=0 run_cli "tls$n" 64 $((n / 64)) "$n" baokeys-cli-http1
  done
done
cleanup
signer_pid=""
verify_us="$("$verify" "$throughput_n" "$throughput_keys" | awk '/^verify_us/ {print $2}')"

"$python" - "$results" "$throughput_n" "$latency_ms" "$runs" "$(nproc)" "$verify_us" <<'PY'
import json, statistics, sys
path, n, latency, runs, cores = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4], sys.argv[5]
verify_us = float(sys.argv[6])
rows = {}
for line in open(path):
    r = json.loads(line)
    rows.setdefault(r["row"], {}).setdefault(r["client"], []).append(r)
clients = ["baokeys-cli", "hvac", "node-vault"]
peers = ["hvac", "node-vault"]
def wall(row, client):
    return statistics.median(r["value"] for r in rows[row][client])
def failed(row, client):
    return sum(r["failed"] for r in rows[row][client])
titles = {"throughput": f"N={n}, 0 ms latency (signs/s)", "n64": f"N=64, {latency:.0f} ms latency (wall ms)",
          "n256": f"N=256, {latency:.0f} ms latency (wall ms)"}
counts = {"throughput": n, "n64": 64, "n256": 256}
print(f"{'workload':34} {'ideal':>6} {'baokeys-cli':>12} {'hvac':>8} {'node-vault':>11} {'wrk':>8}  {'vs best peer':<19} {'vs wrk':>6}")
for row in ["throughput", "n64", "n256"]:
    figures = {c: wall(row, c) for c in clients + ["wrk"]}
    if row == "throughput":
        shown = {c: counts[row] / (v / 1000.0) for c, v in figures.items()}
        ideal = "-"
        fmt = lambda v: f"{v:,.0f}"
    else:
        shown = figures
        ideal = f"{latency:.0f}"
        fmt = lambda v: f"{v:,.1f}"
    best_peer = min(peers, key=lambda c: figures[c])
    # Ratios as speed: > 1.00x means baokeys-cli is faster.
    vs_peer = figures[best_peer] / figures["baokeys-cli"]
    vs_wrk = figures["wrk"] / figures["baokeys-cli"]
    peer_text = f"{vs_peer:.2f}x ({best_peer})"
    print(f"{titles[row]:34} {ideal:>6} {fmt(shown['baokeys-cli']):>12} {fmt(shown['hvac']):>8} {fmt(shown['node-vault']):>11} "
          f"{fmt(shown['wrk']):>8}  {peer_text:<19} {vs_wrk:>5.2f}x")
print()
print(f"ratios are speed ratios (>1.00x: baokeys-cli faster); 'vs best peer' names the faster of hvac and node-vault;")
print(f"median of {runs} runs per client ({int(runs) + 2} for the latency rows), timed inside each client (not process start);")
print(f"wrk = N / (its requests per second at the same concurrency); {cores} CPU cores shared by signer and client.")
print("raw numbers (wall ms per run; failed requests):")
for row in ["throughput", "n64", "n256", "n1024", "tls256", "tls1024"]:
    for c in clients + ["baokeys-cli-http1", "wrk", "h2load", "h2load-h2"]:
        if c not in rows[row]:
            continue
        rs = rows[row][c]
        extra = "; ".join(r["extra"] for r in rs if r["extra"])
        print(f"  {row:10} {c:11} " + ", ".join(f"{r['value']:.1f}" for r in rs) + f"  failed {failed(row, c)}" + (f"  ({extra})" if extra else ""))

# The issue's targets, each a ratio from this run.
def cli(row, field):
    return statistics.median(r[field] for r in rows[row]["baokeys-cli"])
def target(number, what, ratio, goal, at_most, note=""):
    ok = ratio <= goal if at_most else ratio >= goal
    sign = "<=" if at_most else ">="
    print(f"target {number}: {what}: measured {ratio:.2f} (goal {sign} {goal}) {'PASS' if ok else 'MISS'}"
          + (f"  [{note}]" if note else ""))
print()
cpu_us = cli("throughput", "cpu_ms") * 1000.0 / n
wrk_cpu_us = statistics.median(r["cpu_us_per_request"] for r in rows["throughput"]["wrk"])
target(1, "client CPU per verified signature / verification alone", cpu_us / verify_us, 1.25, True,
       f"baokeys-cli {cpu_us:.1f} us per signature (process CPU, start-up included) vs {verify_us:.1f} us; "
       f"floor {(verify_us + wrk_cpu_us) / verify_us:.2f}: the verification plus wrk's {wrk_cpu_us:.1f} us "
       f"of CPU per request, the HTTP alone")
def cold(number, row, count, goal):
    lean = wall(row, "h2load")
    target(number, f"cold baokeys-cli N={count} all in flight / latency", cli(row, "process_ms") / latency, goal, True,
           f"process {cli(row, 'process_ms'):.0f} ms at {latency:.0f} ms latency, median of {int(runs) + 2}; "
           f"floor {lean / latency:.2f}: h2load's {lean:.0f} ms for the same cold batch in the same run "
           f"(a lean C client, no JSON, no verification; failed {failed(row, 'h2load')}); "
           f"baokeys-cli / h2load {cli(row, 'process_ms') / lean:.2f}")
cold("2a", "n256", 256, 1.15)
cold("2b", "n1024", 1024, 1.30)
def cold_tls(number, row, count, goal):
    lean = wall(row, "h2load-h2")
    http1 = statistics.median(r["process_ms"] for r in rows[row]["baokeys-cli-http1"])
    target(number, f"cold baokeys-cli N={count} all in flight over HTTPS (HTTP/2) / latency",
           cli(row, "process_ms") / latency, goal, True,
           f"process {cli(row, 'process_ms'):.0f} ms; floor {lean / latency:.2f}: h2load's {lean:.0f} ms over HTTP/2 "
           f"(failed {failed(row, 'h2load-h2')}); baokeys-cli / h2load {cli(row, 'process_ms') / lean:.2f}; "
           f"lanes held to HTTP/1.1 over TLS: {http1:.0f} ms, {http1 / cli(row, 'process_ms'):.2f}x the HTTP/2 time; "
           f"failed {failed(row, 'baokeys-cli')} + {failed(row, 'baokeys-cli-http1')}")
cold_tls("2a", "tls256", 256, 1.15)
cold_tls("2b", "tls1024", 1024, 1.30)
target(3, "zero-latency throughput / wrk, same endpoint and connections",
       wall("throughput", "wrk") / wall("throughput", "baokeys-cli"), 0.62, False)
fair = statistics.median(r["p99_ms"] / r["p50_ms"] for r in rows["throughput"]["baokeys-cli"])
slowest = statistics.median(r["max_ms"] / r["p50_ms"] for r in rows["throughput"]["baokeys-cli"])
target(4, "fairness at 0 ms: p99 / p50 within a batch", fair, 3.0, True,
       f"p50 {cli('throughput', 'p50_ms'):.1f} ms, p99 {cli('throughput', 'p99_ms'):.1f} ms, slowest item {slowest:.1f}x p50")
best = min(peers, key=lambda c: wall("throughput", c))
target(5, f"zero-latency throughput / best peer ({best})", wall("throughput", best) / wall("throughput", "baokeys-cli"),
       4.0, False)
print("target 6: desktop app 10,000-signature batch: measured by the gui part of ./dev bench (baokeys-bench-gui)")
PY
