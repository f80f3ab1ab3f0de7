// A purpose-built Cosmos SDK REST (gRPC-gateway) chain for the tests: the
// endpoints baokeys-cli's chain client uses, over accounts (numbers,
// sequences, balances) and fee grants kept in memory. Every broadcast TxRaw
// is decoded with cosmjs-types and its signature verified with
// @noble/secp256k1 over a SignDoc built here, never with BaoKeys' own code,
// so a bug shared with core/tx cannot pass.
//
//   node server.mjs --modules DIR [--chain-id ID] [--prefix HRP]
//        [--min-gas-price 0.002] [--account ADDR=COINS]... [--no-account-info]
//
// DIR holds node_modules with @cosmjs/proto-signing, @noble/secp256k1 and
// @noble/hashes (./dev installs them into .cache/chain-node). Listens on
// 127.0.0.1, port 0, and prints {"port": N} on its first line. Test hooks:
// GET /_test/state, POST /_test/stale-sequence/{address} (the next account
// query of that address answers the sequence before).
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const modules = option('modules') && resolve(option('modules'));
if (!modules) {
  console.error('server.mjs: --modules DIR (the node_modules folder) is required');
  process.exit(2);
}
const require = createRequire(join(modules, 'node_modules') + '/');
let deps;
try {
  deps = {
    tx: require('cosmjs-types/cosmos/tx/v1beta1/tx.js'),
    bank: require('cosmjs-types/cosmos/bank/v1beta1/tx.js'),
    feegrantTx: require('cosmjs-types/cosmos/feegrant/v1beta1/tx.js'),
    feegrant: require('cosmjs-types/cosmos/feegrant/v1beta1/feegrant.js'),
    keys: require('cosmjs-types/cosmos/crypto/secp256k1/keys.js'),
    signing: require('@cosmjs/proto-signing'),
    encoding: require('@cosmjs/encoding'),
    sha256: require('@noble/hashes/sha256').sha256,
    ripemd160: require('@noble/hashes/ripemd160').ripemd160,
    secp: await import(pathToFileURL(join(modules, 'node_modules/@noble/secp256k1/index.js')).href),
  };
} catch (error) {
  console.error(`server.mjs: missing npm packages in ${modules} (run ./dev test to install them): ${error.message}`);
  process.exit(3);
}

const chainId = option('chain-id', 'baokeys-test');
const prefix = option('prefix', 'celestia');
const minGasPrice = Number(option('min-gas-price', '0.002'));
const denom = 'utia';
const accountInfo = !args.includes('--no-account-info');

// --- state ---------------------------------------------------------------
const accounts = new Map(); // address -> {number, sequence, pubKey (base64) | null, balances: Map denom -> BigInt}
const grants = new Map(); // `${granter}/${grantee}` -> {granter, grantee, basic: {spendLimit: Map, expiration: Date|null}, allowed: [] | null}
const txs = new Map(); // hash -> {response, visibleAt}
const staleOnce = new Set();
let nextNumber = 0;
let height = 1;
let verified = 0;

function account(address, create = false) {
  if (!accounts.has(address) && create)
    accounts.set(address, { number: nextNumber++, sequence: 0, pubKey: null, balances: new Map() });
  return accounts.get(address);
}

function parseCoins(text) {
  const coins = new Map();
  for (const part of text.split(',').filter(Boolean)) {
    const match = /^(\d+)([a-zA-Z][a-zA-Z0-9/:._-]{2,127})$/.exec(part);
    if (!match) throw new Error(`bad coin ${part}`);
    coins.set(match[2], (coins.get(match[2]) ?? 0n) + BigInt(match[1]));
  }
  return coins;
}

for (let i = 0; i < args.length; ++i) {
  if (args[i] !== '--account') continue;
  const [address, coins] = args[i + 1].split('=');
  account(address, true).balances = parseCoins(coins ?? '');
}

const coinsJson = (coins) =>
  [...coins].filter(([, amount]) => amount > 0n).sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([d, amount]) => ({ denom: d, amount: amount.toString() }));
