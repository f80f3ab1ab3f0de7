// BaoClient against purpose-built faulty servers: every answer the embedded
// signer never gives (garbage JSON, 5xx, sealed, rate limits, standby
// redirects, dropped connections, timeouts, inconsistent keys, short
// signatures) must become its typed error; cancellation aborts in flight.
#include "FakeBaoServer.h"
#include "TransportRows.h"

#include "core/bao/BaoClient.h"
#include "core/bao/HttpTransport.h"
#include "core/crypto/CosmosAddress.h"
#include "core/crypto/Hex.h"
#include "core/crypto/Secp256k1.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkProxy>
#include <QProcessEnvironment>
#include <QScopeGuard>
#include <QTest>
#include <QThread>

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <memory>
#include <vector>

using baokeys::bao::BaoClient;
using baokeys::bao::BaoErrorKind;
using baokeys::bao::BaoSettings;
using baokeys::bao::CancelToken;
using baokeys::bao::HttpTransport;
using baokeys::bao::HttpTransportKind;
using baokeys::testsupport::FakeBaoServer;
using baokeys::testsupport::FakeRequest;
using baokeys::testsupport::FakeResponse;
namespace transportRows = baokeys::testsupport::transportRows;
namespace crypto = baokeys::crypto;

Q_DECLARE_METATYPE(BaoErrorKind)

namespace {

const QString PublicKeyHex =
    QStringLiteral("02ac301ef3117116e34df184f20290db6f85a5e13042092c2a36d640242ac02948");
const QString AddressHex = QStringLiteral("0d551ff871ec2bb563f64ab29aa091c47dfcc346");

QJsonObject keyData(const QString &publicKey = PublicKeyHex, const QString &address = AddressHex)
{
    return {{QStringLiteral("name"), QStringLiteral("k")},
            {QStringLiteral("public_key"), publicKey},
            {QStringLiteral("address"), address},
            {QStringLiteral("exportable"), false},
            {QStringLiteral("created_at"), QStringLiteral("2026-01-02T03:04:05.123456789Z")}};
}

} // namespace

class TestBaoClientFaults : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<FakeBaoServer> m_server;

    // The server answers a key's data, then closes the connection, as an
    // idle timeout would before the next request.
    void answerEachRequestThenClose()
    {
        m_server->setHandler([](const FakeRequest &) {
            FakeResponse answer = FakeResponse::data(keyData());
            answer.action = FakeResponse::Action::AnswerThenClose;
            return answer;
        });
    }

    // The error of `call` ("create", "import" or "delete") of key "k"; nothing
    // when it succeeded.
    static std::optional<baokeys::bao::BaoError> failedStateChange(BaoClient &client, const QString &call)
    {
        if (call == QLatin1String("create")) {
            auto result = client.createKey(QStringLiteral("k"), false);
            return result ? std::nullopt : std::optional(result.error());
        }
        if (call == QLatin1String("import")) {
            auto key = crypto::Hex::decodeSecret(
                u"0000000000000000000000000000000000000000000000000000000000000001");
            auto result = client.importKey(QStringLiteral("k"), key.value(), false);
            return result ? std::nullopt : std::optional(result.error());
        }
        auto result = client.deleteKey(QStringLiteral("k"));
        return result ? std::nullopt : std::optional(result.error());
    }

    BaoSettings settings(int timeoutMs = 5000) const
    {
        BaoSettings settings;
        settings.address = m_server->address();
        settings.token = QStringLiteral("s.secret-token");
        settings.ns = QStringLiteral("team-a");
        settings.mount = QStringLiteral("/signers/secp/");
        settings.timeout = std::chrono::milliseconds(timeoutMs);
        return transportRows::withRowTransport(settings);
    }

