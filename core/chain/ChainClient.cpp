#include "core/chain/ChainClient.h"

#include "core/bao/BaoSettings.h"
#include "core/bao/HttpTransport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>
#include <thread>

namespace baokeys::chain {

namespace {

// The SDK's JSON writes 64-bit integers as strings; accept numbers too.
std::optional<quint64> unsignedOf(const QJsonValue &value)
{
    if (value.isDouble() && value.toDouble() >= 0)
        return quint64(value.toDouble());
    bool ok = false;
    const quint64 number = value.toString().toULongLong(&ok);
    return ok ? std::optional<quint64>(number) : std::nullopt;
}

// gRPC's NotFound, as the gateway puts it in an error body.
constexpr int GrpcNotFound = 5;

TxResponse txResponseOf(const QJsonObject &json)
{
    TxResponse response;
    response.txHash = json.value(QLatin1String("txhash")).toString();
    response.height = qint64(unsignedOf(json.value(QLatin1String("height"))).value_or(0));
    response.code = quint32(unsignedOf(json.value(QLatin1String("code"))).value_or(0));
    response.codespace = json.value(QLatin1String("codespace")).toString();
    response.rawLog = json.value(QLatin1String("raw_log")).toString();
    response.gasWanted = unsignedOf(json.value(QLatin1String("gas_wanted"))).value_or(0);
    response.gasUsed = unsignedOf(json.value(QLatin1String("gas_used"))).value_or(0);
    return response;
}

Unexpected<ChainError> rejected(const TxResponse &response, const QString &stage)
{
    ChainError error{
        ChainErrorKind::Rejected,
        QStringLiteral("%1: code %2 (%3): %4")
            .arg(stage)
            .arg(response.code)
            .arg(response.codespace.isEmpty() ? QStringLiteral("no codespace") : response.codespace,
                 response.rawLog),
        200,
        response.code,
        response.codespace,
        std::nullopt};
    return {std::move(error)};
}

std::optional<AccountInfo> accountOf(QJsonObject json)
{
    // Vesting and module accounts carry the BaseAccount inside.
    while (json.contains(QLatin1String("base_account")))
        json = json.value(QLatin1String("base_account")).toObject();
    if (json.contains(QLatin1String("base_vesting_account")))
        return accountOf(json.value(QLatin1String("base_vesting_account")).toObject());
    const auto number = unsignedOf(json.value(QLatin1String("account_number")));
    const auto sequence = unsignedOf(json.value(QLatin1String("sequence")));
    if (!number || !sequence)
        return std::nullopt;
    return AccountInfo{json.value(QLatin1String("address")).toString(), *number, *sequence};
}

} // namespace

QString ChainError::kindName(ChainErrorKind kind)
{
    switch (kind) {
    case ChainErrorKind::InvalidNode:
        return QStringLiteral("invalid_node");
    case ChainErrorKind::Unreachable:
        return QStringLiteral("unreachable");
    case ChainErrorKind::HttpStatus:
        return QStringLiteral("http_status");
    case ChainErrorKind::BadAnswer:
        return QStringLiteral("bad_answer");
    case ChainErrorKind::Rejected:
        return QStringLiteral("rejected");
    case ChainErrorKind::NotIncluded:
        return QStringLiteral("not_included");
    }
    return QStringLiteral("unknown");
}

QString ChainError::describe() const
{
    QString text = kindName(kind).replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!message.isEmpty())
        text += QStringLiteral(": ") + message;
    if (transportError)
        text += QStringLiteral(" (") + transportError->describe() + QStringLiteral(")");
    return text;
}

ChainClient::ChainClient(const QString &node, std::chrono::milliseconds timeout)
    : m_base(QUrl(node.endsWith(QLatin1Char('/')) ? node.chopped(1) : node)), m_timeout(timeout)
{
    if (!m_base.isValid() || m_base.host().isEmpty() ||
        (m_base.scheme() != QLatin1String("http") && m_base.scheme() != QLatin1String("https")))
        return;
    bao::BaoSettings settings;
    settings.address = m_base.toString();
    settings.timeout = timeout;
    m_transport = bao::HttpTransport::create(settings);
}

ChainClient::~ChainClient() = default;