const coinsOf = (list) => {
  const coins = new Map();
  for (const c of list) coins.set(c.denom, (coins.get(c.denom) ?? 0n) + BigInt(c.amount));
  return coins;
};
const covers = (have, need) => [...need].every(([d, amount]) => (have.get(d) ?? 0n) >= amount);
const subtract = (have, need) => { for (const [d, amount] of need) have.set(d, (have.get(d) ?? 0n) - amount); };
const add = (have, more) => { for (const [d, amount] of more) have.set(d, (have.get(d) ?? 0n) + amount); };
const show = (coins) => coinsJson(coins).map((c) => c.amount + c.denom).join(',') || '0' + denom;

function addressOf(pubKey) {
  return deps.encoding.toBech32(prefix, deps.ripemd160(deps.sha256(pubKey)));
}

// --- transactions ----------------------------------------------------------
class TxFailure extends Error {
  constructor(codespace, code, log) { super(log); this.codespace = codespace; this.code = code; }
}
const fail = (codespace, code, log) => { throw new TxFailure(codespace, code, log); };

function decodeMessage(any) {
  switch (any.typeUrl) {
    case '/cosmos.bank.v1beta1.MsgSend': {
      const m = deps.bank.MsgSend.decode(any.value);
      return { kind: 'send', signer: m.fromAddress, m };
    }
    case '/cosmos.feegrant.v1beta1.MsgGrantAllowance': {
      const m = deps.feegrantTx.MsgGrantAllowance.decode(any.value);
      return { kind: 'grant', signer: m.granter, m };
    }
    case '/cosmos.feegrant.v1beta1.MsgRevokeAllowance': {
      const m = deps.feegrantTx.MsgRevokeAllowance.decode(any.value);
      return { kind: 'revoke', signer: m.granter, m };
    }
    default:
      return fail('sdk', 6, `unrecognized message type: ${any.typeUrl}: unknown request`);
  }
}

function decodeAllowance(any) {
  if (!any) fail('sdk', 18, 'allowance is nil: invalid request');
  let allowed = null;
  if (any.typeUrl === '/cosmos.feegrant.v1beta1.AllowedMsgAllowance') {
    const wrapper = deps.feegrant.AllowedMsgAllowance.decode(any.value);
    if (wrapper.allowedMessages.length === 0) fail('feegrant', 6, 'allowed messages shouldn\'t be empty');
    allowed = wrapper.allowedMessages;
    any = wrapper.allowance;
  }
  if (!any || any.typeUrl !== '/cosmos.feegrant.v1beta1.BasicAllowance')
    fail('sdk', 18, `unsupported allowance ${any?.typeUrl}: invalid request`);
  const basic = deps.feegrant.BasicAllowance.decode(any.value);
  const expiration = basic.expiration
    ? new Date(Number(basic.expiration.seconds) * 1000 + Math.floor(basic.expiration.nanos / 1e6)) : null;
  return { basic: { spendLimit: coinsOf(basic.spendLimit), expiration }, allowed };
}

const gasFor = (messages) => 60000 + 25000 * messages;