private slots:
    void initTestCase_data() { transportRows::add(); }

    void init()
    {
        m_server = std::make_unique<FakeBaoServer>();
        QVERIFY(m_server->start());
    }

    void cleanup() { m_server.reset(); }

    void headersMountAndListMethod()
    {
        m_server->setHandler([](const FakeRequest &) {
            return FakeResponse::data(
                {{QStringLiteral("keys"), QJsonArray{QStringLiteral("k")}},
                 {QStringLiteral("key_info"), QJsonObject{{QStringLiteral("k"), keyData()}}}});
        });
        auto listing = BaoClient(settings()).listKeys();
        QVERIFY2(listing.hasValue(), listing ? "" : qPrintable(listing.error().describe()));
        QCOMPARE(listing->names, QStringList{QStringLiteral("k")});
        QCOMPARE(listing->info.size(), 1);
        QCOMPARE(listing->info.first().createdAt,
                 QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 123), Qt::UTC)); // Go's nanoseconds read
        const FakeRequest request = m_server->requests().constLast();
        QCOMPARE(request.method, QByteArray("LIST"));
        QCOMPARE(request.path, QStringLiteral("/v1/signers/secp/keys/"));
        QCOMPARE(request.headers.value("x-vault-token"), QByteArray("s.secret-token"));
        QCOMPARE(request.headers.value("x-vault-namespace"), QByteArray("team-a"));
    }

    void statusMapping_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<BaoErrorKind>("kind");
        QTest::newRow("garbage json 200") << 200 << QByteArray("{not json") << BaoErrorKind::MalformedAnswer;
        QTest::newRow("200 without data")
            << 200 << QByteArray("{\"errors\":[]}") << BaoErrorKind::MalformedAnswer;
        QTest::newRow("html 200") << 200 << QByteArray("<html>proxy</html>") << BaoErrorKind::MalformedAnswer;
        QTest::newRow("500") << 500 << QByteArray("{\"errors\":[\"internal error\"]}")
                             << BaoErrorKind::ServerError;
        QTest::newRow("502 garbage") << 502 << QByteArray("Bad Gateway") << BaoErrorKind::ServerError;
        QTest::newRow("sealed") << 503 << QByteArray("{\"errors\":[\"Vault is sealed\"]}")
                                << BaoErrorKind::Sealed;
        QTest::newRow("rate limited")
            << 429 << QByteArray("{\"errors\":[\"rate limit quota exceeded\"]}") << BaoErrorKind::RateLimited;
        QTest::newRow("denied") << 403 << QByteArray("{\"errors\":[\"permission denied\"]}")
                                << BaoErrorKind::PermissionDenied;
        QTest::newRow("bad request") << 400
                                     << QByteArray("{\"errors\":[\"unsupported hash algorithm: md5\"]}")
                                     << BaoErrorKind::BadRequest;
        QTest::newRow("exists") << 400 << QByteArray("{\"errors\":[\"key already exists\"]}")
                                << BaoErrorKind::AlreadyExists;
        QTest::newRow("wrong method")
            << 405 << QByteArray("{\"errors\":[\"1 error occurred:\\n\\t* unsupported operation\\n\\n\"]}")
            << BaoErrorKind::BadRequest;
        QTest::newRow("too large") << 413 << QByteArray("{\"errors\":[\"request too large\"]}")
                                   << BaoErrorKind::BadRequest;
    }

    void statusMapping()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(BaoErrorKind, kind);
        m_server->setHandler([=](const FakeRequest &) {
            FakeResponse answer = FakeResponse::raw(status, body);
            answer.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("0")});
            return answer;
        });
        auto result = BaoClient(settings()).readKey(QStringLiteral("k"));
        QVERIFY(!result.hasValue());
        QCOMPARE(result.error().kind, kind);
        QCOMPARE(result.error().httpStatus, status);
        QVERIFY(!result.error().describe().contains(QStringLiteral("secret-token")));
        // A 429 or 503 asks for a later try: a read goes again, a bounded number of times.
        QCOMPARE(m_server->requestCount(), status == 429 || status == 503 ? 5 : 1);
    }

    // A rate-limit quota answers 429 with Retry-After: a request waits as
    // advised and goes again; a create too, since a quota refuses it before
    // the engine sees it (it used to fail at once, so a rate-limited batch
    // create lost most of its items within milliseconds).
    void rateLimitedRequestsWaitAndRetry()
    {
        auto limited = std::make_shared<std::atomic<int>>(2);
        m_server->setHandler([limited](const FakeRequest &) {
            if (limited->fetch_sub(1) > 0) {
                FakeResponse answer =
                    FakeResponse::errors(429, {QStringLiteral("rate limit quota exceeded")});
                answer.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1")});
                return answer;
            }
            return FakeResponse::data(keyData());
        });
        QElapsedTimer timer;
        timer.start();
        auto read = BaoClient(settings()).readKey(QStringLiteral("k"));
        QVERIFY2(read.hasValue(), read ? "" : qPrintable(read.error().describe()));
        QCOMPARE(m_server->requestCount(), 3);
        QVERIFY2(timer.elapsed() >= 1900, "Retry-After: 1 was not waited for, twice");
        QVERIFY2(timer.elapsed() < 6000, "the wait is bounded by the advice plus a quarter");

        limited->store(1);
        auto create = BaoClient(settings()).createKey(QStringLiteral("k"), false);
        QVERIFY2(create.hasValue(), create ? "" : qPrintable(create.error().describe()));
        QCOMPARE(m_server->requestCount(), 5); // refused once, then made
    }

    void badRequestKeepsTheServersMessage()
    {
        m_server->setHandler([](const FakeRequest &) {
            return FakeResponse::errors(
                400, {QStringLiteral("1 error occurred:\n\t* unsupported output format: x\n\n")});
        });
        auto result = BaoClient(settings()).sign(QStringLiteral("k"), "m");
        QVERIFY(!result.hasValue());
        QCOMPARE(result.error().kind, BaoErrorKind::BadRequest);
        QCOMPARE(result.error().message, QStringLiteral("unsupported output format: x"));
    }

    void standbyRedirect()
    {
        m_server->setHandler([](const FakeRequest &) {
            FakeResponse response = FakeResponse::raw(307, {});
            response.headers.append(
                qMakePair(QByteArray("Location"), QByteArray("https://active.bao:8200/v1/secp256k1/keys/k")));
            return response;
        });
        // The active node it names is not one of the profile's: not followed.
        auto result = BaoClient(settings()).readKey(QStringLiteral("k"));
        QVERIFY(!result.hasValue());
        QCOMPARE(result.error().kind, BaoErrorKind::SecurityFault);
        QCOMPARE(result.error().redirectTo, QStringLiteral("https://active.bao:8200/v1/secp256k1/keys/k"));
        QCOMPARE(m_server->requestCount(), 1);
    }

    void emptyListAndMissingMount()
    {
        m_server->setHandler([](const FakeRequest &) { return FakeResponse::errors(404, {}); });
        auto empty = BaoClient(settings()).listKeys();
        QVERIFY(empty.hasValue());
        QVERIFY(empty->names.isEmpty());

        m_server->setHandler([](const FakeRequest &) {
            return FakeResponse::errors(
                404, {QStringLiteral("no handler for route \"x\". route entry not found.")});
        });
        auto missing = BaoClient(settings()).listKeys();
        QVERIFY(!missing.hasValue());
        QCOMPARE(missing.error().kind, BaoErrorKind::NotFound);
    }

    void inconsistentKeysAreMalformed_data()
    {
        QTest::addColumn<QString>("publicKey");
        QTest::addColumn<QString>("address");
        QTest::newRow("address of another key")
            << PublicKeyHex << QStringLiteral("fb94ca1c7ed37bb8e6cf8cdc73c8c5bc7766af23");
        QTest::newRow("not on the curve")
            << (QStringLiteral("02") + QString(64, QLatin1Char('f'))) << AddressHex;
        QTest::newRow("uncompressed prefix") << (QStringLiteral("04") + PublicKeyHex.mid(2)) << AddressHex;
        QTest::newRow("short key") << PublicKeyHex.left(40) << AddressHex;
        QTest::newRow("not hex") << QString(66, QLatin1Char('z')) << AddressHex;
        QTest::newRow("short address") << PublicKeyHex << AddressHex.left(38);
    }

    void inconsistentKeysAreMalformed()
    {
        QFETCH(QString, publicKey);
        QFETCH(QString, address);
        m_server->setHandler(
            [=](const FakeRequest &) { return FakeResponse::data(keyData(publicKey, address)); });
        auto result = BaoClient(settings()).readKey(QStringLiteral("k"));
        QVERIFY(!result.hasValue());
        QCOMPARE(result.error().kind, BaoErrorKind::MalformedAnswer);
    }

    void answerAboutAnotherKeyIsMalformed()
    {
        m_server->setHandler([](const FakeRequest &) {
            QJsonObject data = keyData();
            data.insert(QStringLiteral("name"), QStringLiteral("other"));
            return FakeResponse::data(data);
        });
        auto result = BaoClient(settings()).readKey(QStringLiteral("k"));
        QVERIFY(!result.hasValue());
        QCOMPARE(result.error().kind, BaoErrorKind::MalformedAnswer);
    }

    void signatureSizeIsChecked()
    {
        m_server->setHandler([](const FakeRequest &) {
            return FakeResponse::data(
                {{QStringLiteral("signature"), QString::fromLatin1(QByteArray(63, 'x').toBase64())},
                 {QStringLiteral("public_key"), PublicKeyHex}});
        });
        auto result = BaoClient(settings()).sign(QStringLiteral("k"), "m");
        QVERIFY(!result.hasValue());
        QCOMPARE(result.error().kind, BaoErrorKind::MalformedAnswer);

        m_server->setHandler([](const FakeRequest &) {
            return FakeResponse::data({{QStringLiteral("signature"), QStringLiteral("!!not base64!!")},
                                       {QStringLiteral("public_key"), PublicKeyHex}});
        });
        auto notBase64 = BaoClient(settings()).sign(QStringLiteral("k"), "m");
        QVERIFY(!notBase64.hasValue());
        QCOMPARE(notBase64.error().kind, BaoErrorKind::MalformedAnswer);
    }

    void signAnswerKeyShapeIsChecked_data()
    {
        QTest::addColumn<QString>("publicKey");
        QTest::newRow("uncompressed prefix") << (QStringLiteral("04") + PublicKeyHex.mid(2));
        QTest::newRow("no prefix") << (QStringLiteral("00") + PublicKeyHex.mid(2));
        QTest::newRow("short key") << PublicKeyHex.left(64);
        QTest::newRow("not hex") << QString(66, QLatin1Char('z'));
        QTest::newRow("missing") << QString();
    }

    // The key in a sign answer must have a compressed key's shape; that it
    // is the key asked for is the keyring's check (TestKeyringFaults).
    void signAnswerKeyShapeIsChecked()
    {
        QFETCH(QString, publicKey);
        m_server->setHandler([publicKey](const FakeRequest &) {
            QJsonObject data{
                {QStringLiteral("signature"), QString::fromLatin1(QByteArray(64, 'x').toBase64())}};
            if (!publicKey.isEmpty())
                data.insert(QStringLiteral("public_key"), publicKey);
            return FakeResponse::data(data);
        });
        auto result = BaoClient(settings()).sign(QStringLiteral("k"), "m");
        QVERIFY(!result.hasValue());
        QCOMPARE(result.error().kind, BaoErrorKind::MalformedAnswer);
    }

    void droppedConnectionIsTransport()
    {
        m_server->setHandler([](const FakeRequest &) { return FakeResponse::drop(); });
        auto result = BaoClient(settings()).readKey(QStringLiteral("k"));
        QVERIFY(!result.hasValue());
        QCOMPARE(result.error().kind, BaoErrorKind::Transport);

        m_server->setHandler([](const FakeRequest &) {
            FakeResponse partial = FakeResponse::data(keyData());
            partial.action = FakeResponse::Action::PartialBody;
            return partial;
        });
        auto cut = BaoClient(settings()).readKey(QStringLiteral("k"));
        QVERIFY(!cut.hasValue());
        QVERIFY2(cut.error().kind == BaoErrorKind::Transport ||
                     cut.error().kind == BaoErrorKind::MalformedAnswer,
                 qPrintable(cut.error().describe()));
    }

    // A server at its connection cap closes a new connection that has sent
    // nothing yet to make room (baokeys-signer does): a read or sign whose
    // new connection closes unanswered goes out once more, on another one.
    void unansweredNewConnectionIsTriedOnceMore()
    {
        if (HttpTransport::effectiveKind(settings()) != HttpTransportKind::Beast)
            QSKIP("Qt's network stack decides its own retries");
        std::atomic<int> seen{0};
        m_server->setHandler([&seen](const FakeRequest &) {
            return seen++ == 0 ? FakeResponse::drop() : FakeResponse::data(keyData());
        });
        auto result = BaoClient(settings()).readKey(QStringLiteral("k"));
        QVERIFY2(result.hasValue(), result ? "" : qPrintable(result.error().describe()));
        QCOMPARE(m_server->requestCount(), 2);
    }

    // A create, import or delete whose answer never came may have been done:
    // it is never sent again (a second create would meet "already exists"
    // and hide the first), and it is reported as outcome unknown.
    void lostAnswerToACreateIsOutcomeUnknown_data()
    {
        QTest::addColumn<QString>("call");
        QTest::addColumn<bool>("warm"); // over a kept connection
        for (const char *call : {"create", "import", "delete"}) {
            QTest::newRow(qPrintable(QStringLiteral("%1, new connection").arg(QLatin1String(call))))
                << QString::fromLatin1(call) << false;
            QTest::newRow(qPrintable(QStringLiteral("%1, kept connection").arg(QLatin1String(call))))
                << QString::fromLatin1(call) << true;
        }
    }

    void lostAnswerToACreateIsOutcomeUnknown()
    {
        QFETCH(QString, call);
        QFETCH(bool, warm);
        m_server->setHandler([](const FakeRequest &request) {
            if (request.method == "GET")
                return FakeResponse::data(keyData());
            return FakeResponse::drop(); // the request arrived; its answer is lost
        });
        BaoClient client(settings());
        if (warm)
            QVERIFY(client.readKey(QStringLiteral("k")).hasValue());
        const int before = m_server->requestCount();
        const std::optional<baokeys::bao::BaoError> error = failedStateChange(client, call);
        QVERIFY2(error, "the call succeeded");
        QVERIFY2(error->kind == BaoErrorKind::OutcomeUnknown, qPrintable(error->describe()));
        QCOMPARE(m_server->requestCount() - before, 1); // sent once, never again
    }

    // A create, import or delete answered in a way that does not say whether
    // it was done (a 500, a gateway's 502 or 504, a 2xx that cannot be read)
    // is outcome unknown, like a lost answer, and is not sent again; a
    // refusal made before any work (503 sealed, 501 not initialised) is not.
    void undecidedAnswerToAStateChangeIsOutcomeUnknown_data()
    {
        QTest::addColumn<QString>("call");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<BaoErrorKind>("kind");
        const struct {
            const char *name;
            int status;
            QByteArray body;
            BaoErrorKind kind;
        } answers[] = {
            {"500", 500, "{\"errors\":[\"internal error\"]}", BaoErrorKind::OutcomeUnknown},
            {"502 from a gateway", 502, "<html>bad gateway</html>", BaoErrorKind::OutcomeUnknown},
            {"504 from a gateway", 504, "<html>gateway timeout</html>", BaoErrorKind::OutcomeUnknown},
            {"200 not JSON", 200, "{\"data\": {\"name\": 42", BaoErrorKind::OutcomeUnknown},
            {"200 without data", 200, "{\"request_id\":\"x\",\"data\":null}", BaoErrorKind::OutcomeUnknown},
            {"503 sealed", 503, "{\"errors\":[\"Vault is sealed\"]}", BaoErrorKind::Sealed},
            {"501 not initialised", 501, "{\"errors\":[\"not initialized\"]}", BaoErrorKind::ServerError},
        };
        for (const char *call : {"create", "import", "delete"}) {
            for (const auto &answer : answers) {
                if (QByteArrayView(call) == "delete" && answer.status == 200)
                    continue; // a delete reads no body
                QTest::newRow(
                    qPrintable(QStringLiteral("%1, %2").arg(QLatin1String(call), QLatin1String(answer.name))))
                    << QString::fromLatin1(call) << answer.status << answer.body << answer.kind;
            }
        }
    }

    void undecidedAnswerToAStateChangeIsOutcomeUnknown()
    {
        QFETCH(QString, call);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(BaoErrorKind, kind);
        m_server->setHandler([=](const FakeRequest &) { return FakeResponse::raw(status, body); });
        BaoClient client(settings());
        const std::optional<baokeys::bao::BaoError> error = failedStateChange(client, call);
        QVERIFY2(error, "the call succeeded");
        QVERIFY2(error->kind == kind, qPrintable(error->describe()));
        QCOMPARE(error->httpStatus, status);
        QCOMPARE(m_server->requestCount(), 1); // sent once, never again
    }

    // OpenBao says "no keys" with 404 {"errors":[]}. A 404 of anything else
    // (a web server's page, an address whose path leads nowhere) is no
    // empty list: read as one, a sync would flag every key missing.
    void notFoundWithoutOpenBaosEnvelopeIsNoEmptyList_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("empty");
        QTest::newRow("OpenBao's empty list") << QByteArray("{\"errors\":[]}") << true;
        QTest::newRow("Go's page not found") << QByteArray("404 page not found\n") << false;
        QTest::newRow("an HTML page") << QByteArray("<html>Not Found</html>") << false;
        QTest::newRow("JSON of something else") << QByteArray("{\"message\":\"no route\"}") << false;
    }

    void notFoundWithoutOpenBaosEnvelopeIsNoEmptyList()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, empty);
        m_server->setHandler([body](const FakeRequest &) { return FakeResponse::raw(404, body); });
        auto listing = BaoClient(settings()).listKeys();
        if (empty) {
            QVERIFY2(listing.hasValue(), listing ? "" : qPrintable(listing.error().describe()));
            QVERIFY(listing->names.isEmpty());
        } else {
            QVERIFY2(!listing.hasValue(), "read as an empty list");
            QVERIFY2(listing.error().describe().contains(QLatin1String("is the address right?")),
                     qPrintable(listing.error().describe()));
        }
    }

    // A line break in the token or the namespace would end its header and
    // start another: nothing is sent, on either transport.
    void lineBreakInTheTokenOrNamespaceIsNeverSent_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("ns");
        QTest::newRow("CRLF in the token") << QStringLiteral("s.tok\r\nX-Evil: 1") << QString();
        QTest::newRow("LF in the token") << QStringLiteral("s.tok\nX-Vault-Namespace: other") << QString();
        QTest::newRow("NUL in the token")
            << QStringLiteral("s.tok") + QChar(0) + QStringLiteral("x") << QString();
        QTest::newRow("CRLF in the namespace")
            << QStringLiteral("s.tok") << QStringLiteral("team\r\nX-Evil: 1");
    }

    void lineBreakInTheTokenOrNamespaceIsNeverSent()
    {
        QFETCH(QString, token);
        QFETCH(QString, ns);
        m_server->setHandler([](const FakeRequest &) { return FakeResponse::data(keyData()); });
        BaoSettings bad = settings();
        bad.token = token;
        bad.ns = ns;
        BaoClient client(bad);
        auto read = client.readKey(QStringLiteral("k"));
        QVERIFY(!read.hasValue());
        QVERIFY2(read.error().kind == BaoErrorKind::InvalidInput, qPrintable(read.error().describe()));
        QVERIFY2(!read.error().describe().contains(QLatin1String("s.tok")), "the error quotes the token");
        QVERIFY(!client.createKey(QStringLiteral("k"), false).hasValue());
        QCOMPARE(m_server->requestCount(), 0);
    }

    void unansweredCreateTimesOutAsOutcomeUnknown()
    {
        m_server->setHandler([](const FakeRequest &) { return FakeResponse::hang(); });
        auto result = BaoClient(settings(300)).createKey(QStringLiteral("k"), false);
        QVERIFY(!result.hasValue());
        QVERIFY2(result.error().kind == BaoErrorKind::OutcomeUnknown, qPrintable(result.error().describe()));
        QCOMPARE(m_server->requestCount(), 1);
    }

    void refusedConnectionIsNoOutcome()
    {
        // Nothing listens: the create never left, so nothing can have been made.
        BaoSettings closed = settings();
        const quint16 port = m_server->port();
        m_server.reset();
        closed.address = QStringLiteral("http://127.0.0.1:%1").arg(port);
        auto result = BaoClient(closed).createKey(QStringLiteral("k"), false);
        QVERIFY(!result.hasValue());
        QVERIFY2(result.error().kind == BaoErrorKind::Transport, qPrintable(result.error().describe()));
        m_server = std::make_unique<FakeBaoServer>();
        QVERIFY(m_server->start());
    }

    // With no descriptor left for the socket (the open-file limit reached),
    // the error says so (asio's range connect reported it as "Operation
    // canceled"), and, as with a refused connection, the create never left.
    void noDescriptorLeftForTheSocketIsNamed()
    {
#if !defined(__linux__)
        QSKIP("open descriptors are listed from /proc");
#else
        QFETCH_GLOBAL(HttpTransportKind, transport);
        if (transport != HttpTransportKind::Beast)
            QSKIP("QNetworkAccessManager needs descriptors for its own thread at its first request");
        // Nothing listens (a server in this process would need a descriptor
        // to accept). A first call makes the client's event loop, with its
        // own descriptors, and keeps no connection.
        BaoSettings closed = settings();
        const quint16 port = m_server->port();
        m_server.reset();
        closed.address = QStringLiteral("http://127.0.0.1:%1").arg(port);
        BaoClient client(closed);
        QVERIFY(!client.readKey(QStringLiteral("k")).hasValue());
        rlimit saved{};
        QCOMPARE(::getrlimit(RLIMIT_NOFILE, &saved), 0);
        int highest = 0;
        for (const QString &fd :
             QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::NoDotAndDotDot | QDir::System))
            highest = qMax(highest, fd.toInt());
        rlimit lowered = saved;
        lowered.rlim_cur = rlim_t(highest) + 1;
        QCOMPARE(::setrlimit(RLIMIT_NOFILE, &lowered), 0);
        std::vector<int> holes; // descriptors below the limit that were free: taken, so none is left
        for (int fd = ::open("/dev/null", O_RDONLY); fd >= 0; fd = ::open("/dev/null", O_RDONLY))
            holes.push_back(fd);
        const int openError = errno;
        auto result = client.createKey(QStringLiteral("k"), false);
        for (const int fd : holes)
            ::close(fd);
        QCOMPARE(::setrlimit(RLIMIT_NOFILE, &saved), 0);
        QCOMPARE(openError, EMFILE);
        QVERIFY(!result.hasValue());
        QVERIFY2(result.error().kind == BaoErrorKind::Transport, qPrintable(result.error().describe()));
        QVERIFY2(result.error().message.contains(QString::fromLocal8Bit(std::strerror(EMFILE))),
                 qPrintable(result.error().message));
        m_server = std::make_unique<FakeBaoServer>();
        QVERIFY(m_server->start());