ChainResult<ChainClient::Answer> ChainClient::call(const QByteArray &method, const QString &path,
                                                   const QByteArray &body)
{
    if (!m_transport)
        return chainError(ChainErrorKind::InvalidNode,
                          QStringLiteral("\"%1\" is not an http(s) URL of a node").arg(m_base.toString()));
    bao::HttpCall call;
    call.method = method;
    call.url = QUrl(m_base.toString() + path);
    call.body = body;
    // Broadcasting twice is harmless (the chain refuses a transaction it has
    // seen), but a lost answer must not look like a refusal.
    call.repeatable = method == "GET";
    const bao::HttpAnswer answer = m_transport->exchange(call, nullptr);
    if (answer.transportError) {
        ChainError error{ChainErrorKind::Unreachable,
                         QStringLiteral("%1 %2").arg(QString::fromLatin1(method), path),
                         0,
                         0,
                         {},
                         answer.transportError};
        return unexpected(std::move(error));
    }
    Answer result;
    result.status = answer.status;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(answer.body, &parseError);
    result.json = document.object();
    result.message = result.json.value(QLatin1String("message")).toString();
    if (answer.status == 200 && (parseError.error != QJsonParseError::NoError || !document.isObject()))
        return chainError(
            ChainErrorKind::BadAnswer,
            QStringLiteral("%1 %2: the answer is not a JSON object").arg(QString::fromLatin1(method), path),
            200);
    return result;
}

ChainResult<std::optional<AccountInfo>> ChainClient::account(const QString &address)
{
    if (m_accountInfo) {
        auto answer = call("GET", QStringLiteral("/cosmos/auth/v1beta1/account_info/") + address);
        if (!answer)
            return unexpected(answer.error());
        if (answer->status == 200) {
            const auto info = accountOf(answer->json.value(QLatin1String("info")).toObject());
            if (!info)
                return chainError(
                    ChainErrorKind::BadAnswer,
                    QStringLiteral("account_info of %1 has no account number or sequence").arg(address), 200);
            return std::optional<AccountInfo>(*info);
        }
        const bool notFound =
            answer->status == 404 && answer->json.value(QLatin1String("code")).toInt() == GrpcNotFound;
        if (notFound)
            return std::optional<AccountInfo>();
        if (answer->status != 404 && answer->status != 501 && answer->status != 405)
            return chainError(ChainErrorKind::HttpStatus,
                              QStringLiteral("account_info of %1: HTTP %2 %3")
                                  .arg(address)
                                  .arg(answer->status)
                                  .arg(answer->message),
                              answer->status);
        m_accountInfo = false; // an SDK before account_info: the older endpoint
    }
    auto answer = call("GET", QStringLiteral("/cosmos/auth/v1beta1/accounts/") + address);
    if (!answer)
        return unexpected(answer.error());
    if (answer->status == 404)
        return std::optional<AccountInfo>();
    if (answer->status != 200)
        return chainError(
            ChainErrorKind::HttpStatus,
            QStringLiteral("account %1: HTTP %2 %3").arg(address).arg(answer->status).arg(answer->message),
            answer->status);
    const auto info = accountOf(answer->json.value(QLatin1String("account")).toObject());
    if (!info)
        return chainError(ChainErrorKind::BadAnswer,
                          QStringLiteral("account %1 has no account number or sequence").arg(address), 200);
    return std::optional<AccountInfo>(*info);
}

ChainResult<QList<tx::Coin>> ChainClient::balances(const QString &address)
{
    auto answer = call("GET", QStringLiteral("/cosmos/bank/v1beta1/balances/") + address);
    if (!answer)
        return unexpected(answer.error());
    if (answer->status != 200)
        return chainError(ChainErrorKind::HttpStatus,
                          QStringLiteral("balances of %1: HTTP %2 %3")
                              .arg(address)
                              .arg(answer->status)
                              .arg(answer->message),
                          answer->status);
    QList<tx::Coin> coins;
    for (const QJsonValue &coin : answer->json.value(QLatin1String("balances")).toArray())
        coins.append({coin.toObject().value(QLatin1String("denom")).toString(),
                      coin.toObject().value(QLatin1String("amount")).toString()});
    return coins;
}

