#include "core/bao/BaoClient.h"

#include "core/bao/BeastConnection.h"
#include "core/bao/BeastTransport.h"
#include "core/common/KeyName.h"
#include "core/crypto/CosmosAddress.h"
#include "core/crypto/Hex.h"
#include "core/crypto/Secp256k1.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QThread>
#include <QUrl>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <mutex>

namespace baokeys::bao {

namespace net = boost::asio;

namespace {

constexpr auto MalformedAnswer = BaoErrorKind::MalformedAnswer;

// The "errors" array of an OpenBao error body, joined for people.
QString errorsOf(const QJsonObject &body, bool *present = nullptr)
{
    const QJsonValue errors = body.value(QStringLiteral("errors"));
    if (present)
        *present = errors.isArray() && !errors.toArray().isEmpty();
    QStringList parts;
    for (const QJsonValue &value : errors.toArray()) {
        // OpenBao wraps multierror text as "1 error occurred:\n\t* x\n\n".
        QString text = value.toString().trimmed();
        if (text.contains(QLatin1String("error occurred:"))) {
            const qsizetype star = text.indexOf(QLatin1String("* "));
            if (star >= 0)
                text = text.mid(star + 2).trimmed();
        }
        if (!text.isEmpty())
            parts << text;
    }
    return parts.join(QStringLiteral("; "));
}

BaoResult<QByteArray> hexField(const QJsonObject &data, const QString &field, int expectedSize)
{
    const QJsonValue value = data.value(field);
    if (!value.isString())
        return baoError(MalformedAnswer, QStringLiteral("answer has no '%1'").arg(field));
    auto bytes = crypto::Hex::decode(value.toString());
    if (!bytes || (expectedSize > 0 && bytes->size() != expectedSize))
        return baoError(MalformedAnswer,
                        QStringLiteral("'%1' is not %2 bytes of hex").arg(field).arg(expectedSize));
    return std::move(bytes).value();
}

// RFC 3339 as Go prints it (fractions up to nanoseconds, Z or an offset).
QDateTime parseRfc3339(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid()) {
        // Qt reads at most milliseconds: drop the extra fraction digits.
        QString trimmed = text;
        const qsizetype dot = trimmed.indexOf(QLatin1Char('.'));
        if (dot > 0) {
            qsizetype end = dot + 1;
            while (end < trimmed.size() && trimmed.at(end).isDigit())
                ++end;
            trimmed = trimmed.left(qMin(end, dot + 4)) + trimmed.mid(end);
            time = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
        }
    }
    return time.isValid() ? time.toUTC() : QDateTime();
}

// Checks what every key answer must satisfy: a compressed point and
// address == RIPEMD160(SHA256(public_key)).
BaoResult<KeyInfo> parseKeyInfo(const QJsonObject &data, const QString &expectedName)
{
    KeyInfo info;
    info.name = data.value(QStringLiteral("name")).toString(expectedName);
    if (!expectedName.isEmpty() && info.name != expectedName)
        return baoError(MalformedAnswer,
                        QStringLiteral("answer is about key '%1', not '%2'").arg(info.name, expectedName));
    auto publicKey = hexField(data, QStringLiteral("public_key"), crypto::Secp256k1::CompressedPublicKeySize);
    if (!publicKey)
        return unexpected(publicKey.error());
    auto parsed = crypto::Secp256k1::parsePublicKey(*publicKey);
    if (!parsed || *parsed != *publicKey)
        return baoError(
            MalformedAnswer,
            QStringLiteral("'public_key' of '%1' is not a compressed secp256k1 point").arg(info.name));
    info.publicKey = *publicKey;
    auto address = hexField(data, QStringLiteral("address"), crypto::CosmosAddress::AddressSize);
    if (!address)
        return unexpected(address.error());
    if (*address != crypto::CosmosAddress::fromPublicKey(info.publicKey))
        return baoError(MalformedAnswer,
                        QStringLiteral("'address' of '%1' does not match its public key").arg(info.name));
    info.address = *address;
    info.exportable = data.value(QStringLiteral("exportable")).toBool(false);
    info.imported = data.value(QStringLiteral("imported")).toBool(false);
    info.createdAt = parseRfc3339(data.value(QStringLiteral("created_at")).toString());
    return info;
}

QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

void warnSkipVerifyOnce()
{
    static std::once_flag once;
    std::call_once(once, [] {
        qWarning("baokeys: TLS certificate verification is DISABLED (BAO_SKIP_VERIFY / tlsSkipVerify). "
                 "Anyone on the network path can impersonate the signer.");
    });
}

} // namespace

