#include "core/signer/VaultRouter.h"

#include "core/crypto/SecureBytes.h"
#include "core/signer/FaultInjector.h"
#include "core/signer/GoBool.h"
#include "core/signer/SecpEngine.h"
#include "core/signer/ServerState.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>
#include <QUuid>

namespace baokeys::signer {

namespace {

QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

HttpResponse jsonResponse(int status, const QJsonObject &object)
{
    HttpResponse response;
    response.status = status;
    response.body = toJson(object);
    return response;
}

HttpResponse errorResponse(int status, const QStringList &errors)
{
    return jsonResponse(status, QJsonObject{{QStringLiteral("errors"), QJsonArray::fromStringList(errors)}});
}

HttpResponse envelope(const QJsonObject &data)
{
    return jsonResponse(
        200, QJsonObject{{QStringLiteral("request_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                         {QStringLiteral("lease_id"), QString()},
                         {QStringLiteral("renewable"), false},
                         {QStringLiteral("lease_duration"), 0},
                         {QStringLiteral("data"), data},
                         {QStringLiteral("wrap_info"), QJsonValue::Null},
                         {QStringLiteral("warnings"), QJsonValue::Null},
                         {QStringLiteral("auth"), QJsonValue::Null}});
}

HttpResponse noContent()
{
    HttpResponse response;
    response.status = 204;
    return response;
}

HttpResponse unsupportedPath()
{
    return errorResponse(404, {QStringLiteral("1 error occurred:\n\t* unsupported path\n\n")});
}

HttpResponse unsupportedOperation()
{
    return errorResponse(405, {QStringLiteral("1 error occurred:\n\t* unsupported operation\n\n")});
}

HttpResponse noHandler(const QString &path)
{
    return errorResponse(404,
                         {QStringLiteral("no handler for route \"%1\". route entry not found.").arg(path)});
}

HttpResponse sealed()
{
    return errorResponse(503, {QStringLiteral("Vault is sealed")});
}

// The token from X-Vault-Token, else from "Authorization: Bearer".
QByteArray requestToken(const HttpRequest &request)
{
    QByteArray token = request.header("x-vault-token");
    if (!token.isEmpty())
        return token;
    const QByteArray authorization = request.header("authorization").trimmed();
    if (authorization.size() > 7 && authorization.left(7).toLower() == "bearer ")
        return authorization.mid(7).trimmed();
    return {};
}

bool isRootNamespace(const QByteArray &ns)
{
    const QByteArray trimmed = ns.trimmed();
    return trimmed.isEmpty() || trimmed == "root" || trimmed == "root/" || trimmed == "/";
}

// OpenBao takes a JSON object (or nothing) as the body of a write.
std::optional<QJsonObject> parseBody(const QByteArray &body, QString *error)
{
    if (body.trimmed().isEmpty())
        return QJsonObject{};
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QStringLiteral("failed to parse JSON input: %1")
                     .arg(parseError.error != QJsonParseError::NoError
                              ? parseError.errorString()
                              : QStringLiteral("body is not a JSON object"));
        return std::nullopt;
    }
    return doc.object();
}

} // namespace

VaultRouter::VaultRouter(ServerState &state, SecpEngine &engine, FaultInjector &faults, QString mount)
    : m_state(state), m_engine(engine), m_faults(faults), m_mount(std::move(mount))
{}

// Where a request goes, decided from its method, target and headers alone,
// never its body, so that the front can refuse before it reads a body.
struct VaultRouter::Route {
    enum class Target { Refused, Health, SealStatus, Unseal, Seal, LookupSelf, Engine };
    Target target = Target::Refused;
    HttpResponse refusal; // for Refused
    SecpEngine::Operation op = SecpEngine::Operation::Read;
    QString query;
    QString enginePath; // for Engine
};

VaultRouter::Route VaultRouter::resolve(const HttpRequest &request) const
{
    using Target = Route::Target;
    Route route;
    const auto refuse = [&route](HttpResponse response) {
        route.refusal = std::move(response);
        return route;
    };
    const auto to = [&route](Target target) {
        route.target = target;
        return route;
    };
    // Split path and query; the path is percent-decoded before routing, as
    // Go's net/http does, so %2F becomes a slash and then fails the name
    // pattern instead of smuggling a separator into a key name.
    const qsizetype q = request.target.indexOf('?');
    const QByteArray rawPath = q < 0 ? request.target : request.target.left(q);
    route.query = q < 0 ? QString() : QString::fromUtf8(request.target.mid(q + 1));
    const QString fullPath = QString::fromUtf8(QByteArray::fromPercentEncoding(rawPath));
    if (!fullPath.startsWith(QLatin1String("/v1/"))) {
        // As Go's net/http answers a path nothing handles: plain text, not
        // the JSON envelope, whose empty 404 means "an empty list" to a client.
        HttpResponse noHandler;
        noHandler.status = 404;
        noHandler.body = QByteArrayLiteral("404 page not found\n");
        noHandler.contentType = QByteArrayLiteral("text/plain; charset=utf-8");
        return refuse(noHandler);
    }
    QString path = fullPath.mid(4);
    const QByteArray method = request.method;

    // Method -> operation. HEAD is a GET whose answer the front sends without a body.
    SecpEngine::Operation &op = route.op;
    if (method == "GET" || method == "HEAD") {
        op = SecpEngine::Operation::Read;
        const QUrlQuery params(route.query);
        if (params.hasQueryItem(QStringLiteral("list"))) {
            const QString value = params.queryItemValue(QStringLiteral("list"), QUrl::FullyDecoded);
            if (!value.isEmpty()) {
                const auto list = parseGoBool(value);
                if (!list)
                    return refuse(errorResponse(400, {}));
                if (*list)
                    op = SecpEngine::Operation::List;
            }
        }
    } else if (method == "LIST") {
        op = SecpEngine::Operation::List;
    } else if (method == "POST" || method == "PUT") {
        op = SecpEngine::Operation::Write;
    } else if (method == "DELETE") {
        op = SecpEngine::Operation::Delete;
    } else {
        return refuse(unsupportedOperation());
    }
    if (op == SecpEngine::Operation::List && !path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');

    // Unauthenticated system paths answer even when sealed.
    if (path == QLatin1String("sys/health"))
        return op == SecpEngine::Operation::Read ? to(Target::Health) : refuse(unsupportedOperation());
    if (path == QLatin1String("sys/seal-status"))
        return op == SecpEngine::Operation::Read ? to(Target::SealStatus) : refuse(unsupportedOperation());
    if (path == QLatin1String("sys/unseal"))
        return op == SecpEngine::Operation::Write ? to(Target::Unseal) : refuse(unsupportedOperation());

    if (m_state.isSealed())
        return refuse(sealed());
    // A standby sends the client to the active node before looking at the
    // token, path and query unchanged (OpenBao's respondStandby).
    if (const QString active = m_state.standbyOf(); !active.isEmpty()) {
        HttpResponse redirect = errorResponse(307, {});
        redirect.body.clear();
        redirect.location = active.toUtf8() + request.target;
        return refuse(std::move(redirect));
    }
    if (!m_state.tokenMatches(requestToken(request)))
        return refuse(errorResponse(403, {QStringLiteral("permission denied")}));
    if (request.hasHeader("x-vault-namespace")) {
        const QByteArray ns = request.header("x-vault-namespace");
        if (!isRootNamespace(ns)) {
            QString prefix = QString::fromUtf8(ns.trimmed());
            if (!prefix.endsWith(QLatin1Char('/')))
                prefix += QLatin1Char('/');
            return refuse(noHandler(prefix + path));
        }
    }

    if (path == QLatin1String("sys/seal"))
        return op == SecpEngine::Operation::Write ? to(Target::Seal) : refuse(unsupportedOperation());
    if (path == QLatin1String("auth/token/lookup-self")) {
        if (op != SecpEngine::Operation::Read && op != SecpEngine::Operation::Write)
            return refuse(unsupportedOperation());
        return to(Target::LookupSelf);
    }
    if (path.startsWith(QLatin1String("sys/")) || path.startsWith(QLatin1String("auth/token/")))
        return refuse(unsupportedPath());

    const QString mountPrefix = m_mount + QLatin1Char('/');
    if (path != m_mount && !path.startsWith(mountPrefix))
        return refuse(noHandler(path));
    route.enginePath = path.mid(mountPrefix.size());
    return to(Target::Engine);
}

std::optional<HttpResponse> VaultRouter::screen(const HttpRequest &headers) const
{
    Route route = resolve(headers);
    if (route.target == Route::Target::Refused)
        return std::move(route.refusal);
    return std::nullopt;
}

HttpResponse VaultRouter::handle(HttpRequest &request)
{
    using Target = Route::Target;
    Route route = resolve(request);
    switch (route.target) {
    case Target::Refused:
        return std::move(route.refusal);
    case Target::Health:
        return health(request, route.query);
    case Target::SealStatus:
        return sealStatus();
    case Target::Unseal:
        return unseal(request);
    case Target::Seal:
        m_state.seal();
        return noContent();
    case Target::LookupSelf:
        return lookupSelf(request);
    case Target::Engine:
        break;
    }
    const SecpEngine::Operation op = route.op;
    const QString &enginePath = route.enginePath;
    m_engineRequests.fetch_add(1, std::memory_order_relaxed);
    const FaultDecision fault = m_faults.decide(SecpEngine::keyNameOf(enginePath));
    HttpResponse response;
    if (fault.rateLimited) {
        response = errorResponse(
            429, {QStringLiteral("request path \"%1\": rate limit quota exceeded").arg(route.enginePath)});
        response.retryAfterSeconds = 1;
        return response;
    }
    if (fault.fail) {
        response = errorResponse(500, {QStringLiteral("1 error occurred:\n\t* injected failure\n\n")});
    } else {
        QJsonObject body;
        if (op == SecpEngine::Operation::Write) {
            QString parseError;
            auto parsed = parseBody(request.body, &parseError);
            crypto::wipe(request.body); // may hold a private key (import)
            if (!parsed)
                return errorResponse(400, {parseError});
            body = *parsed;
        }
        const EngineReply reply = m_engine.handle(op, enginePath, body);
        if (reply.status == 200)
            response = envelope(reply.data);
        else if (reply.status == 204)
            response = noContent();
        else
            response = errorResponse(reply.status, reply.errors);
    }
    response.delay = fault.delay;
    return response;
}

HttpResponse VaultRouter::health(const HttpRequest &, const QString &query) const
{
    const QUrlQuery params(query);
    auto flag = [&](const char *name) {
        return parseGoBool(params.queryItemValue(QLatin1String(name))).value_or(false);
    };
    auto code = [&](const char *name, int fallback) {
        bool ok = false;
        const int value = params.queryItemValue(QLatin1String(name)).toInt(&ok);
        return ok && value >= 100 && value <= 599 ? value : fallback;
    };
    const bool isSealed = m_state.isSealed();
    const bool isStandby = !isSealed && !m_state.standbyOf().isEmpty();
    // This server is never a DR secondary or uninitialised, but the flags
    // are honoured the way OpenBao reads them so clients see no surprise.
    int status = code("activecode", 200);
    if (isSealed)
        status = code("sealedcode", 503);
    else if (isStandby && !flag("standbyok"))
        status = code("standbycode", 429);
    (void)flag("perfstandbyok");

    QJsonObject body{{QStringLiteral("initialized"), true},
                     {QStringLiteral("sealed"), isSealed},
                     {QStringLiteral("standby"), isSealed || isStandby},
                     {QStringLiteral("performance_standby"), false},
                     {QStringLiteral("replication_performance_mode"), QStringLiteral("disabled")},
                     {QStringLiteral("replication_dr_mode"), QStringLiteral("disabled")},
                     {QStringLiteral("server_time_utc"), QDateTime::currentSecsSinceEpoch()},
                     {QStringLiteral("version"), m_state.version()}};
    if (!isSealed) {
        body.insert(QStringLiteral("cluster_name"), m_state.clusterName());
        body.insert(QStringLiteral("cluster_id"), m_state.clusterId());
    }
    return jsonResponse(status, body);
}

HttpResponse VaultRouter::sealStatus() const
{
    const bool isSealed = m_state.isSealed();
    QJsonObject body{{QStringLiteral("type"), QStringLiteral("shamir")},
                     {QStringLiteral("initialized"), true},
                     {QStringLiteral("sealed"), isSealed},
                     {QStringLiteral("t"), 1},
                     {QStringLiteral("n"), 1},
                     {QStringLiteral("progress"), 0},
                     {QStringLiteral("nonce"), QString()},
                     {QStringLiteral("version"), m_state.version()},
                     {QStringLiteral("build_date"), QStringLiteral("2026-01-01T00:00:00Z")},
                     {QStringLiteral("migration"), false},
                     {QStringLiteral("recovery_seal"), false},
                     {QStringLiteral("storage_type"), m_state.storageType()}};
    if (!isSealed) {
        body.insert(QStringLiteral("cluster_name"), m_state.clusterName());
        body.insert(QStringLiteral("cluster_id"), m_state.clusterId());
    }
    return jsonResponse(200, body);
}

HttpResponse VaultRouter::unseal(const HttpRequest &request)
{
    QString parseError;
    const auto body = parseBody(request.body, &parseError);
    if (!body)
        return errorResponse(400, {parseError});
    if (body->value(QStringLiteral("reset")).toBool())
        return sealStatus(); // one key share: there is never progress to reset
    QByteArray key = body->value(QStringLiteral("key")).toString().toUtf8();
    if (key.isEmpty())
        return errorResponse(
            400, {QStringLiteral("'key' must be specified in request body as JSON, or 'reset' set to true")});
    const bool ok = m_state.isSealed() ? m_state.unseal(key) : m_state.unsealKeyMatches(key);
    crypto::wipe(key);
    if (!ok)
        return errorResponse(400, {QStringLiteral("Error unsealing: invalid key")});
    return sealStatus();
}

HttpResponse VaultRouter::lookupSelf(const HttpRequest &) const
{
    return envelope(QJsonObject{{QStringLiteral("accessor"), QStringLiteral("root-accessor")},
                                {QStringLiteral("creation_time"), 0},
                                {QStringLiteral("creation_ttl"), 0},
                                {QStringLiteral("display_name"), QStringLiteral("root")},
                                {QStringLiteral("entity_id"), QString()},
                                {QStringLiteral("expire_time"), QJsonValue::Null},
                                {QStringLiteral("explicit_max_ttl"), 0},
                                {QStringLiteral("id"), QString::fromUtf8(m_state.rootToken())},
                                {QStringLiteral("meta"), QJsonValue::Null},
                                {QStringLiteral("num_uses"), 0},
                                {QStringLiteral("orphan"), true},
                                {QStringLiteral("path"), QStringLiteral("auth/token/root")},
                                {QStringLiteral("policies"), QJsonArray{QStringLiteral("root")}},
                                {QStringLiteral("renewable"), false},
                                {QStringLiteral("ttl"), 0},
                                {QStringLiteral("type"), QStringLiteral("service")}});
}

} // namespace baokeys::signer
