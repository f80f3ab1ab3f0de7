-- wrk script for bench/peers/run.sh: POST sign/<prefix>-<k> round-robin over
-- the benchmark keys, the raw-HTTP limit of the signer.
-- Environment: BENCH_TOKEN, BENCH_MOUNT, BENCH_PREFIX, BENCH_COUNT, BENCH_INPUT (base64).
local token = os.getenv("BENCH_TOKEN")
local mount = os.getenv("BENCH_MOUNT") or "secp256k1"
local prefix = os.getenv("BENCH_PREFIX")
local count = tonumber(os.getenv("BENCH_COUNT"))
local body = '{"input":"' .. os.getenv("BENCH_INPUT") .. '"}'
local counter = 0

wrk.method = "POST"
wrk.headers["X-Vault-Token"] = token
wrk.headers["Content-Type"] = "application/json"

request = function()
  counter = counter + 1
  return wrk.format(nil, "/v1/" .. mount .. "/sign/" .. prefix .. "-" .. ((counter % count) + 1), nil, body)
end
