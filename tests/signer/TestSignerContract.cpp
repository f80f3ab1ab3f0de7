// The wire contract (shared/docs/openbao-secp256k1-api.md), row by row, over
// real HTTP to an in-process signer on 127.0.0.1:<free port>.
#include "SignerHttp.h"
#include "core/signer/SignerServer.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>

using baokeys::signer::SignerOptions;
using baokeys::signer::SignerServer;

namespace {
const QString UnsupportedPath = QStringLiteral("1 error occurred:\n\t* unsupported path\n\n");
const QString UnsupportedOperation = QStringLiteral("1 error occurred:\n\t* unsupported operation\n\n");
const QByteArray ThirtyTwoBytes = QByteArray(32, '\x11').toBase64();
} // namespace

class TestSignerContract : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SignerServer> m_server;
    std::unique_ptr<SignerHttp> m_http;

    void createKey(const QString &name, bool exportable = false)
    {
        const HttpResult r = m_http->post(QStringLiteral("secp256k1/keys/") + name,
                                          QJsonObject{{QStringLiteral("exportable"), exportable}});
        QCOMPARE(r.status, 200);
    }

private slots:
    void init()
    {
        SignerOptions options;
        options.rootToken = QStringLiteral("contract-root-token");
        m_server = std::make_unique<SignerServer>(options);
        auto started = m_server->start();
        QVERIFY2(started.hasValue(), started ? "" : qPrintable(started.error().message));
        QVERIFY(m_server->port() != 0);
        m_http = std::make_unique<SignerHttp>(m_server->address(), m_server->rootToken());
    }

    void cleanup()
    {
        m_http.reset();
        m_server.reset();
    }

    void successEnvelopeHasFreshRequestId()
    {
        const HttpResult a = m_http->post(QStringLiteral("secp256k1/keys/env-key"), {});
        QCOMPARE(a.status, 200);
        QCOMPARE(a.contentType, QByteArray("application/json"));
        for (const char *field : {"request_id", "lease_id", "renewable", "lease_duration", "data",
                                  "wrap_info", "warnings", "auth"})
            QVERIFY2(a.json.contains(QLatin1String(field)), field);
        QCOMPARE(a.json.value(QStringLiteral("lease_id")).toString(), QString());
        QCOMPARE(a.json.value(QStringLiteral("renewable")).toBool(true), false);
        QCOMPARE(a.json.value(QStringLiteral("lease_duration")).toInt(-1), 0);
        QVERIFY(a.json.value(QStringLiteral("wrap_info")).isNull());
        QVERIFY(a.json.value(QStringLiteral("warnings")).isNull());
        QVERIFY(a.json.value(QStringLiteral("auth")).isNull());
        const HttpResult b = m_http->get(QStringLiteral("secp256k1/keys/env-key"));
        const QString idA = a.json.value(QStringLiteral("request_id")).toString();
        const QString idB = b.json.value(QStringLiteral("request_id")).toString();
        QVERIFY(!QUuid::fromString(idA).isNull());
        QVERIFY(!QUuid::fromString(idB).isNull());
        QVERIFY(idA != idB);
    }

    void createReadFields()
    {
        const HttpResult created = m_http->post(QStringLiteral("secp256k1/keys/worker-1"),
                                                QJsonObject{{QStringLiteral("exportable"), true}});
        QCOMPARE(created.status, 200);
        const QJsonObject d = created.data();
        QCOMPARE(d.value(QStringLiteral("name")).toString(), QStringLiteral("worker-1"));
        const QByteArray pub =
            QByteArray::fromHex(d.value(QStringLiteral("public_key")).toString().toLatin1());
        QCOMPARE(pub.size(), 33);
        QVERIFY(pub.at(0) == 2 || pub.at(0) == 3);
        QCOMPARE(QByteArray::fromHex(d.value(QStringLiteral("address")).toString().toLatin1()).size(), 20);
        QCOMPARE(d.value(QStringLiteral("exportable")).toBool(), true);
        const QDateTime createdAt =
            QDateTime::fromString(d.value(QStringLiteral("created_at")).toString(), Qt::ISODate);
        QVERIFY(createdAt.isValid());
        QCOMPARE(createdAt.timeSpec(), Qt::UTC);
        QVERIFY(qAbs(createdAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);

        const HttpResult read = m_http->get(QStringLiteral("secp256k1/keys/worker-1"));
        QCOMPARE(read.status, 200);
        QCOMPARE(read.data().value(QStringLiteral("public_key")), d.value(QStringLiteral("public_key")));
        QCOMPARE(read.data().value(QStringLiteral("imported")).toBool(true), false);
        QVERIFY(read.data().contains(QStringLiteral("created_at")));

        // PUT creates too; the default is not exportable.
        const HttpResult put = m_http->send("PUT", QStringLiteral("secp256k1/keys/worker-2"), "{}");
        QCOMPARE(put.status, 200);
        QCOMPARE(put.data().value(QStringLiteral("exportable")).toBool(true), false);
        // An empty body is fine too.
        QCOMPARE(m_http->send("POST", QStringLiteral("secp256k1/keys/worker-3")).status, 200);
    }

    void engineErrorsAre400WithExactMessages()
    {
        createKey(QStringLiteral("k"));
        struct Case {
            const char *path;
            QJsonObject body;
            const char *message;
        };
        const QString notB64 = QStringLiteral("***");
        const QList<Case> cases = {
            {"keys/k", {}, "key already exists"},
            {"keys/k2/import", {}, "missing ciphertext"},
            {"keys/k2/import", {{"ciphertext", notB64}}, "invalid ciphertext: not valid base64"},
            {"keys/k/import", {{"ciphertext", QString::fromLatin1(ThirtyTwoBytes)}}, "key already exists"},
            {"sign/k", {}, "missing input"},
            {"sign/k", {{"input", notB64}}, "invalid input: not valid base64"},
            {"sign/k",
             {{"input", QStringLiteral("aGk=")}, {"prehashed", true}},
             "prehashed input must be 32 bytes"},
            {"sign/k",
             {{"input", QStringLiteral("aGk=")}, {"hash_algorithm", QStringLiteral("md5")}},
             "unsupported hash algorithm: md5"},
            {"sign/k",
             {{"input", QStringLiteral("aGk=")}, {"output_format", QStringLiteral("jws")}},
             "unsupported output format: jws"},
            {"sign/nokey", {{"input", QStringLiteral("aGk=")}}, "key not found"},
            {"verify/k", {{"input", QStringLiteral("aGk=")}}, "missing signature"},
            {"verify/nokey",
             {{"input", QStringLiteral("aGk=")},
              {"signature", QString::fromLatin1(QByteArray(64, 1).toBase64())}},
             "key not found"},
        };
        for (const Case &c : cases) {
            const HttpResult r = m_http->post(QStringLiteral("secp256k1/") + QLatin1String(c.path), c.body);
            QCOMPARE(r.status, 400);
            QCOMPARE(r.contentType, QByteArray("application/json"));
            QCOMPARE(r.errors(), QStringList{QLatin1String(c.message)});
        }
        const HttpResult shortKey = m_http->post(
            QStringLiteral("secp256k1/keys/k3/import"),
            QJsonObject{{QStringLiteral("ciphertext"), QString::fromLatin1(QByteArray(31, 1).toBase64())}});
        QCOMPARE(shortKey.status, 400);
        QVERIFY(shortKey.errors().value(0).startsWith(QLatin1String("invalid secp256k1 key: ")));
        const HttpResult zeroKey = m_http->post(
            QStringLiteral("secp256k1/keys/k3/import"),
            QJsonObject{{QStringLiteral("ciphertext"), QString::fromLatin1(QByteArray(32, 0).toBase64())}});
        QCOMPARE(zeroKey.status, 400);
        QVERIFY(zeroKey.errors().value(0).startsWith(QLatin1String("invalid secp256k1 key: ")));
        const HttpResult readMissing = m_http->get(QStringLiteral("secp256k1/keys/missing"));
        QCOMPARE(readMissing.status, 400);
        QCOMPARE(readMissing.errors(), QStringList{QStringLiteral("key not found")});
        QCOMPARE(m_http->get(QStringLiteral("secp256k1/export/missing")).errors(),
                 QStringList{QStringLiteral("key not found")});
        const HttpResult badJson = m_http->send("POST", QStringLiteral("secp256k1/keys/j"), "{not json");
        QCOMPARE(badJson.status, 400);
        QVERIFY(badJson.errors().value(0).startsWith(QLatin1String("failed to parse JSON input")));
    }

    void listVerbAndGoParseBoolSpellings()
    {
        createKey(QStringLiteral("b-key"));
        createKey(QStringLiteral("a-key"));
        const HttpResult verb = m_http->list(QStringLiteral("secp256k1/keys"));
        QCOMPARE(verb.status, 200);
        QCOMPARE(verb.data().value(QStringLiteral("keys")).toArray(),
                 (QJsonArray{QStringLiteral("a-key"), QStringLiteral("b-key")}));
        const QJsonObject info = verb.data().value(QStringLiteral("key_info")).toObject();
        QCOMPARE(info.keys(), (QStringList{QStringLiteral("a-key"), QStringLiteral("b-key")}));
        QCOMPARE(info.value(QStringLiteral("a-key"))
                     .toObject()
                     .value(QStringLiteral("public_key"))
                     .toString()
                     .size(),
                 66);
        QCOMPARE(m_http->list(QStringLiteral("secp256k1/keys/")).status, 200);

        for (const char *spelling : {"1", "t", "T", "TRUE", "true", "True"}) {
            const HttpResult r =
                m_http->get(QStringLiteral("secp256k1/keys?list=") + QLatin1String(spelling));
            QCOMPARE(r.status, 200);
            QCOMPARE(r.data().value(QStringLiteral("keys")).toArray().size(), 2);
        }
        // list=false is a plain read of keys/, which only lists: 405.
        for (const char *spelling : {"0", "f", "F", "FALSE", "false", "False"}) {
            const HttpResult r =
                m_http->get(QStringLiteral("secp256k1/keys?list=") + QLatin1String(spelling));
            QCOMPARE(r.status, 405);
            QCOMPARE(r.errors(), QStringList{UnsupportedOperation});
        }
        QCOMPARE(m_http->get(QStringLiteral("secp256k1/keys?list=yes")).status, 400);
    }

    void emptyListIs404WithEmptyErrors()
    {
        const HttpResult r = m_http->list(QStringLiteral("secp256k1/keys"));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json, QJsonDocument::fromJson(R"({"errors":[]})").object());
        QCOMPARE(r.contentType, QByteArray("application/json"));
        QCOMPARE(m_http->get(QStringLiteral("secp256k1/keys?list=true")).status, 404);
    }

    void deleteIs204WithoutBody()
    {
        createKey(QStringLiteral("gone"));
        const HttpResult r = m_http->del(QStringLiteral("secp256k1/keys/gone"));
        QCOMPARE(r.status, 204);
        QVERIFY(r.body.isEmpty());
        QVERIFY(r.contentType.isEmpty());
        QCOMPARE(m_http->get(QStringLiteral("secp256k1/keys/gone")).status, 400);
        // Deleting what is not there succeeds too, as in OpenBao.
        QCOMPARE(m_http->del(QStringLiteral("secp256k1/keys/gone")).status, 204);
    }

    void tokenAuth()
    {
        createKey(QStringLiteral("authkey"));
        const HttpResult none = m_http->send("GET", QStringLiteral("secp256k1/keys/authkey"), {}, {}, false);
        QCOMPARE(none.status, 403);
        QCOMPARE(none.errors(), QStringList{QStringLiteral("permission denied")});
        const HttpResult wrong = m_http->send("GET", QStringLiteral("secp256k1/keys/authkey"), {},
                                              {{"X-Vault-Token", "contract-root-tokeX"}}, false);
        QCOMPARE(wrong.status, 403);
        QCOMPARE(wrong.errors(), QStringList{QStringLiteral("permission denied")});
        const HttpResult bearer = m_http->send("GET", QStringLiteral("secp256k1/keys/authkey"), {},
                                               {{"Authorization", "Bearer contract-root-token"}}, false);
        QCOMPARE(bearer.status, 200);
        const HttpResult badBearer = m_http->send("GET", QStringLiteral("secp256k1/keys/authkey"), {},
                                                  {{"Authorization", "Bearer nope"}}, false);
        QCOMPARE(badBearer.status, 403);
        // Unknown mounts are still behind the token.
        QCOMPARE(m_http->send("GET", QStringLiteral("elsewhere/x"), {}, {}, false).status, 403);
    }

    void namespaces()
    {
        createKey(QStringLiteral("nskey"));
        QCOMPARE(
            m_http->send("GET", QStringLiteral("secp256k1/keys/nskey"), {}, {{"X-Vault-Namespace", "root"}})
                .status,
            200);
        QCOMPARE(m_http->send("GET", QStringLiteral("secp256k1/keys/nskey"), {}, {{"X-Vault-Namespace", ""}})
                     .status,
                 200);
        const HttpResult other = m_http->send("GET", QStringLiteral("secp256k1/keys/nskey"), {},
                                              {{"X-Vault-Namespace", "team-a"}});
        QCOMPARE(other.status, 404);
        QCOMPARE(other.errors(),
                 QStringList{QStringLiteral(
                     "no handler for route \"team-a/secp256k1/keys/nskey\". route entry not found.")});
    }

    void unsupportedPathAndNoHandler()
    {
        createKey(QStringLiteral("k"));
        const QStringList unsupported = {
            QStringLiteral("secp256k1/nope"),
            QStringLiteral("secp256k1/keys/a%2Fb"), // encoded slash
            QStringLiteral("secp256k1/keys/a%2fb"),
            QStringLiteral("secp256k1/keys/-lead"),
            QStringLiteral("secp256k1/keys/trail."),
            QStringLiteral("secp256k1/keys/sp%20ace"),
            QStringLiteral("secp256k1/keys/%2E%2E"),
            QStringLiteral("secp256k1/keys/k/extra"),
            QStringLiteral("secp256k1/sign-evm/k"), // optional endpoint, not served
            QStringLiteral("secp256k1/keys/") + QString(129, QLatin1Char('n')),
            QStringLiteral("secp256k1/keys/%C3%A9"), // non-ASCII is not \w in Go
        };
        for (const QString &path : unsupported) {
            const HttpResult r = m_http->get(path);
            QCOMPARE(r.status, 404);
            QCOMPARE(r.errors(), QStringList{UnsupportedPath});
        }
        QCOMPARE(m_http->get(QStringLiteral("secp256k1/keys/") + QString(128, QLatin1Char('n'))).errors(),
                 QStringList{QStringLiteral("key not found")});
        const HttpResult noMount = m_http->get(QStringLiteral("transit/keys/k"));
        QCOMPARE(noMount.status, 404);
        QCOMPARE(noMount.errors(), QStringList{QStringLiteral(
                                       "no handler for route \"transit/keys/k\". route entry not found.")});
        QCOMPARE(m_http->get(QStringLiteral("sys/mounts-nope")).errors(), QStringList{UnsupportedPath});

        // An empty name is the list path, which only lists: nothing is created.
        const HttpResult emptyName = m_http->post(QStringLiteral("secp256k1/keys/"), {});
        QCOMPARE(emptyName.status, 405);
        QCOMPARE(emptyName.errors(), QStringList{UnsupportedOperation});
        QCOMPARE(
            m_http
                ->post(QStringLiteral("secp256k1/sign/"), {{QStringLiteral("input"), QStringLiteral("aGk=")}})
                .status,
            404);
        QCOMPARE(
            m_http->list(QStringLiteral("secp256k1/keys")).data().value(QStringLiteral("keys")).toArray(),
            QJsonArray{QStringLiteral("k")});
    }

    // Outside /v1/ nothing handles a path: Go's plain-text 404, as OpenBao
    // answers, never the JSON envelope whose empty 404 means "an empty list".
    void pathOutsideTheApiIsGosPlainNotFound()
    {
        createKey(QStringLiteral("k"));
        for (const QByteArray &target : {QByteArray("/some/path/v1/secp256k1/keys?list=true"),
                                         QByteArray("/v2/sys/health"), QByteArray("/")}) {
            const QByteArray response =
                rawHttp(m_server->port(), "GET " + target +
                                              " HTTP/1.1\r\nHost: x\r\nX-Vault-Token: "
                                              "contract-root-token\r\nConnection: close\r\n\r\n");
            QCOMPARE(rawStatus(response), 404);
            QCOMPARE(rawBody(response), QByteArray("404 page not found\n"));
            QVERIFY2(response.contains("Content-Type: text/plain; charset=utf-8\r\n"), response.constData());
        }
    }

    void pathTraversalNeverLeavesTheEngine()
    {
        const quint16 port = m_server->port();
        const QByteArray token = "X-Vault-Token: contract-root-token\r\n";
        // Raw sockets: QNetworkAccessManager would normalise the dot segments.
        for (const QByteArray &target :
             {QByteArray("/v1/secp256k1/../sys/seal"), QByteArray("/v1/secp256k1/keys/../../sys/seal"),
              QByteArray("/v1/secp256k1/keys/..%2F..%2Fsys%2Fseal"),
              QByteArray("/v1/secp256k1/keys/%2e%2e/%2e%2e/sys/seal")}) {
            const QByteArray response = rawHttp(port, "POST " + target + " HTTP/1.1\r\nHost: x\r\n" + token +
                                                          "Content-Length: 0\r\nConnection: close\r\n\r\n");
            QCOMPARE(rawStatus(response), 404);
            QVERIFY(!m_server->isSealed());
        }
        const QByteArray dotKey = rawHttp(port, "POST /v1/secp256k1/keys/.. HTTP/1.1\r\nHost: x\r\n" + token +
                                                    "Content-Length: 0\r\nConnection: close\r\n\r\n");
        QCOMPARE(rawStatus(dotKey), 404);
        QCOMPARE(m_http->list(QStringLiteral("secp256k1/keys")).status, 404); // nothing was created
    }

    void wrongMethodIs405()
    {
        createKey(QStringLiteral("k"));
        const QList<QPair<QByteArray, QString>> cases = {{"DELETE", QStringLiteral("secp256k1/sign/k")},
                                                         {"GET", QStringLiteral("secp256k1/sign/k")},
                                                         {"GET", QStringLiteral("secp256k1/verify/k")},
                                                         {"POST", QStringLiteral("secp256k1/export/k")},
                                                         {"GET", QStringLiteral("secp256k1/keys/k/import")},
                                                         {"PATCH", QStringLiteral("secp256k1/keys/k")},
                                                         {"POST", QStringLiteral("sys/health")}};
        for (const auto &c : cases) {
            const HttpResult r = m_http->send(c.first, c.second, "{}");
            QCOMPARE(r.status, 405);
            QCOMPARE(r.errors(), QStringList{UnsupportedOperation});
        }
    }

    void requestOver32MiBIs413()
    {
        // Announced size over the limit: refused before the body is read.
        const QByteArray response = rawHttp(
            m_server->port(), "POST /v1/secp256k1/sign/k HTTP/1.1\r\nHost: x\r\nX-Vault-Token: "
                              "contract-root-token\r\nContent-Length: 40000000\r\nConnection: close\r\n\r\n");
        QCOMPARE(rawStatus(response), 413);
        QVERIFY(QJsonDocument::fromJson(rawBody(response)).object().contains(QStringLiteral("errors")));
        // A real body of 32 MiB + 1 byte.
        QByteArray big(32 * 1024 * 1024 + 1, 'a');
        const HttpResult r = m_http->send("POST", QStringLiteral("secp256k1/sign/k"), big);
        QCOMPARE(r.status, 413);
        // Just under the limit is accepted by the front (and refused by the engine for its content).
        QByteArray under = "{\"input\":\"" + QByteArray(32 * 1024 * 1024 - 64, 'A') + "\"}";
        const HttpResult ok = m_http->send("POST", QStringLiteral("secp256k1/sign/nokey"), under);
        QCOMPARE(ok.status, 400);
    }

    void healthAndSealStatus()
    {
        const HttpResult health = m_http->send("GET", QStringLiteral("sys/health"), {}, {}, false);
        QCOMPARE(health.status, 200);
        QCOMPARE(health.contentType, QByteArray("application/json"));
        for (const char *field :
             {"initialized", "sealed", "standby", "performance_standby", "replication_performance_mode",
              "replication_dr_mode", "server_time_utc", "version", "cluster_name", "cluster_id"})
            QVERIFY2(health.json.contains(QLatin1String(field)), field);
        QCOMPARE(health.json.value(QStringLiteral("sealed")).toBool(true), false);
        QVERIFY(qAbs(health.json.value(QStringLiteral("server_time_utc")).toInteger() -
                     QDateTime::currentSecsSinceEpoch()) < 60);
        QCOMPARE(m_http->send("GET", QStringLiteral("sys/health?standbyok=true"), {}, {}, false).status, 200);
        QCOMPARE(m_http->send("GET", QStringLiteral("sys/health?activecode=299"), {}, {}, false).status, 299);
        const QByteArray head =
            rawHttp(m_server->port(), "HEAD /v1/sys/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QCOMPARE(rawStatus(head), 200);
        QVERIFY(rawBody(head).isEmpty());

        const HttpResult status = m_http->send("GET", QStringLiteral("sys/seal-status"), {}, {}, false);
        QCOMPARE(status.status, 200);
        QCOMPARE(status.json.value(QStringLiteral("type")).toString(), QStringLiteral("shamir"));
        QCOMPARE(status.json.value(QStringLiteral("t")).toInt(), 1);
        QCOMPARE(status.json.value(QStringLiteral("n")).toInt(), 1);
        QCOMPARE(status.json.value(QStringLiteral("sealed")).toBool(true), false);
        for (const char *field : {"initialized", "progress", "nonce", "version", "build_date", "migration",
                                  "recovery_seal", "storage_type"})
            QVERIFY2(status.json.contains(QLatin1String(field)), field);
        QCOMPARE(status.json.value(QStringLiteral("storage_type")).toString(), QStringLiteral("inmem"));
    }

    void sealAndUnsealOverHttp()
    {
        createKey(QStringLiteral("sk"));
        const HttpResult seal = m_http->send("PUT", QStringLiteral("sys/seal"));
        QCOMPARE(seal.status, 204);
        QVERIFY(m_server->isSealed());

        for (const QString &path : {QStringLiteral("secp256k1/keys/sk"),
                                    QStringLiteral("auth/token/lookup-self"), QStringLiteral("transit/x")}) {
            const HttpResult r = m_http->get(path);
            QCOMPARE(r.status, 503);
            QCOMPARE(r.errors(), QStringList{QStringLiteral("Vault is sealed")});
        }
        const HttpResult sealedHealth = m_http->send("GET", QStringLiteral("sys/health"), {}, {}, false);
        QCOMPARE(sealedHealth.status, 503);
        QCOMPARE(sealedHealth.json.value(QStringLiteral("sealed")).toBool(), true);
        QCOMPARE(m_http->send("GET", QStringLiteral("sys/health?sealedcode=200"), {}, {}, false).status, 200);
        QCOMPARE(m_http->send("GET", QStringLiteral("sys/seal-status"), {}, {}, false)
                     .json.value(QStringLiteral("sealed"))
                     .toBool(),
                 true);

        const HttpResult wrong =
            m_http->send("PUT", QStringLiteral("sys/unseal"), R"({"key":"bm90IHRoZSBrZXk="})", {}, false);
        QCOMPARE(wrong.status, 400);
        QVERIFY(m_server->isSealed());
        QCOMPARE(m_http->send("PUT", QStringLiteral("sys/unseal"), "{}", {}, false).status, 400);
        const QByteArray body =
            QJsonDocument(QJsonObject{{QStringLiteral("key"), m_server->unsealKey()}}).toJson();
        const HttpResult unseal = m_http->send("PUT", QStringLiteral("sys/unseal"), body, {}, false);
        QCOMPARE(unseal.status, 200);
        QCOMPARE(unseal.json.value(QStringLiteral("sealed")).toBool(true), false);
        QVERIFY(!m_server->isSealed());
        QCOMPARE(m_http->get(QStringLiteral("secp256k1/keys/sk")).status, 200); // keys survive a seal

        // And the in-process API.
        m_server->seal();
        QCOMPARE(m_http->get(QStringLiteral("secp256k1/keys/sk")).status, 503);
        QVERIFY(!m_server->unseal(QStringLiteral("wrong")));
        QVERIFY(m_server->unseal(m_server->unsealKey()));
        QCOMPARE(m_http->get(QStringLiteral("secp256k1/keys/sk")).status, 200);
    }

    void lookupSelf()
    {
        const HttpResult r = m_http->get(QStringLiteral("auth/token/lookup-self"));
        QCOMPARE(r.status, 200);
        const QJsonObject d = r.data();
        QCOMPARE(d.value(QStringLiteral("policies")).toArray(), QJsonArray{QStringLiteral("root")});
        QCOMPARE(d.value(QStringLiteral("ttl")).toInt(-1), 0);
        QVERIFY(d.contains(QStringLiteral("expire_time")) && d.value(QStringLiteral("expire_time")).isNull());
        QCOMPARE(d.value(QStringLiteral("display_name")).toString(), QStringLiteral("root"));
        QCOMPARE(d.value(QStringLiteral("id")).toString(), QStringLiteral("contract-root-token"));
        QCOMPARE(m_http->send("GET", QStringLiteral("auth/token/lookup-self"), {}, {}, false).status, 403);
    }

    void signVerifyExportRoundTrip()
    {
        createKey(QStringLiteral("exp"), true);
        createKey(QStringLiteral("noexp"), false);
        const QString input = QString::fromLatin1(QByteArray("hello signer").toBase64());
        const HttpResult sig =
            m_http->post(QStringLiteral("secp256k1/sign/exp"), QJsonObject{{QStringLiteral("input"), input}});
        QCOMPARE(sig.status, 200);
        QCOMPARE(sig.data().value(QStringLiteral("key_version")).toInt(), 1);
        const QByteArray signature =
            QByteArray::fromBase64(sig.data().value(QStringLiteral("signature")).toString().toLatin1());
        QCOMPARE(signature.size(), 64);
        const HttpResult again =
            m_http->post(QStringLiteral("secp256k1/sign/exp"), QJsonObject{{QStringLiteral("input"), input}});
        QCOMPARE(again.data().value(QStringLiteral("signature")),
                 sig.data().value(QStringLiteral("signature"))); // RFC 6979

        auto verify = [&](const QString &key, const QString &sigB64, const QString &msg) {
            return m_http->post(
                QStringLiteral("secp256k1/verify/") + key,
                QJsonObject{{QStringLiteral("input"), msg}, {QStringLiteral("signature"), sigB64}});
        };
        const QString sigB64 = sig.data().value(QStringLiteral("signature")).toString();
        QCOMPARE(verify(QStringLiteral("exp"), sigB64, input).data().value(QStringLiteral("valid")).toBool(),
                 true);
        QCOMPARE(
            verify(QStringLiteral("noexp"), sigB64, input).data().value(QStringLiteral("valid")).toBool(true),
            false);
        QCOMPARE(verify(QStringLiteral("exp"), sigB64, QStringLiteral("b3RoZXI="))
                     .data()
                     .value(QStringLiteral("valid"))
                     .toBool(true),
                 false);

        const HttpResult exported = m_http->get(QStringLiteral("secp256k1/export/exp"));
        QCOMPARE(exported.status, 200);
        const QString raw =
            exported.data().value(QStringLiteral("keys")).toObject().value(QStringLiteral("1")).toString();
        QCOMPARE(QByteArray::fromBase64(raw.toLatin1()).size(), 32);
        const HttpResult refused = m_http->get(QStringLiteral("secp256k1/export/noexp"));
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.errors(), QStringList{QStringLiteral("key is not exportable")});

        // Re-importing the exported secret under another name gives the same public key.
        const HttpResult imported = m_http->post(QStringLiteral("secp256k1/keys/copy/import"),
                                                 QJsonObject{{QStringLiteral("ciphertext"), raw}});
        QCOMPARE(imported.status, 200);
        QCOMPARE(imported.data().value(QStringLiteral("public_key")),
                 exported.data().value(QStringLiteral("public_key")));
        QCOMPARE(imported.data().value(QStringLiteral("imported")).toBool(), true);
        QCOMPARE(imported.data().value(QStringLiteral("exportable")).toBool(true), false);
        QCOMPARE(m_http->get(QStringLiteral("secp256k1/export/copy")).status, 400);
    }

    void keyNamesAccepted()
    {
        for (const char *name : {"a", "Z", "_", "a.b-c_d", "worker-1", "k..k", "0"}) {
            const HttpResult r = m_http->post(QStringLiteral("secp256k1/keys/") + QLatin1String(name), {});
            QCOMPARE(r.status, 200);
            QCOMPARE(r.data().value(QStringLiteral("name")).toString(), QLatin1String(name));
        }
    }

    void keepAliveReusesOneConnection()
    {
        createKey(QStringLiteral("ka"));
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
        QVERIFY(socket.waitForConnected(3000));
        for (int i = 0; i < 3; ++i) {
            socket.write("GET /v1/secp256k1/keys/ka HTTP/1.1\r\nHost: x\r\nX-Vault-Token: "
                         "contract-root-token\r\n\r\n");
            QByteArray response;
            QElapsedTimer t;
            t.start();
            while (t.elapsed() < 3000) {
                if (socket.waitForReadyRead(200))
                    response += socket.readAll();
                const qsizetype end = response.indexOf("\r\n\r\n");
                if (end > 0) {
                    const QRegularExpression len(QStringLiteral("Content-Length: (\\d+)"),
                                                 QRegularExpression::CaseInsensitiveOption);
                    const auto m = len.match(QString::fromLatin1(response.left(end)));
                    if (m.hasMatch() && response.size() >= end + 4 + m.captured(1).toInt())
                        break;
                }
            }
            QCOMPARE(rawStatus(response), 200);
            QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
        }
    }

    void expectContinueIsAnswered()
    {
        createKey(QStringLiteral("ec"));
        const QByteArray body = R"({"input":"aGk="})";
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
        QVERIFY(socket.waitForConnected(3000));
        socket.write(
            "POST /v1/secp256k1/sign/ec HTTP/1.1\r\nHost: x\r\nX-Vault-Token: contract-root-token\r\n"
            "Expect: 100-continue\r\nConnection: close\r\nContent-Length: " +
            QByteArray::number(body.size()) + "\r\n\r\n");
        QVERIFY(socket.waitForReadyRead(3000)); // the go-ahead comes before any body byte is sent
        QVERIFY(socket.readAll().startsWith("HTTP/1.1 100 Continue\r\n"));
        socket.write(body);
        QByteArray response;
        while (socket.waitForReadyRead(3000))
            response += socket.readAll();
        QCOMPARE(rawStatus(response), 200);
        QVERIFY(rawBody(response).contains("\"signature\""));
    }

    void configurableMount()
    {
        SignerOptions options;
        options.mount = QStringLiteral("celestia-signer");
        SignerServer other(options);
        QVERIFY(other.start().hasValue());
        SignerHttp http(other.address(), other.rootToken());
        QCOMPARE(http.post(QStringLiteral("celestia-signer/keys/k"), {}).status, 200);
        QCOMPARE(http.list(QStringLiteral("celestia-signer/keys")).status, 200);
        QCOMPARE(
            http.get(QStringLiteral("secp256k1/keys/k")).errors(),
            QStringList{QStringLiteral("no handler for route \"secp256k1/keys/k\". route entry not found.")});
        QVERIFY(other.rootToken().startsWith(QLatin1String("s."))); // generated
    }

    void nonLoopbackNeedsTlsOrExplicitOptIn()
    {
        SignerOptions options;
        options.listenHost = QStringLiteral("0.0.0.0");
        SignerServer refused(options);
        auto started = refused.start();
        QVERIFY(!started.hasValue());
        QCOMPARE(started.error().kind, baokeys::signer::SignerStartError::Kind::BadOptions);
        QVERIFY(started.error().message.contains(QLatin1String("0.0.0.0")));
        QVERIFY(!refused.isRunning());

        options.insecureListen = true;
        SignerServer allowed(options);
        QVERIFY(allowed.start().hasValue());
    }
};

QTEST_GUILESS_MAIN(TestSignerContract)
#include "TestSignerContract.moc"
