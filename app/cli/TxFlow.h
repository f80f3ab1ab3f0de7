#pragma once

#include "cli/CommandLine.h"
#include "core/tx/Coin.h"

#include <QCommandLineOption>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <chrono>
#include <optional>

namespace baokeys::tx {
class TxBodyBuilder;
struct TxError;
} // namespace baokeys::tx

namespace baokeys::chain {
class ChainClient;
struct ChainError;
} // namespace baokeys::chain

namespace baokeys::cli {

// The flags every signing `tx` command shares, read and checked once.
struct TxFlags {
    QString prefix;                       // the chain's address prefix
    QList<tx::Coin> fee;                  // may be empty (a zero fee)
    std::optional<quint64> gas;           // nothing: --gas auto (simulated on the node)
    double gasAdjustment = 1.3;           // multiplies the simulated gas
    QString chainId;                      // checked by the tx layer
    std::optional<quint64> accountNumber; // nothing: asked of the node
    std::optional<quint64> sequence;      // nothing: asked of the node
    QString memo;
    QString feeGranter; // empty: the signer pays
    QString node;       // --node or BAOKEYS_NODE; empty: offline
    bool broadcast = false;
    std::chrono::milliseconds waitTimeout{60000}; // for inclusion after a broadcast
};

// What `tx send`, `tx grant` and `tx revoke` have in common: their shared
// options, reading them, and the path from a built body to a printed (and,
// with a node, broadcast) transaction. Offline, the account number, sequence
// and gas must be given; with --node the missing ones are asked of the
// chain's REST endpoint (gas with --gas auto), and --broadcast sends the
// transaction and follows it to inclusion. A sequence mismatch on broadcast
// (code 32) is said on stderr, the account asked for again, and the
// transaction signed and sent once more.
//
// Thread-safety: the functions run on the main thread.
class TxFlow {
public:
    // --fee --gas --gas-adjustment --chain-id --account-number --sequence
    // --memo --fee-granter --prefix --node --broadcast --broadcast-timeout
    static QList<QCommandLineOption> options();

    // `command` ("tx grant") names the command in the messages.
    static CliResult<TxFlags> read(const Invocation &invocation, const QString &command);

    // The node's client, when a node is named (nullptr offline); each call
    // to the node waits at most `timeout` (--timeout).
    static std::unique_ptr<chain::ChainClient> client(const TxFlags &flags,
                                                      std::chrono::milliseconds timeout);

    // Fills the account and gas, signs `body` with key `key` (address `from`),
    // prints the JSON fields of `tx send` plus `extra` (or the TxRaw and hash
    // as two lines), and broadcasts when asked.
    static CliResult<ExitCode> signAndReport(CommandContext &context, const TxFlags &flags,
                                             const QString &key, const QString &from,
                                             const tx::TxBodyBuilder &body, const QJsonObject &extra = {});

    // A refused transaction: bad input is a usage error (exit 2), a keyring
    // failure keeps the keyring's exit code.
    static CliError fromTx(const tx::TxError &error);
    // A node that cannot be reached or answers badly (exit 5), or refuses (exit 1).
    static CliError fromChain(const chain::ChainError &error);
};

} // namespace baokeys::cli