ChainResult<std::optional<FeeGrant>> ChainClient::allowance(const QString &granter, const QString &grantee)
{
    auto answer =
        call("GET", QStringLiteral("/cosmos/feegrant/v1beta1/allowance/%1/%2").arg(granter, grantee));
    if (!answer)
        return unexpected(answer.error());
    // No grant: gRPC NotFound (404), or an SDK that wraps "fee-grant not
    // found" in another status.
    if (answer->status == 404 || answer->message.contains(QLatin1String("not found")) ||
        answer->message.contains(QLatin1String("no allowance")))
        return std::optional<FeeGrant>();
    if (answer->status != 200)
        return chainError(ChainErrorKind::HttpStatus,
                          QStringLiteral("allowance %1 -> %2: HTTP %3 %4")
                              .arg(granter, grantee)
                              .arg(answer->status)
                              .arg(answer->message),
                          answer->status);
    const QJsonObject grant = answer->json.value(QLatin1String("allowance")).toObject();
    if (grant.isEmpty())
        return std::optional<FeeGrant>();
    return std::optional<FeeGrant>(FeeGrant{grant.value(QLatin1String("granter")).toString(),
                                            grant.value(QLatin1String("grantee")).toString(),
                                            grant.value(QLatin1String("allowance")).toObject()});
}

ChainResult<quint64> ChainClient::simulate(const QByteArray &txRaw)
{
    const QJsonObject request{{QStringLiteral("tx_bytes"), QString::fromLatin1(txRaw.toBase64())}};
    auto answer = call("POST", QStringLiteral("/cosmos/tx/v1beta1/simulate"),
                       QJsonDocument(request).toJson(QJsonDocument::Compact));
    if (!answer)
        return unexpected(answer.error());
    if (answer->status != 200) {
        ChainError error{ChainErrorKind::Rejected,
                         QStringLiteral("simulation failed: %1").arg(answer->message),
                         answer->status,
                         0,
                         {},
                         std::nullopt};
        return unexpected(std::move(error));
    }
    const auto gasUsed =
        unsignedOf(answer->json.value(QLatin1String("gas_info")).toObject().value(QLatin1String("gas_used")));
    if (!gasUsed)
        return chainError(ChainErrorKind::BadAnswer, QStringLiteral("simulate: no gas_info.gas_used"), 200);
    return *gasUsed;
}

ChainResult<TxResponse> ChainClient::broadcast(const QByteArray &txRaw)
{
    const QJsonObject request{{QStringLiteral("tx_bytes"), QString::fromLatin1(txRaw.toBase64())},
                              {QStringLiteral("mode"), QStringLiteral("BROADCAST_MODE_SYNC")}};
    auto answer = call("POST", QStringLiteral("/cosmos/tx/v1beta1/txs"),
                       QJsonDocument(request).toJson(QJsonDocument::Compact));
    if (!answer)
        return unexpected(answer.error());
    if (answer->status != 200)
        return chainError(ChainErrorKind::HttpStatus,
                          QStringLiteral("broadcast: HTTP %1 %2").arg(answer->status).arg(answer->message),
                          answer->status);
    if (!answer->json.contains(QLatin1String("tx_response")))
        return chainError(ChainErrorKind::BadAnswer, QStringLiteral("broadcast: no tx_response"), 200);
    const TxResponse response = txResponseOf(answer->json.value(QLatin1String("tx_response")).toObject());
    if (response.code != 0)
        return rejected(response, QStringLiteral("broadcast refused"));
    return response;
}

ChainResult<std::optional<TxResponse>> ChainClient::tx(const QString &hash)
{
    auto answer = call("GET", QStringLiteral("/cosmos/tx/v1beta1/txs/") + hash);
    if (!answer)
        return unexpected(answer.error());
    if (answer->status == 404 || answer->message.contains(QLatin1String("not found")))
        return std::optional<TxResponse>();
    if (answer->status != 200)
        return chainError(
            ChainErrorKind::HttpStatus,
            QStringLiteral("tx %1: HTTP %2 %3").arg(hash).arg(answer->status).arg(answer->message),
            answer->status);
    const TxResponse response = txResponseOf(answer->json.value(QLatin1String("tx_response")).toObject());
    if (response.height <= 0)
        return std::optional<TxResponse>();
    return std::optional<TxResponse>(response);
}

ChainResult<TxResponse> ChainClient::waitForTx(const QString &hash, std::chrono::milliseconds timeout,
                                               std::chrono::milliseconds interval)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        auto found = tx(hash);
        if (!found)
            return unexpected(found.error());
        if (*found) {
            if ((*found)->code != 0)
                return rejected(**found, QStringLiteral("included but failed"));
            return **found;
        }
        if (std::chrono::steady_clock::now() + interval > deadline)
            return chainError(ChainErrorKind::NotIncluded,
                              QStringLiteral("%1 was not in a block after %2 ms; it may still be included")
                                  .arg(hash)
                                  .arg(timeout.count()));
        std::this_thread::sleep_for(interval);
    }
}

} // namespace baokeys::chain
