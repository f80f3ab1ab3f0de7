// Drives the signer with npm's node-vault, a third-party Vault client: create,
// read, list (LIST verb and GET ?list=1), import a known-answer key, sign,
// verify, delete. Usage: node node_vault_client.js ADDRESS TOKEN MOUNT VECTORS_JSON
'use strict';
const fs = require('fs');

const [address, token, mount, vectorsPath] = process.argv.slice(2);
const vectors = JSON.parse(fs.readFileSync(vectorsPath, 'utf8'));
const nodeVault = require('node-vault');
const vault = nodeVault({ apiVersion: 'v1', endpoint: address, token });
const vaultGetList = nodeVault({ apiVersion: 'v1', endpoint: address, token, noCustomHTTPVerbs: true });

function check(condition, what) {
    if (!condition) {
        console.error('FAIL (node-vault): ' + what);
        process.exit(1);
    }
    console.log('ok (node-vault): ' + what);
}

async function main() {
    const created = await vault.write(`${mount}/keys/node-created`, { exportable: true });
    const pub = created.data.public_key;
    check(Buffer.from(pub, 'hex').length === 33, 'create returns a compressed public key');

    const read = await vault.read(`${mount}/keys/node-created`);
    check(read.data.public_key === pub && read.data.exportable === true, 'read returns the same key');

    const vector = vectors.signatures[2];
    const key = vectors.keys.find((k) => k.privkey_hex === vector.privkey_hex);
    const imported = await vault.write(`${mount}/keys/node-vector/import`, {
        ciphertext: Buffer.from(key.privkey_hex, 'hex').toString('base64'),
    });
    check(imported.data.public_key === key.pubkey_hex, 'imported vector key has the vector public key');
    check(imported.data.address === key.address_hex, 'imported vector key has the vector address');

    const listed = await vault.list(`${mount}/keys`); // LIST verb
    check(JSON.stringify(listed.data.keys.sort()) === JSON.stringify(['node-created', 'node-vector']),
        'list (LIST verb) shows both keys');
    const listedGet = await vaultGetList.list(`${mount}/keys`); // GET ?list=1
    check(listedGet.data.keys.length === 2, 'list (GET ?list=1) shows both keys');

    const message = Buffer.from(vector.message_hex, 'hex').toString('base64');
    const signed = await vault.write(`${mount}/sign/node-vector`, { input: message });
    check(signed.data.signature === vector.signature_b64, 'signature equals the vector, byte for byte');
    const verified = await vault.write(`${mount}/verify/node-vector`, { input: message, signature: signed.data.signature });
    check(verified.data.valid === true, 'verify accepts the signature');

    const exported = await vault.read(`${mount}/export/node-created`);
    check(Buffer.from(exported.data.keys['1'], 'base64').length === 32, 'export of an exportable key gives 32 bytes');

    try {
        await vault.read(`${mount}/export/node-vector`);
        check(false, 'export of a non-exportable key fails');
    } catch (error) {
        check(error.response && error.response.statusCode === 400 && error.message === 'key is not exportable',
            "export of a non-exportable key is a 400 'key is not exportable'");
    }

    await vault.delete(`${mount}/keys/node-created`);
    await vault.delete(`${mount}/keys/node-vector`);
    try {
        await vault.list(`${mount}/keys`);
        check(false, 'empty list answers 404');
    } catch (error) {
        check(error.response && error.response.statusCode === 404, 'empty list answers 404 (no keys)');
    }
    console.log('node-vault: all checks passed');
}

main().catch((error) => {
    console.error('FAIL (node-vault): ' + (error && error.stack ? error.stack : error));
    process.exit(1);
});