// Decodes and checks a TxRaw as the SDK's ante handler does; with `simulate`
// the signature is not checked. Returns what delivery needs.
function anteCheck(txBytes, simulate) {
  let raw, body, authInfo;
  try {
    raw = deps.tx.TxRaw.decode(txBytes);
    body = deps.tx.TxBody.decode(raw.bodyBytes);
    authInfo = deps.tx.AuthInfo.decode(raw.authInfoBytes);
  } catch (error) {
    fail('sdk', 2, `tx parse error: ${error.message}`);
  }
  const messages = body.messages.map(decodeMessage);
  if (messages.length === 0) fail('sdk', 18, 'must contain at least one message: invalid request');
  const signerAddress = messages[0].signer;
  if (messages.some((m) => m.signer !== signerAddress))
    fail('sdk', 4, 'this chain accepts one signer per transaction: unauthorized');
  if (authInfo.signerInfos.length !== 1 || raw.signatures.length !== 1)
    fail('sdk', 4, `wrong number of signers; expected 1, got ${raw.signatures.length}: unauthorized`);
  const info = authInfo.signerInfos[0];
  const signer = account(signerAddress);
  if (!signer) fail('sdk', 9, `account ${signerAddress} not found: unknown address`);
  if (info.publicKey?.typeUrl !== '/cosmos.crypto.secp256k1.PubKey')
    fail('sdk', 8, `unsupported public key ${info.publicKey?.typeUrl}: invalid pubkey`);
  const pubKey = deps.keys.PubKey.decode(info.publicKey.value).key;
  if (addressOf(pubKey) !== signerAddress)
    fail('sdk', 8, `pubKey does not match signer address ${signerAddress}: invalid pubkey`);
  if (signer.pubKey && signer.pubKey !== Buffer.from(pubKey).toString('base64'))
    fail('sdk', 8, 'pubKey does not match the account\'s: invalid pubkey');
  if (BigInt(info.sequence) !== BigInt(signer.sequence))
    fail('sdk', 32, `account sequence mismatch, expected ${signer.sequence}, got ${info.sequence}: incorrect account sequence`);
  if (!simulate) {
    const signDoc = deps.signing.makeSignBytes({
      bodyBytes: raw.bodyBytes, authInfoBytes: raw.authInfoBytes, chainId, accountNumber: BigInt(signer.number),
    });
    const ok = raw.signatures[0].length === 64 &&
      deps.secp.verify(raw.signatures[0], deps.sha256(signDoc), pubKey, { lowS: true });
    if (!ok)
      fail('sdk', 4, `signature verification failed; please verify account number (${signer.number}) and chain-id (${chainId}): unauthorized`);
    verified += 1;
  }
  const fee = authInfo.fee;
  const gasLimit = Number(fee.gasLimit);
  const gasUsed = gasFor(messages.length);
  const feeCoins = coinsOf(fee.amount);
  if (!simulate) {
    const required = BigInt(Math.ceil(gasLimit * minGasPrice));
    if ((feeCoins.get(denom) ?? 0n) < required)
      fail('sdk', 13, `insufficient fees; got: ${show(feeCoins)} required: ${required}${denom}: insufficient fee`);
    if (gasLimit < gasUsed)
      fail('sdk', 11, `out of gas in location: ante; gasWanted: ${gasLimit}, gasUsed: ${gasUsed}: out of gas`);
  }
  return { raw, body, messages, signer, signerAddress, pubKey, fee, feeCoins, gasLimit, gasUsed };
}

// Pays the fee: from the signer, or through the fee granter's allowance.
function payFee(tx, now) {
  let payer = tx.signer;
  if (tx.fee.granter) {
    const grant = grants.get(`${tx.fee.granter}/${tx.signerAddress}`);
    if (!grant)
      fail('feegrant', 5, `fee-grant not found: ${tx.fee.granter} does not allow to pay fees for ${tx.signerAddress}`);
    if (grant.basic.expiration && grant.basic.expiration <= now)
      fail('feegrant', 3, `${tx.fee.granter} does not allow to pay fees for ${tx.signerAddress}: fee allowance expired`);
    if (grant.allowed && tx.messages.some((_, i) => !grant.allowed.includes(tx.body.messages[i].typeUrl)))
      fail('feegrant', 7, `${tx.fee.granter} does not allow to pay fees for ${tx.signerAddress}: message does not exist in allowed messages: message not allowed`);
    if (grant.basic.spendLimit.size > 0) {
      if (!covers(grant.basic.spendLimit, tx.feeCoins))
        fail('feegrant', 2, `${tx.fee.granter} does not allow to pay fees for ${tx.signerAddress}: fee limit exceeded`);
      subtract(grant.basic.spendLimit, tx.feeCoins);
    }
    payer = account(tx.fee.granter);
    if (!payer) fail('sdk', 9, `fee payer address: ${tx.fee.granter} does not exist: unknown address`);
  }
  if (!covers(payer.balances, tx.feeCoins))
    fail('sdk', 5, `${show(payer.balances)} is smaller than ${show(tx.feeCoins)}: insufficient funds`);
  subtract(payer.balances, tx.feeCoins);
}

