#pragma once

#include "core/tx/TxBodyBuilder.h"
#include "core/tx/TxError.h"
#include "core/tx/TxTypes.h"

#include <QString>

namespace baokeys::keyring {
class BaoKeyring;
}

namespace baokeys::tx {

// Signs a transaction in SIGN_MODE_DIRECT with a key held by the signer
// (OpenBao or the embedded signer), reached through the keyring: the private
// key never comes here. It encodes AuthInfo with the key's stored public key,
// the SignDoc, has the keyring sign it (SHA-256, low-S, verified), checks the
// signature once more against the SignDoc it built, and assembles TxRaw.
//
// Everything that can be refused locally (addresses, coins, gas, chain id,
// a message signed by another account) is refused before any request.
//
// Thread-safety: thread-safe, as the keyring it uses; sign() may be called
// from many threads at once. The keyring must outlive this object.
class TxSigner {
public:
    explicit TxSigner(keyring::BaoKeyring &keyring);

    // uid: the key's name in the keyring; every message of `body` must name
    // that key's address (for body.hrp()) as its signer (SignerMismatch).
    TxResult<SignedTx> sign(const QString &uid, const TxBodyBuilder &body, const Fee &fee,
                            const SignerAccount &account) const;

    // The transaction a node simulates to estimate gas: the body and the
    // key's AuthInfo (`fee`'s gas limit is a placeholder the node ignores in
    // simulation), with one empty signature, as the SDK's clients send it.
    // Nothing is signed, so no request goes to the signer.
    TxResult<QByteArray> simulationTx(const QString &uid, const TxBodyBuilder &body, const Fee &fee,
                                      quint64 sequence) const;

private:
    keyring::BaoKeyring &m_keyring;
};

} // namespace baokeys::tx