BaoClient::BaoClient(BaoSettings settings) : m_settings(std::move(settings))
{
    const QStringList nodes = m_settings.addresses();
    m_settings.address = nodes.join(QLatin1Char(','));
    m_route = ClusterRoute::forAddresses(nodes);
    m_settings.mount = BaoSettings::mountPath(m_settings.mount);
    if (m_settings.tlsSkipVerify)
        warnSkipVerifyOnce();
}

BaoClient::BaoClient(BaoSettings settings, std::unique_ptr<HttpTransport> transport)
    : BaoClient(std::move(settings))
{
    m_transport = std::move(transport);
}

BaoClient::BaoClient(BaoSettings settings, IoEngine &engine) : BaoClient(std::move(settings))
{
    m_transport = std::make_unique<BeastTransport>(m_settings, engine);
}

BaoClient::~BaoClient() = default;

void BaoClient::setCancelToken(const CancelToken &token)
{
    m_cancel = token;
    m_hasCancel = true;
}

void BaoClient::clearCancelToken()
{
    m_cancel = CancelToken();
    m_hasCancel = false;
}

QString BaoClient::keyPath(const QString &name) const
{
    return m_settings.mount + QStringLiteral("/keys/") + name;
}

namespace {

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 307 || status == 308;
}

// A create, import or delete whose answer does not say whether it was done:
// a 2xx whose body is not OpenBao's envelope (not JSON, no data object: the
// server did something, or a proxy says it did), or a 5xx that
// is not a refusal made before any work (501 not initialised and 503 sealed
// or standby are; a 500, or a gateway's 502 or 504 after it passed the
// request on, are not). Like a lost answer, that is outcome unknown: never
// sent again blindly, settled by a sync or by the same command again.
BaoError undecidedStateChange(const BaoError &error)
{
    const bool undecided =
        error.kind == BaoErrorKind::MalformedAnswer ||
        (error.kind == BaoErrorKind::ServerError && error.httpStatus != 501 && error.httpStatus != 503);
    if (!undecided)
        return error;
    return BaoError{BaoErrorKind::OutcomeUnknown,
                    QStringLiteral("the answer does not say whether it was done (%1); the server may have "
                                   "done it, so it is not sent again")
                        .arg(error.describe()),
                    error.httpStatus,
                    {}};
}