// Runs the messages; all or none (state is restored on failure).
function deliver(tx, now) {
  const saved = { accounts: structuredClone(accounts), grants: structuredClone(grants), nextNumber };
  try {
    for (const { kind, m } of tx.messages) {
      if (kind === 'send') {
        const amount = coinsOf(m.amount);
        if (!covers(tx.signer.balances, amount))
          fail('sdk', 5, `${show(tx.signer.balances)} is smaller than ${show(amount)}: insufficient funds`);
        subtract(tx.signer.balances, amount);
        add(account(m.toAddress, true).balances, amount);
      } else if (kind === 'grant') {
        if (m.grantee === m.granter) fail('sdk', 18, 'cannot self-grant fee authorization: invalid request');
        const key = `${m.granter}/${m.grantee}`;
        if (grants.has(key)) fail('sdk', 18, 'fee allowance already exists: invalid request');
        const allowance = decodeAllowance(m.allowance);
        if (allowance.basic.expiration && allowance.basic.expiration <= now)
          fail('feegrant', 3, 'expiration is before current block time: fee allowance expired');
        account(m.grantee, true);
        grants.set(key, { granter: m.granter, grantee: m.grantee, ...allowance });
      } else if (kind === 'revoke') {
        const key = `${m.granter}/${m.grantee}`;
        if (!grants.has(key)) fail('feegrant', 5, 'fee-grant not found: no allowance');
        grants.delete(key);
      }
    }
  } catch (error) {
    accounts.clear();
    for (const [k, v] of saved.accounts) accounts.set(k, v);
    grants.clear();
    for (const [k, v] of saved.grants) grants.set(k, v);
    nextNumber = saved.nextNumber;
    throw error;
  }
}

function txResponse(hash, code, codespace, rawLog, gasWanted, gasUsed, atHeight) {
  return {
    height: String(atHeight), txhash: hash, codespace, code, data: '', raw_log: rawLog, logs: [], info: '',
    gas_wanted: String(gasWanted), gas_used: String(gasUsed), tx: null, timestamp: '', events: [],
  };
}

function broadcast(txBytes) {
  const hash = Buffer.from(deps.sha256(txBytes)).toString('hex').toUpperCase();
  const now = new Date();
  let tx;
  try {
    tx = anteCheck(txBytes, false);
    payFee(tx, now);
  } catch (error) {
    if (!(error instanceof TxFailure)) throw error;
    return txResponse(hash, error.code, error.codespace, error.message, 0, 0, 0);
  }
  // Past the ante handler: the sequence is used and the fee paid.
  tx.signer.sequence += 1;
  tx.signer.pubKey = Buffer.from(tx.pubKey).toString('base64');
  height += 1;
  let included;
  try {
    deliver(tx, now);
    included = txResponse(hash, 0, '', '', tx.gasLimit, tx.gasUsed, height);
  } catch (error) {
    if (!(error instanceof TxFailure)) throw error;
    included = txResponse(hash, error.code, error.codespace, error.message, tx.gasLimit, tx.gasUsed, height);
  }
  // In a block a moment later, so clients have to poll for it.
  txs.set(hash, { response: included, visibleAt: Date.now() + 300 });
  return txResponse(hash, 0, '', '', 0, 0, 0);
}

