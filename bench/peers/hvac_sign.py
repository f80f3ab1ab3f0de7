#!/usr/bin/python3
"""Peer client for bench/peers/run.sh: Debian's python3-hvac signing through
the secp256k1 engine with a thread pool (one hvac.Client per worker thread,
as requests sessions are not shared across threads).

Prints one JSON line: {"client":"hvac","n":N,"wall_ms":...,"failed":F}.
The clock covers the signing only (not the interpreter start or imports).
"""
import argparse
import base64
import concurrent.futures
import json
import threading
import time

import hvac


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--addr", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--mount", default="secp256k1")
    parser.add_argument("--prefix", required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--concurrency", type=int, required=True)
    parser.add_argument("--message-hex", required=True)
    args = parser.parse_args()

    message = base64.b64encode(bytes.fromhex(args.message_hex)).decode()
    # The same order as `baokeys-cli batch sign --prefix P --count N --repeat R`.
    names = [f"{args.prefix}-{k}" for _ in range(args.repeat) for k in range(1, args.count + 1)]
    local = threading.local()

    def sign(name):
        client = getattr(local, "client", None)
        if client is None:
            client = local.client = hvac.Client(url=args.addr, token=args.token)
        response = client.adapter.post(f"/v1/{args.mount}/sign/{name}", json={"input": message})
        body = response.json() if hasattr(response, "json") else response
        signature = base64.b64decode(body["data"]["signature"])
        return len(signature) == 64

    failed = 0
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.concurrency) as pool:
        for future in concurrent.futures.as_completed([pool.submit(sign, name) for name in names]):
            try:
                if not future.result():
                    failed += 1
            except Exception:  # a failed request counts, the run goes on
                failed += 1
    wall_ms = (time.perf_counter() - start) * 1000.0
    print(json.dumps({"client": "hvac", "n": len(names), "wall_ms": round(wall_ms, 3), "failed": failed}))


if __name__ == "__main__":
    main()