std::optional<BaoError> unusableUrl(const QUrl &url, const QString &address)
{
    if (url.isValid() && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https")))
        return std::nullopt;
    return BaoError{
        BaoErrorKind::Transport, QStringLiteral("'%1' is not an http(s) address").arg(address), 0, {}};
}

// What sys/health says about a node: its status code first (OpenBao's
// defaults), its flags where a code was changed with ?activecode= and such.
NodeRole roleOf(const HealthInfo &health)
{
    if (health.sealed || health.httpStatus == 503)
        return NodeRole::Sealed;
    if (!health.initialized || health.httpStatus == 501)
        return NodeRole::Uninitialized;
    if (health.httpStatus == 472)
        return NodeRole::DrSecondary;
    if (health.performanceStandby || health.httpStatus == 473)
        return NodeRole::PerformanceStandby;
    if (health.standby || health.httpStatus == 429)
        return NodeRole::Standby;
    return NodeRole::Active;
}

BaoResult<HealthInfo> parseHealth(const HttpAnswer &reply)
{
    if (reply.transportError)
        return unexpected(*reply.transportError);
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(reply.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return baoError(MalformedAnswer, QStringLiteral("health answer is not a JSON object"), reply.status);
    const QJsonObject object = document.object();
    if (!object.contains(QStringLiteral("sealed")))
        return baoError(MalformedAnswer,
                        errorsOf(object).isEmpty() ? QStringLiteral("health answer has no 'sealed'")
                                                   : errorsOf(object),
                        reply.status);
    HealthInfo info;
    info.httpStatus = reply.status;
    info.initialized = object.value(QStringLiteral("initialized")).toBool();
    info.sealed = object.value(QStringLiteral("sealed")).toBool();
    info.standby = object.value(QStringLiteral("standby")).toBool();
    info.performanceStandby = object.value(QStringLiteral("performance_standby")).toBool();
    info.version = object.value(QStringLiteral("version")).toString();
    info.clusterName = object.value(QStringLiteral("cluster_name")).toString();
    const qint64 serverTime = qint64(object.value(QStringLiteral("server_time_utc")).toDouble());
    if (serverTime > 0)
        info.serverTime = QDateTime::fromSecsSinceEpoch(serverTime, Qt::UTC);
    return info;
}

} // namespace

QUrl BaoClient::urlOf(int index, const QString &path) const
{
    return QUrl(m_route->addresses().at(index) + QStringLiteral("/v1/") + path);
}

// BaoClient's exchanges as coroutines, one logic for both ways a client
// runs: blocking (each public call runs them to the end on an io_context of
// the calling thread; the transport blocks inside) and on an IoEngine (a
// batch lane: every wait, for an answer or before a retry, gives the loop
// to the other lanes).
class ClientFlow {
public:
    template <typename T> using Task = net::awaitable<T>;

    // Runs `task` on the calling thread until it is done.
    template <typename T> static T run(Task<T> task)
    {
        net::io_context loop(1);
        std::optional<T> result;
        net::co_spawn(loop, std::move(task), [&result](std::exception_ptr failed, T value) {
            if (failed)
                std::rethrow_exception(failed);
            result = std::move(value);
        });
        loop.run();
        return std::move(*result);
    }

    static Task<HttpAnswer> exchange(BaoClient &client, const QByteArray &method, const QUrl &url,
                                     const QJsonObject *body, bool authenticated, bool repeatable);
    static Task<NodeStatus> probe(BaoClient &client, int index);
    static Task<int> chooseNode(BaoClient &client, int after);
    static Task<HttpAnswer> send(BaoClient &client, QByteArray method, QString path, const QJsonObject *body,
                                 bool authenticated);
    static Task<bool> waitBeforeRetry(BaoClient &client, int retryAfterSeconds, int attempt);
};

ClientFlow::Task<HttpAnswer> ClientFlow::exchange(BaoClient &client, const QByteArray &method,
                                                  const QUrl &url, const QJsonObject *body,
                                                  bool authenticated, bool repeatable)
{
    if (const QString problem = client.m_settings.headerProblem(); !problem.isEmpty()) {
        HttpAnswer refused; // nothing is sent: the header would carry more than the token
        refused.transportError = BaoError{BaoErrorKind::InvalidInput, problem, 0, {}};
        co_return refused;
    }
    HttpCall call;
    call.method = method;
    call.url = url;
    call.repeatable = repeatable;
    if (authenticated && !client.m_settings.token.isEmpty())
        call.headers.append({QByteArrayLiteral("X-Vault-Token"), client.m_settings.token.toUtf8()});
    if (!client.m_settings.ns.isEmpty())
        call.headers.append({QByteArrayLiteral("X-Vault-Namespace"), client.m_settings.ns.toUtf8()});
    if (body)
        call.body = toJson(*body); // may hold a private key (import): the transport wipes it
    if (!client.m_transport)
        client.m_transport =
            HttpTransport::create(client.m_settings); // on first use: it belongs to the using thread
    CancelToken *cancel = client.m_hasCancel ? &client.m_cancel : nullptr;
    HttpAnswer answer;
    if (BeastConnection *connection = client.m_transport->asyncConnection())
        answer = co_await connection->exchange(call, cancel);
    else
        answer = client.m_transport->exchange(call, cancel);
    for (auto &header : call.headers)
        header.second.fill('\0'); // the token
    co_return answer;
}

ClientFlow::Task<NodeStatus> ClientFlow::probe(BaoClient &client, int index)
{
    NodeStatus node;
    node.address = client.m_route->addresses().at(index);
    const QUrl url = client.urlOf(index, QStringLiteral("sys/health"));
    if (auto bad = unusableUrl(url, node.address)) {
        node.error = bad;
        co_return node;
    }
    QElapsedTimer timer;
    timer.start();
    const HttpAnswer answer = co_await exchange(client, "GET", url, nullptr, false, true);
    node.roundTripMs = timer.elapsed();
    auto health = parseHealth(answer);
    if (!health) {
        node.error = health.error();
        co_return node;
    }
    node.health = *health;
    node.role = roleOf(*health);
    co_return node;
}

ClientFlow::Task<int> ClientFlow::chooseNode(BaoClient &client, int after)
{
    ClusterRoute &route = *client.m_route;
    if (const int current = route.current(); current >= 0 && current != after)
        co_return current; // another lane has found it meanwhile
    int standby = -1;
    for (const int index : route.searchOrder(after)) {
        if (client.m_hasCancel && client.m_cancel.isCancelled())
            break;
        const NodeStatus node = co_await probe(client, index);
        if (node.role == NodeRole::Active) {
            route.markNodeAnswered();
            route.setActive(index);
            co_return index;
        }
        // A standby redirects to the active node (or forwards to it).
        if (standby < 0 && (node.role == NodeRole::Standby || node.role == NodeRole::PerformanceStandby))
            standby = index;
    }
    co_return standby;
}

NodeStatus BaoClient::probe(int index)
{
    return ClientFlow::run(ClientFlow::probe(*this, index));
}

QList<NodeStatus> BaoClient::nodes()
{
    QList<NodeStatus> nodes;
    for (int index = 0; index < m_route->size(); ++index)
        nodes << probe(index);
    return nodes;
}

HttpAnswer BaoClient::send(const QByteArray &method, const QString &path, const QJsonObject *body,
                           bool authenticated)
{
    return ClientFlow::run(ClientFlow::send(*this, method, path, body, authenticated));
}

ClientFlow::Task<HttpAnswer> ClientFlow::send(BaoClient &client, QByteArray method, QString path,
                                              const QJsonObject *body, bool authenticated)
{
    ClusterRoute &route = *client.m_route;
    const bool &hasCancel = client.m_hasCancel;
    const CancelToken &cancel = client.m_cancel;
    // Reads, lists, sign and verify may go out again; a create, import or
    // delete must not once it may have arrived (POST under keys/, DELETE).
    const bool repeatable =
        !(method == "DELETE" || (method == "POST" && path.startsWith(client.keyPath(QString()))));
    const int nodeCount = route.size();
    int node = route.current();
    if (node < 0)
        node = std::max(0, co_await chooseNode(client, -1)); // none answers: the first one gives the error
    QUrl url = client.urlOf(node, path);
    bool redirected = false; // at most one redirect per node the request goes to
    int failovers = 0;
    int waits = 0;
    HttpAnswer answer;
    for (;;) {
        if (hasCancel && cancel.isCancelled()) {
            answer = HttpAnswer();
            answer.transportError =
                BaoError{BaoErrorKind::Cancelled, QStringLiteral("cancelled before sending"), 0, {}};
            co_return answer;
        }
        if (auto bad = unusableUrl(url, route.addresses().at(node))) {
            answer = HttpAnswer();
            answer.transportError = bad;
            co_return answer;
        }
        client.m_lastNode = node;
        answer = co_await exchange(client, method, url, body, authenticated, repeatable);

        if (answer.transportError) {
            // Another node, when this one could not be reached: any request
            // safe to repeat, a create only when it provably never left.
            const BaoErrorKind kind = answer.transportError->kind;
            const bool mayMove = route.isCluster() && kind != BaoErrorKind::Cancelled &&
                                 (answer.connectFailed || (repeatable && kind == BaoErrorKind::Transport));
            if (!mayMove)
                co_return answer;
            // A few rounds over the nodes, the waits between them growing to
            // about 4 s in all: time for the standbys to elect a new active
            // node. Unless another request has just done that in vain: then
            // one pass, no wait, so a batch against a cluster that is down
            // fails in seconds, not in seconds per item.
            const bool waitedInVainLately = route.noActiveNodeLately();
            const int rounds = waitedInVainLately ? 1 : BaoClient::MaxAttemptsWhenAskedToWait;
            if (failovers >= rounds * nodeCount) {
                route.markNoActiveNode();
                co_return answer;
            }
            ++failovers;
            route.reportUnreachable(node);
            // Every node failed once: a new active node may be being elected.
            if (!waitedInVainLately && failovers % nodeCount == 0 &&
                !co_await waitBeforeRetry(client, -1, failovers / nodeCount - 1))
                co_return answer;
            const int next = co_await chooseNode(client, node);
            if (next < 0)
                continue; // none answers yet: the same node again, within the bound
            node = next;
            url = client.urlOf(node, path);
            redirected = false;
            continue;
        }

        if (isRedirect(answer.status) && !answer.location.isEmpty()) {
            // A standby points at the active node. The token goes only to a
            // node the operator listed: anywhere else could be anyone.
            const QUrl target = url.resolved(QUrl(answer.location));
            const int index = route.indexOf(target);
            if (index < 0) {
                answer.transportError =
                    BaoError{BaoErrorKind::SecurityFault,
                             QStringLiteral("%1 redirected to %2, which is not one of this profile's "
                                            "addresses: the request was not sent there")
                                 .arg(route.addresses().at(node), target.toDisplayString(QUrl::RemoveQuery)),
                             answer.status, answer.location};
                co_return answer;
            }
            if (redirected)
                co_return answer; // a second redirect: reported as a standby
            redirected = true;
            route.setActive(index);
            node = index;
            url = target;
            continue;
        }

        if (route.isCluster())
            route.markNodeAnswered();

        // A rate-limit quota (429) or a sealed or standby node (503) asks for
        // a later try: a request safe to repeat waits as advised and goes
        // again, a bounded number of times. So does a create, import or
        // delete refused by a quota: OpenBao applies quotas before the
        // request reaches the engine, so a 429 says it was not done. Only
        // this lane waits: in a batch, the other lanes go on. sys/health,
        // the one unauthenticated call, reads 429 and 503 as a node's state:
        // it is never retried.
        const bool askedToWait = authenticated && (answer.status == 429 || answer.status == 503);
        const bool notDone = repeatable || answer.status == 429;
        if (!askedToWait || !notDone || waits + 1 >= BaoClient::MaxAttemptsWhenAskedToWait)
            co_return answer;
        // The count is taken apart from the co_await: clang reads a ++ inside
        // a co_await expression as an unsequenced modification.
        const int attempt = waits++;
        if (!co_await waitBeforeRetry(client, answer.retryAfterSeconds, attempt))
            co_return answer; // cancelled while waiting: the last answer stands
        if (answer.status == 503 && route.isCluster()) {
            // Sealed or a standby that cannot serve: the active node may be another.
            route.reportUnreachable(node);
            if (const int next = co_await chooseNode(client, node); next >= 0 && next != node) {
                node = next;
                url = client.urlOf(node, path);
                redirected = false;
            }
        }
    }
}

ClientFlow::Task<bool> ClientFlow::waitBeforeRetry(BaoClient &client, int retryAfterSeconds, int attempt)
{
    // As advised (Retry-After), else 250 ms doubling; capped, and spread by up
    // to a quarter so lanes told to wait at once do not return at once.
    const qint64 advisedMs =
        retryAfterSeconds >= 0 ? qint64(retryAfterSeconds) * 1000 : qint64(250) << std::min(attempt, 4);
    const qint64 baseMs = std::min<qint64>(advisedMs, BaoClient::MaxRetryWaitMs);
    const qint64 waitMs = baseMs + QRandomGenerator::global()->bounded(baseMs / 4 + 1);
    // A timer on the flow's own loop: blocking, this thread sleeps; in a
    // lane, the loop serves the other lanes meanwhile. A cancel is seen
    // within 10 ms.
    net::steady_timer timer(co_await net::this_coro::executor);
    QDeadlineTimer deadline(waitMs);
    while (!deadline.hasExpired()) {
        if (client.m_hasCancel && client.m_cancel.isCancelled())
            co_return false;
        timer.expires_after(
            std::chrono::milliseconds(std::min<qint64>(10, std::max<qint64>(1, deadline.remainingTime()))));
        co_await timer.async_wait(net::use_awaitable);
    }
    co_return true;
}

// Maps status + errors to a typed result; on success returns the "data"
// object (empty for 204).
BaoResult<QJsonObject> BaoClient::engineCall(const QByteArray &method, const QString &path,
                                             const QJsonObject *body, bool *emptyNotFound)
{
    return engineAnswer(send(method, path, body, true), path, emptyNotFound);
}

BaoResult<QJsonObject> BaoClient::engineAnswer(HttpAnswer reply, const QString &path, bool *emptyNotFound)
{
    if (reply.transportError)
        return unexpected(*reply.transportError);
    const int status = reply.status;
    if (status == 204)
        return QJsonObject();

    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(reply.body, &parseError);
    reply.body.fill('\0'); // may hold an exported private key
    const bool isObject = parseError.error == QJsonParseError::NoError && document.isObject();
    const QJsonObject object = document.object();

    if (status >= 200 && status < 300) {
        if (!isObject)
            return baoError(MalformedAnswer, QStringLiteral("answer is not a JSON object"), status);
        const QJsonValue data = object.value(QStringLiteral("data"));
        if (!data.isObject())
            return baoError(MalformedAnswer, QStringLiteral("answer has no 'data' object"), status);
        return data.toObject();
    }

    bool hasErrors = false;
    QString message = isObject ? errorsOf(object, &hasErrors) : QString();
    if (!isObject && !reply.body.isEmpty() && status < 500)
        message = QStringLiteral("unexpected answer (not JSON)");
    BaoError error{BaoErrorKind::BadRequest, message, status, {}};
    if (status == 301 || status == 302 || status == 307 || status == 308) {
        error.kind = BaoErrorKind::Standby;
        error.redirectTo = reply.location;
        if (error.message.isEmpty())
            error.message = QStringLiteral("this node is a standby; the active node is elsewhere");
    } else if (status == 400) {
        const QString lower = message.toLower();
        if (lower.contains(QLatin1String("already exists")))
            error.kind = BaoErrorKind::AlreadyExists;
        else if (lower.contains(QLatin1String("not found")))
            error.kind = BaoErrorKind::NotFound;
        else if (lower.contains(QLatin1String("not exportable")))
            error.kind = BaoErrorKind::NotExportable;
    } else if (status == 401 || status == 403) {
        error.kind = BaoErrorKind::PermissionDenied;
    } else if (status == 404) {
        error.kind = BaoErrorKind::NotFound;
        if (!isObject || !object.value(QStringLiteral("errors")).isArray()) {
            // Not OpenBao's envelope: a web server or proxy at this address,
            // or an address whose path leads nowhere. Never an empty list.
            error.message = QStringLiteral("nothing answers %1 at this address: the answer is not OpenBao's "
                                           "(is the address right?)")
                                .arg(path);
        } else if (!hasErrors) {
            error.message = QStringLiteral("nothing at %1").arg(path);
            if (emptyNotFound)
                *emptyNotFound = true;
        }
    } else if (status == 429) {
        error.kind = BaoErrorKind::RateLimited;
    } else if (status == 503 && message.contains(QLatin1String("sealed"), Qt::CaseInsensitive)) {
        error.kind = BaoErrorKind::Sealed;
    } else if (status >= 500) {
        error.kind = BaoErrorKind::ServerError;
        if (error.message.isEmpty())
            error.message = QStringLiteral("server error");
    }
    return unexpected(error);
}

BaoResult<HealthInfo> BaoClient::health()
{
    return parseHealth(send("GET", QStringLiteral("sys/health"), nullptr, false));
}

BaoResult<TokenInfo> BaoClient::lookupSelf()
{
    auto data = engineCall("GET", QStringLiteral("auth/token/lookup-self"), nullptr);
    if (!data)
        return unexpected(data.error());
    TokenInfo info;
    info.displayName = data->value(QStringLiteral("display_name")).toString();
    for (const QJsonValue &policy : data->value(QStringLiteral("policies")).toArray())
        info.policies << policy.toString();
    info.ttlSeconds = qint64(data->value(QStringLiteral("ttl")).toDouble());
    info.renewable = data->value(QStringLiteral("renewable")).toBool();
    if (data->value(QStringLiteral("expire_time")).isString())
        info.expireTime = parseRfc3339(data->value(QStringLiteral("expire_time")).toString());
    return info;
}

ConnectionStatus BaoClient::status()
{
    ConnectionStatus status;
    QElapsedTimer timer;
    timer.start();
    auto health = this->health();
    status.roundTripMs = timer.elapsed();
    status.address = m_route->addresses().at(m_lastNode);
    if (m_route->isCluster())
        status.nodes = nodes();
    if (!health) {
        status.error = health.error();
        return status;
    }
    status.health = *health;
    if (health->sealed) {
        status.error =
            BaoError{BaoErrorKind::Sealed, QStringLiteral("the server is sealed"), health->httpStatus, {}};
        return status;
    }
    if (!health->initialized) {
        status.error = BaoError{BaoErrorKind::ServerError,
                                QStringLiteral("the server is not initialized"),
                                health->httpStatus,
                                {}};
        return status;
    }
    auto token = lookupSelf();
    if (!token) {
        status.error = token.error();
        return status;
    }
    status.token = *token;
    return status;
}

BaoResult<KeyInfo> BaoClient::createKey(const QString &name, bool exportable)
{
    if (!KeyName::isValid(name))
        return baoError(BaoErrorKind::InvalidName, KeyName::whyInvalid(name));
    const QJsonObject body{{QStringLiteral("exportable"), exportable}};
    auto data = engineCall("POST", keyPath(name), &body);
    if (!data)
        return unexpected(undecidedStateChange(data.error()));
    return parseKeyInfo(*data, name); // a readable answer that contradicts itself stays malformed
}

BaoResult<KeyInfo> BaoClient::readKey(const QString &name)
{
    if (!KeyName::isValid(name))
        return baoError(BaoErrorKind::InvalidName, KeyName::whyInvalid(name));
    auto data = engineCall("GET", keyPath(name), nullptr);
    if (!data)
        return unexpected(data.error());
    return parseKeyInfo(*data, name);
}

BaoResult<QJsonObject> BaoClient::listData()
{
    bool empty = false;
    auto data = engineCall("LIST", m_settings.mount + QStringLiteral("/keys/"), nullptr, &empty);
    if (!data) {
        // An empty listing is 404 with an empty errors array (a missing
        // mount is 404 *with* a message, and stays an error).
        if (empty)
            return QJsonObject{{QStringLiteral("keys"), QJsonArray()}};
        return unexpected(data.error());
    }
    return data;
}

namespace {
BaoResult<QStringList> namesOf(const QJsonObject &data)
{
    const QJsonValue keys = data.value(QStringLiteral("keys"));
    if (!keys.isArray())
        return baoError(MalformedAnswer, QStringLiteral("listing has no 'keys' array"));
    QStringList names;
    for (const QJsonValue &name : keys.toArray()) {
        if (!name.isString())
            return baoError(MalformedAnswer, QStringLiteral("listing holds a non-string key name"));
        names << name.toString();
    }
    return names;
}
} // namespace

BaoResult<QStringList> BaoClient::listKeyNames()
{
    auto data = listData();
    if (!data)
        return unexpected(data.error());
    return namesOf(*data);
}

BaoResult<KeyListing> BaoClient::listKeys()
{
    auto data = listData();
    if (!data)
        return unexpected(data.error());
    auto names = namesOf(*data);
    if (!names)
        return unexpected(names.error());
    KeyListing listing;
    listing.names = *names;
    const QJsonObject keyInfo = data->value(QStringLiteral("key_info")).toObject();
    for (const QString &name : std::as_const(listing.names)) {
        const QJsonValue entry = keyInfo.value(name);
        if (!entry.isObject() || !entry.toObject().contains(QStringLiteral("public_key")))
            continue; // only the name is known; readKey() gives the rest
        auto info = parseKeyInfo(entry.toObject(), name);
        if (!info)
            return unexpected(info.error());
        listing.info << *info;
    }
    return listing;
}

BaoResult<void> BaoClient::deleteKey(const QString &name)
{
    if (!KeyName::isValid(name))
        return baoError(BaoErrorKind::InvalidName, KeyName::whyInvalid(name));
    auto data = engineCall("DELETE", keyPath(name), nullptr);
    if (!data)
        return unexpected(undecidedStateChange(data.error()));
    return {};
}

BaoResult<KeyInfo> BaoClient::importKey(const QString &name, const crypto::SecureBytes &privateKey,
                                        bool exportable)
{
    if (!KeyName::isValid(name))
        return baoError(BaoErrorKind::InvalidName, KeyName::whyInvalid(name));
    if (privateKey.size() != std::size_t(crypto::Secp256k1::PrivateKeySize))
        return baoError(BaoErrorKind::InvalidInput, QStringLiteral("a private key is 32 bytes"));
    QByteArray encoded = privateKey.view().toByteArray().toBase64();
    QJsonObject body{{QStringLiteral("ciphertext"), QString::fromLatin1(encoded)},
                     {QStringLiteral("exportable"), exportable}};
    crypto::wipe(encoded);
    auto data = engineCall("POST", keyPath(name) + QStringLiteral("/import"), &body);
    body = QJsonObject();
    if (!data)
        return unexpected(undecidedStateChange(data.error()));
    return parseKeyInfo(*data, name); // a readable answer that contradicts itself stays malformed
}

BaoResult<ExportedKey> BaoClient::exportKey(const QString &name)
{
    if (!KeyName::isValid(name))
        return baoError(BaoErrorKind::InvalidName, KeyName::whyInvalid(name));
    auto data = engineCall("GET", m_settings.mount + QStringLiteral("/export/") + name, nullptr);
    if (!data)
        return unexpected(data.error());
    auto info = parseKeyInfo(*data, name);
    if (!info)
        return unexpected(info.error());
    // keys: {"1": "<base64>"}: take the highest version.
    const QJsonObject keys = data->value(QStringLiteral("keys")).toObject();
    int best = -1;
    QString encoded;
    for (auto it = keys.begin(); it != keys.end(); ++it) {
        const int version = it.key().toInt();
        if (version > best && it.value().isString()) {
            best = version;
            encoded = it.value().toString();
        }
    }
    if (best < 0)
        return baoError(MalformedAnswer, QStringLiteral("export answer has no key"));
    QByteArray raw = QByteArray::fromBase64(encoded.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    crypto::wipe(encoded);
    crypto::SecureBytes secret = crypto::SecureBytes::takeFrom(raw);
    if (!crypto::Secp256k1::validatePrivateKey(secret))
        return baoError(MalformedAnswer, QStringLiteral("exported key is not a valid secp256k1 private key"));
    auto derived = crypto::Secp256k1::derivePublicKey(secret);
    if (!derived || *derived != info->publicKey)
        return baoError(
            BaoErrorKind::SecurityFault,
            QStringLiteral("exported private key of '%1' does not belong to its public key").arg(name));
    return ExportedKey{std::move(info).value(), std::move(secret)};
}

std::optional<BaoError> BaoClient::signRequest(const QString &name, QByteArrayView input,
                                               const SignOptions &options, QJsonObject *body) const
{
    if (!KeyName::isValid(name))
        return BaoError{BaoErrorKind::InvalidName, KeyName::whyInvalid(name), 0, {}};
    if (options.prehashed && input.size() != crypto::Secp256k1::DigestSize)
        return BaoError{BaoErrorKind::InvalidInput, QStringLiteral("a prehashed input is 32 bytes"), 0, {}};
    *body = QJsonObject{
        {QStringLiteral("input"), QString::fromLatin1(input.toByteArray().toBase64())},
        {QStringLiteral("prehashed"), options.prehashed},
        {QStringLiteral("hash_algorithm"),
         options.hash == HashAlgorithm::Keccak256 ? QStringLiteral("keccak256") : QStringLiteral("sha256")},
        {QStringLiteral("output_format"), QStringLiteral("cosmos")},
    };
    return std::nullopt;
}

BaoResult<SignResponse> BaoClient::sign(const QString &name, QByteArrayView input, const SignOptions &options)
{
    QJsonObject body;
    if (auto invalid = signRequest(name, input, options, &body))
        return unexpected(*invalid);
    return signAnswer(engineCall("POST", m_settings.mount + QStringLiteral("/sign/") + name, &body));
}

void BaoClient::signAsync(const QString &name, QByteArrayView input, const SignOptions &options,
                          std::function<void(BaoResult<SignResponse>)> done)
{
    Q_ASSERT(m_transport && m_transport->asyncConnection()); // made with BaoClient(settings, engine)
    auto body = std::make_shared<QJsonObject>();
    if (auto invalid = signRequest(name, input, options, body.get())) {
        done(unexpected(*invalid));
        return;
    }
    const QString path = m_settings.mount + QStringLiteral("/sign/") + name;
    auto flow = [](BaoClient *client, QString path,
                   std::shared_ptr<QJsonObject> body) -> net::awaitable<HttpAnswer> {
        co_return co_await ClientFlow::send(*client, "POST", path, body.get(), true);
    };
    // On the connection's strand; `done` runs there too, where this lane's next call may start.
    net::co_spawn(m_transport->asyncConnection()->executor(), flow(this, path, body),
                  [path, done = std::move(done)](std::exception_ptr failed, HttpAnswer answer) {
                      if (failed)
                          std::rethrow_exception(failed);
                      done(signAnswer(engineAnswer(std::move(answer), path, nullptr)));
                  });
}

BaoResult<SignResponse> BaoClient::signAnswer(BaoResult<QJsonObject> data)
{
    if (!data)
        return unexpected(data.error());
    const QJsonValue signature = data->value(QStringLiteral("signature"));
    if (!signature.isString())
        return baoError(MalformedAnswer, QStringLiteral("sign answer has no 'signature'"));
    SignResponse response;
    response.signature =
        QByteArray::fromBase64(signature.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (response.signature.size() != crypto::Secp256k1::CompactSignatureSize)
        return baoError(MalformedAnswer, QStringLiteral("'signature' is not 64 bytes of base64"));
    auto publicKey =
        hexField(*data, QStringLiteral("public_key"), crypto::Secp256k1::CompressedPublicKeySize);
    if (!publicKey)
        return unexpected(publicKey.error());
    // The shape only. Whether it is a point is not parsed here (7 us a sign):
    // a point proves nothing about whose key it is, and the one use of this
    // key is to compare it with a known one (see SignResponse).
    const auto prefix = static_cast<unsigned char>(publicKey->at(0));
    if (prefix != 0x02 && prefix != 0x03)
        return baoError(MalformedAnswer, QStringLiteral("'public_key' is not a compressed secp256k1 key"));
    response.publicKey = *publicKey;
    response.keyVersion = data->value(QStringLiteral("key_version")).toInt(1);
    return response;
}

} // namespace baokeys::bao

namespace baokeys::bao {

QString NodeStatus::roleName(NodeRole role)
{
    switch (role) {
    case NodeRole::Active:
        return QStringLiteral("active");
    case NodeRole::Standby:
        return QStringLiteral("standby");
    case NodeRole::PerformanceStandby:
        return QStringLiteral("performance standby");
    case NodeRole::DrSecondary:
        return QStringLiteral("dr secondary");
    case NodeRole::Sealed:
        return QStringLiteral("sealed");
    case NodeRole::Uninitialized:
        return QStringLiteral("not initialized");
    case NodeRole::Unreachable:
        break;
    }
    return QStringLiteral("unreachable");
}

} // namespace baokeys::bao
