#pragma once

#include "core/chain/ChainClient.h"
#include "core/chain/ChainError.h"
#include "core/tx/TxBodyBuilder.h"
#include "core/tx/TxError.h"
#include "core/tx/TxTypes.h"

#include <chrono>
#include <functional>
#include <optional>

namespace baokeys::keyring {
class BaoKeyring;
}

namespace baokeys::chain {

// How a transaction is signed and, with a node, sent. What is left out is
// asked of the node: the account number and sequence, and the gas (simulated,
// times gasAdjustment).
struct SubmitOptions {
    QString chainId;
    QList<tx::Coin> fee;
    QString feeGranter;         // empty: the signer pays
    std::optional<quint64> gas; // nothing: simulated on the node
    double gasAdjustment = 1.3;
    std::optional<quint64> accountNumber; // nothing: asked of the node
    std::optional<quint64> sequence;      // nothing: asked of the node (and again on a mismatch)
    std::chrono::milliseconds waitTimeout{60000};
    std::chrono::milliseconds pollInterval{500};
};

// Why a transaction was not signed or not sent: refused here or by the
// keyring (txError), by the node (chainError), or the signer has no account
// on the chain yet (accountMissing: it needs funds first).
struct SubmitError {
    std::optional<tx::TxError> txError;
    std::optional<ChainError> chainError;
    bool accountMissing = false;

    QString describe() const;
};

template <typename T> using SubmitResult = Expected<T, SubmitError>;

// A transaction ready to sign: where it is valid and what it pays.
struct PreparedTx {
    tx::SignerAccount account;
    tx::Fee fee;
    std::optional<quint64> simulatedGas; // when the gas was simulated
    bool sequenceAsked = false;          // the sequence came from the node (so a mismatch may ask again)
};

// What happened on the way to a block, for the caller to tell the operator.
struct SubmitEvent {
    enum class Kind {
        SequenceRefused, // the node refused `sequence` (code 32); asking again and signing once more
        Broadcast,       // accepted by CheckTx as txHash; waiting for a block
    };
    Kind kind;
    quint64 sequence = 0;
    QString message;
    QString txHash;
};

// The path from a built body to a signed and (optionally) included
// transaction, shared by `baokeys-cli tx ...` and the desktop app: the
// account and gas from the node when not given, signing through the keyring
// (tx::TxSigner), a broadcast followed to inclusion, and a sequence mismatch
// answered by asking for the account again and signing once more (only when
// the sequence was asked of the node, never when the operator gave it).
//
// Thread-safety: as ChainClient, the thread that made the client; calls
// block. The desktop app runs them on the keyring's pool with a client made
// there.
class TxSubmitter {
public:
    using Events = std::function<void(const SubmitEvent &)>;

    // node: nullptr offline (then the account and gas must be given).
    TxSubmitter(keyring::BaoKeyring &keyring, ChainClient *node);

    SubmitResult<PreparedTx> prepare(const QString &key, const QString &from, const tx::TxBodyBuilder &body,
                                     const SubmitOptions &options) const;
    SubmitResult<tx::SignedTx> sign(const QString &key, const tx::TxBodyBuilder &body,
                                    const PreparedTx &prepared) const;
    // Broadcasts `signedTx` and waits for its block; on a sequence mismatch of
    // an asked sequence, re-asks, re-signs (updating *signedTx and *prepared)
    // and sends once more.
    SubmitResult<TxResponse> broadcast(const QString &key, const QString &from, const tx::TxBodyBuilder &body,
                                       PreparedTx *prepared, tx::SignedTx *signedTx,
                                       const SubmitOptions &options, const Events &events = {}) const;

private:
    SubmitResult<AccountInfo> askAccount(const QString &from) const;

    keyring::BaoKeyring &m_keyring;
    ChainClient *m_node;
};

} // namespace baokeys::chain
