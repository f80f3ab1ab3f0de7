// Peer client for bench/peers/run.sh: npm's node-vault signing through the
// secp256k1 engine, all requests issued at once and awaited with Promise.all
// (at most --concurrency in flight, by that many async workers).
//
// Prints one JSON line: {"client":"node-vault","n":N,"wall_ms":...,"failed":F}.
// The clock covers the signing only (not node's start or module loading).
'use strict';

const { parseArgs } = require('node:util');
const { performance } = require('node:perf_hooks');

const { values: args } = parseArgs({
  options: {
    addr: { type: 'string' },
    token: { type: 'string' },
    mount: { type: 'string', default: 'secp256k1' },
    prefix: { type: 'string' },
    count: { type: 'string' },
    repeat: { type: 'string', default: '1' },
    concurrency: { type: 'string' },
    'message-hex': { type: 'string' },
  },
});

const vault = require('node-vault')({ apiVersion: 'v1', endpoint: args.addr, token: args.token });
const input = Buffer.from(args['message-hex'], 'hex').toString('base64');
const count = Number(args.count);
const repeat = Number(args.repeat);
const concurrency = Number(args.concurrency);

// The same order as `baokeys-cli batch sign --prefix P --count N --repeat R`.
const names = [];
for (let r = 0; r < repeat; r++) for (let k = 1; k <= count; k++) names.push(`${args.prefix}-${k}`);

async function main() {
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < names.length) {
      const name = names[next++];
      try {
        const answer = await vault.write(`${args.mount}/sign/${name}`, { input });
        if (Buffer.from(answer.data.signature, 'base64').length !== 64) failed++;
      } catch (error) {
        failed++;
      }
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, names.length) }, worker));
  const wallMs = performance.now() - start;
  console.log(JSON.stringify({ client: 'node-vault', n: names.length, wall_ms: Number(wallMs.toFixed(3)), failed }));
}

main().catch((error) => {
  console.error(`node-vault bench: ${error.message}`);
  process.exit(1);
});
