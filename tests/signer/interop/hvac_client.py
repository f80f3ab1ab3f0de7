"""Drives the signer with Debian's python3-hvac (0.11), a third-party Vault
client: create, read, list, import a known-answer key, sign, verify, delete.
Usage: hvac_client.py ADDRESS TOKEN MOUNT VECTORS_JSON. Exit 0 on success."""
import base64
import json
import sys

import hvac

address, token, mount, vectors_path = sys.argv[1:5]
with open(vectors_path) as f:
    vectors = json.load(f)
client = hvac.Client(url=address, token=token)


def check(condition, what):
    if not condition:
        print("FAIL (hvac): " + what, file=sys.stderr)
        sys.exit(1)
    print("ok (hvac): " + what)


check(client.is_authenticated(), "token accepted (lookup-self)")
check(client.list(mount + "/keys") is None, "empty list reads as no keys")

created = client.write(mount + "/keys/hvac-created", exportable=False)
pub = created["data"]["public_key"]
check(len(bytes.fromhex(pub)) == 33, "create returns a compressed public key")

read = client.read(mount + "/keys/hvac-created")
check(read["data"]["public_key"] == pub and read["data"]["imported"] is False, "read returns the same key")

vector = vectors["signatures"][1]
key = next(k for k in vectors["keys"] if k["privkey_hex"] == vector["privkey_hex"])
imported = client.write(mount + "/keys/hvac-vector/import",
                        ciphertext=base64.b64encode(bytes.fromhex(key["privkey_hex"])).decode())
check(imported["data"]["public_key"] == key["pubkey_hex"], "imported vector key has the vector public key")
check(imported["data"]["address"] == key["address_hex"], "imported vector key has the vector address")

listed = client.list(mount + "/keys")  # GET ?list=True
check(sorted(listed["data"]["keys"]) == ["hvac-created", "hvac-vector"], "list (GET ?list=True) shows both keys")

message = base64.b64encode(bytes.fromhex(vector["message_hex"])).decode()
signed = client.write(mount + "/sign/hvac-vector", input=message)
check(signed["data"]["signature"] == vector["signature_b64"], "signature equals the vector, byte for byte")

verified = client.write(mount + "/verify/hvac-vector", input=message, signature=signed["data"]["signature"])
check(verified["data"]["valid"] is True, "verify accepts the signature")

try:
    client.write(mount + "/sign/hvac-missing", input=message)
    check(False, "signing with a missing key fails")
except hvac.exceptions.InvalidRequest as error:
    check("key not found" in str(error), "missing key is a 400 'key not found'")

response = client.delete(mount + "/keys/hvac-created")
check(response is None or getattr(response, "status_code", 204) == 204, "delete answers 204")
client.delete(mount + "/keys/hvac-vector")
check(client.list(mount + "/keys") is None, "list after delete is empty again")
print("hvac: all checks passed")