// --- HTTP -------------------------------------------------------------------
const grpcError = (res, status, code, message) => send(res, status, { code, message, details: [] });
function send(res, status, json) {
  const body = JSON.stringify(json);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function accountJson(address) {
  const a = account(address);
  const sequence = staleOnce.delete(address) ? Math.max(0, a.sequence - 1) : a.sequence;
  return {
    address,
    pub_key: a.pubKey ? { '@type': '/cosmos.crypto.secp256k1.PubKey', key: a.pubKey } : null,
    account_number: String(a.number),
    sequence: String(sequence),
  };
}

function allowanceJson(grant) {
  const basic = {
    '@type': '/cosmos.feegrant.v1beta1.BasicAllowance',
    spend_limit: coinsJson(grant.basic.spendLimit),
    expiration: grant.basic.expiration ? grant.basic.expiration.toISOString() : null,
  };
  if (!grant.allowed) return basic;
  return { '@type': '/cosmos.feegrant.v1beta1.AllowedMsgAllowance', allowance: basic, allowed_messages: grant.allowed };
}

async function handle(req, res) {
  const url = new URL(req.url, 'http://127.0.0.1');
  const path = url.pathname.split('/').filter(Boolean);
  const body = await new Promise((resolve) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
  });
  const route = path.slice(0, 4).join('/');
  if (req.method === 'GET' && route === 'cosmos/auth/v1beta1/account_info' && path.length === 5) {
    if (!accountInfo) return grpcError(res, 501, 12, 'Not Implemented');
    if (!account(path[4])) return grpcError(res, 404, 5, `account ${path[4]} not found`);
    return send(res, 200, { info: accountJson(path[4]) });
  }
  if (req.method === 'GET' && route === 'cosmos/auth/v1beta1/accounts' && path.length === 5) {
    if (!account(path[4])) return grpcError(res, 404, 5, `account ${path[4]} not found`);
    return send(res, 200, { account: { '@type': '/cosmos.auth.v1beta1.BaseAccount', ...accountJson(path[4]) } });
  }
  if (req.method === 'GET' && route === 'cosmos/bank/v1beta1/balances' && path.length === 5) {
    const balances = coinsJson(account(path[4])?.balances ?? new Map());
    return send(res, 200, { balances, pagination: { next_key: null, total: String(balances.length) } });
  }
  if (req.method === 'GET' && route === 'cosmos/feegrant/v1beta1/allowance' && path.length === 6) {
    const grant = grants.get(`${path[4]}/${path[5]}`);
    if (!grant) return grpcError(res, 404, 5, 'fee-grant not found: key not found');
    return send(res, 200, { allowance: { granter: grant.granter, grantee: grant.grantee, allowance: allowanceJson(grant) } });
  }
  if (req.method === 'POST' && url.pathname === '/cosmos/tx/v1beta1/simulate') {
    let request;
    try { request = JSON.parse(body.toString()); } catch { return grpcError(res, 400, 3, 'invalid JSON'); }
    try {
      const tx = anteCheck(Buffer.from(request.tx_bytes ?? '', 'base64'), true);
      return send(res, 200, { gas_info: { gas_wanted: String(tx.gasLimit), gas_used: String(tx.gasUsed) }, result: { data: '', log: '', events: [] } });
    } catch (error) {
      if (!(error instanceof TxFailure)) throw error;
      return grpcError(res, 400, 2, error.message);
    }
  }
  if (req.method === 'POST' && url.pathname === '/cosmos/tx/v1beta1/txs') {
    let request;
    try { request = JSON.parse(body.toString()); } catch { return grpcError(res, 400, 3, 'invalid JSON'); }
    if (request.mode !== 'BROADCAST_MODE_SYNC') return grpcError(res, 400, 3, `unsupported mode ${request.mode}`);
    return send(res, 200, { tx_response: broadcast(Buffer.from(request.tx_bytes ?? '', 'base64')) });
  }
  if (req.method === 'GET' && route === 'cosmos/tx/v1beta1/txs' && path.length === 5) {
    const found = txs.get(path[4].toUpperCase());
    if (!found || found.visibleAt > Date.now()) return grpcError(res, 404, 5, `tx not found: ${path[4]}`);
    return send(res, 200, { tx: null, tx_response: found.response });
  }
  if (req.method === 'POST' && path[0] === '_test' && path[1] === 'stale-sequence' && path.length === 3) {
    staleOnce.add(path[2]);
    return send(res, 200, {});
  }
  if (req.method === 'GET' && url.pathname === '/_test/state') {
    return send(res, 200, {
      verified,
      accounts: Object.fromEntries([...accounts].map(([address, a]) => [address, {
        account_number: a.number, sequence: a.sequence, balances: coinsJson(a.balances) }])),
      grants: [...grants.values()].map((g) => ({ granter: g.granter, grantee: g.grantee, allowance: allowanceJson(g) })),
    });
  }
  return grpcError(res, 404, 5, `Not Found: ${req.method} ${url.pathname}`);
}

const server = createServer((req, res) => {
  handle(req, res).catch((error) => grpcError(res, 500, 13, `internal: ${error.stack}`));
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n');
});
process.stdin.on('end', () => process.exit(0)); // ends with its parent
process.stdin.resume();
