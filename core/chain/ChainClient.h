#pragma once

#include "core/chain/ChainError.h"
#include "core/tx/Coin.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>
#include <chrono>
#include <memory>
#include <optional>

namespace baokeys::bao {
class HttpTransport;
}

namespace baokeys::chain {

// An account as x/auth knows it.
struct AccountInfo {
    QString address;
    quint64 accountNumber = 0;
    quint64 sequence = 0;
};

// A fee grant as x/feegrant answers it: the allowance's JSON ("@type",
// spend_limit, expiration, or allowance + allowed_messages when wrapped).
struct FeeGrant {
    QString granter;
    QString grantee;
    QJsonObject allowance;
};

// cosmos.base.abci.v1beta1.TxResponse, the fields we use. A transaction that
// is in a block has height > 0; code 0 is success.
struct TxResponse {
    QString txHash;
    qint64 height = 0;
    quint32 code = 0;
    QString codespace;
    QString rawLog;
    quint64 gasWanted = 0;
    quint64 gasUsed = 0;
};

// The REST (gRPC-gateway) face of a Cosmos SDK node, as celestia-app and
// every SDK node serve it: accounts, balances, fee grants, simulate,
// broadcast (BROADCAST_MODE_SYNC) and the transaction by hash. Carried by
// the same HTTP transport as the OpenBao client (TLS, timeouts).
//
// Thread-safety: NOT thread-safe (the transport belongs to the thread that
// made the client); every call blocks that thread until the answer.
class ChainClient {
public:
    // `node`: "http(s)://host:port" with an optional path prefix.
    ChainClient(const QString &node, std::chrono::milliseconds timeout);
    ~ChainClient();
    ChainClient(const ChainClient &) = delete;
    ChainClient &operator=(const ChainClient &) = delete;

    // GET /cosmos/auth/v1beta1/account_info/{address}, falling back to
    // /cosmos/auth/v1beta1/accounts/{address} on a node without it (older
    // SDKs answer 501 or 404 with no "not found" reason). Nothing when the
    // chain has no such account yet.
    ChainResult<std::optional<AccountInfo>> account(const QString &address);
    // GET /cosmos/bank/v1beta1/balances/{address}.
    ChainResult<QList<tx::Coin>> balances(const QString &address);
    // GET /cosmos/feegrant/v1beta1/allowance/{granter}/{grantee}; nothing
    // when there is no grant.
    ChainResult<std::optional<FeeGrant>> allowance(const QString &granter, const QString &grantee);
    // POST /cosmos/tx/v1beta1/simulate: the gas the transaction used.
    ChainResult<quint64> simulate(const QByteArray &txRaw);
    // POST /cosmos/tx/v1beta1/txs, BROADCAST_MODE_SYNC: CheckTx's answer; a
    // non-zero code is ChainErrorKind::Rejected with code, codespace and log.
    ChainResult<TxResponse> broadcast(const QByteArray &txRaw);
    // GET /cosmos/tx/v1beta1/txs/{hash}; nothing while it is not in a block.
    ChainResult<std::optional<TxResponse>> tx(const QString &hash);
    // Polls tx() every `interval` until it is in a block (a failed delivery,
    // code != 0, is Rejected) or `timeout` passes (NotIncluded).
    ChainResult<TxResponse> waitForTx(const QString &hash, std::chrono::milliseconds timeout,
                                      std::chrono::milliseconds interval);

    QString node() const { return m_base.toString(); }

private:
    struct Answer {
        int status = 0;
        QJsonObject json;
        QString message; // the error's "message", if any
    };
    ChainResult<Answer> call(const QByteArray &method, const QString &path, const QByteArray &body = {});

    QUrl m_base;
    std::chrono::milliseconds m_timeout;
    std::unique_ptr<bao::HttpTransport> m_transport;
    bool m_accountInfo = true; // false once the node lacked account_info
};

} // namespace baokeys::chain
