#pragma once

#include "core/bao/BaoTypes.h"
#include "core/keyring/BatchTypes.h"
#include "core/keyring/KeyRecord.h"
#include "core/keyring/VerifyingKeys.h"

#include <QByteArray>

namespace baokeys::bao {
class BaoClient;
}

namespace baokeys::keyring {

// The trust check of every signature: asks the signer for one and accepts
// it only when the answer's public key is the stored one and the signature
// verifies (low-S) over the digest meant. Anything else is
// BaoErrorKind::SecurityFault, except another public key under a name a sync
// already found reused (replacedOnServer): NotFound, the stored key is gone.
// The message is hashed here and sent prehashed, so the signer signs exactly
// the 32 bytes checked.
//
// Thread-safety: sign() may be called from many threads at once, each with
// its own client.
class CheckedSigner {
public:
    bao::BaoResult<Signature> sign(bao::BaoClient &client, const KeyRecord &record, const QByteArray &message,
                                   bool prehashed) const;

    // sign() in its two halves, for a caller that asks the signer itself
    // (an asynchronous lane) and checks elsewhere: the digest to send
    // (prehashed), then the check of what came back for it.
    static bao::BaoResult<QByteArray> digestOf(const QByteArray &message, bool prehashed);
    bao::BaoResult<Signature> check(const KeyRecord &record, const QByteArray &digest,
                                    const bao::BaoResult<bao::SignResponse> &response) const;

private:
    VerifyingKeys m_verifyingKeys; // the stored keys, parsed once each
};

} // namespace baokeys::keyring