#endif
    }

    // A server may close a kept connection while it is idle (an idle
    // timeout, a restart): the next call goes out on a new connection,
    // exactly once.
    void keptConnectionClosedByTheServer()
    {
        answerEachRequestThenClose();
        BaoClient client(settings());
        for (int call = 1; call <= 3; ++call) {
            auto result = client.readKey(QStringLiteral("k"));
            QVERIFY2(result.hasValue(), result ? "" : qPrintable(result.error().describe()));
            QCOMPARE(m_server->requestCount(), call);
        }
    }

    // The same for a create, which must not go out twice: the client sees
    // the closed connection before sending (a sign or a read may skip that
    // check and go out again when nothing came back; a create may not).
    void keptConnectionClosedByTheServerBeforeACreate()
    {
        answerEachRequestThenClose();
        BaoClient client(settings());
        for (int call = 1; call <= 3; ++call) {
            auto result = client.createKey(QStringLiteral("k"), false);
            QVERIFY2(result.hasValue(), result ? "" : qPrintable(result.error().describe()));
            QCOMPARE(m_server->requestCount(), call);
            QTest::qWait(50); // idle: the server's close has arrived
        }
    }

    // Qt's proxy settings are obeyed whatever transport is asked for: the
    // address below has nothing behind it, so only a request sent through
    // the proxy (this fake server) gets an answer.
    void applicationProxyIsUsed()
    {
        m_server->setHandler([](const FakeRequest &) { return FakeResponse::data(keyData()); });
        QNetworkProxy::setApplicationProxy(
            QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), m_server->port()));
        const auto restore = qScopeGuard([] { QNetworkProxy::setApplicationProxy(QNetworkProxy()); });
        BaoSettings proxied = settings();
        proxied.address = QStringLiteral("http://bao.invalid:8200");
        QCOMPARE(HttpTransport::effectiveKind(proxied), HttpTransportKind::QtNetwork);
        auto result = BaoClient(proxied).readKey(QStringLiteral("k"));
        QVERIFY2(result.hasValue(), result ? "" : qPrintable(result.error().describe()));
        QVERIFY(m_server->requests().constLast().path.contains(
            QStringLiteral("bao.invalid:8200/v1/signers/secp/keys/k")));
    }

    void timeoutIsTimeout()
    {
        m_server->setHandler([](const FakeRequest &) { return FakeResponse::hang(); });
        QElapsedTimer timer;
        timer.start();
        auto result = BaoClient(settings(300)).readKey(QStringLiteral("k"));
        QVERIFY(!result.hasValue());
        QCOMPARE(result.error().kind, BaoErrorKind::Timeout);
        QVERIFY(timer.elapsed() >= 250);
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
    }

    void cancelAbortsInFlight()
    {
        m_server->setHandler([](const FakeRequest &) { return FakeResponse::hang(); });
        BaoClient client(settings(20000));
        CancelToken token;
        client.setCancelToken(token);
        std::unique_ptr<QThread> canceller(QThread::create([token]() mutable {
            QThread::msleep(150);
            token.cancel();
        }));
        QElapsedTimer timer;
        timer.start();
        canceller->start();
        auto result = client.readKey(QStringLiteral("k"));
        QVERIFY(canceller->wait(5000));
        QVERIFY(!result.hasValue());
        QCOMPARE(result.error().kind, BaoErrorKind::Cancelled);
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));

        // Already cancelled: nothing is sent.
        const int before = m_server->requestCount();
        auto again = client.readKey(QStringLiteral("k"));
        QCOMPARE(again.error().kind, BaoErrorKind::Cancelled);
        QCOMPARE(m_server->requestCount(), before);
    }

    void healthCodesAreAnswers()
    {
        m_server->setHandler([](const FakeRequest &request) {
            if (request.path == QLatin1String("/v1/sys/health"))
                return FakeResponse::raw(
                    429, R"({"initialized":true,"sealed":false,"standby":true,"version":"2.1.0"})");
            return FakeResponse::errors(404, {});
        });
        BaoClient client(settings());
        auto health = client.health();
        QVERIFY2(health.hasValue(), health ? "" : qPrintable(health.error().describe()));
        QCOMPARE(health->httpStatus, 429);
        QVERIFY(health->standby);
        QCOMPARE(health->version, QStringLiteral("2.1.0"));
        QVERIFY(!m_server->requests().constLast().headers.contains("x-vault-token")); // no token needed
    }

    void caFileMissingIsTransport()
    {
        BaoSettings tls = settings();
        tls.address = QStringLiteral("https://127.0.0.1:%1").arg(m_server->port());
        tls.caCertFile = QStringLiteral("/nonexistent/ca.pem");
        auto result = BaoClient(tls).listKeys();
        QVERIFY(!result.hasValue());
        QCOMPARE(result.error().kind, BaoErrorKind::Transport);
        QVERIFY(result.error().message.contains(QStringLiteral("/nonexistent/ca.pem")));
    }

    void settingsFromEnvironment()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("VAULT_ADDR"), QStringLiteral("https://vault:8200"));
        env.insert(QStringLiteral("VAULT_TOKEN"), QStringLiteral("vault-token"));
        env.insert(QStringLiteral("BAO_TOKEN"), QStringLiteral("bao-token"));
        env.insert(QStringLiteral("BAO_NAMESPACE"), QStringLiteral("ns1"));
        env.insert(QStringLiteral("VAULT_CACERT"), QStringLiteral("/etc/ca.pem"));
        env.insert(QStringLiteral("BAO_SKIP_VERIFY"), QStringLiteral("t"));
        env.insert(QStringLiteral("BAO_CLIENT_TIMEOUT"), QStringLiteral("1500ms"));
        const BaoSettings settings = BaoSettings::fromEnvironment(env);
        QCOMPARE(settings.address, QStringLiteral("https://vault:8200")); // VAULT_ as fallback
        QCOMPARE(settings.token, QStringLiteral("bao-token"));            // BAO_ first
        QCOMPARE(settings.ns, QStringLiteral("ns1"));
        QCOMPARE(settings.caCertFile, QStringLiteral("/etc/ca.pem"));
        QVERIFY(settings.tlsSkipVerify);
        QCOMPARE(settings.timeout, std::chrono::milliseconds(1500));
        QVERIFY(!settings.describe().contains(QStringLiteral("bao-token")));

        const BaoSettings defaults = BaoSettings::fromEnvironment(QProcessEnvironment());
        QCOMPARE(defaults.address, QStringLiteral("https://127.0.0.1:8200"));
        QVERIFY(!defaults.tlsSkipVerify);
        QCOMPARE(defaults.mount, QStringLiteral("secp256k1"));
    }
};

QTEST_GUILESS_MAIN(TestBaoClientFaults)
#include "TestBaoClientFaults.moc"
