// BaoClient against several nodes of a cluster on loopback: embedded signers
// as active, standby (--standby-of) and sealed nodes, a port nobody listens
// on as a dead node, and purpose-built servers for a node that redirects
// where it should not. Every case runs over both transports.
#include "EmbeddedSigner.h"
#include "FakeBaoServer.h"
#include "TransportRows.h"

#include "core/bao/BaoClient.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>

#include <memory>
#include <thread>

using baokeys::bao::BaoClient;
using baokeys::bao::BaoErrorKind;
using baokeys::bao::BaoSettings;
using baokeys::bao::HttpAnswer;
using baokeys::bao::HttpCall;
using baokeys::bao::HttpTransport;
using baokeys::bao::NodeRole;
using baokeys::signer::SignerOptions;
using baokeys::signer::SignerServer;
using baokeys::testsupport::EmbeddedSigner;
using baokeys::testsupport::FakeBaoServer;
using baokeys::testsupport::FakeRequest;
using baokeys::testsupport::FakeResponse;
namespace transportRows = baokeys::testsupport::transportRows;

namespace {

const QString Token = QStringLiteral("s.cluster-token-0123456789");

// A node of the cluster: an embedded signer with the cluster's token.
std::unique_ptr<SignerServer> startNode(const QString &standbyOf = {})
{
    SignerOptions options;
    options.rootToken = Token;
    options.standbyOf = standbyOf;
    auto server = std::make_unique<SignerServer>(options);
    if (auto started = server->start(); !started) {
        qWarning("node did not start: %s", qPrintable(started.error().message));
        return nullptr;
    }
    return server;
}

// An address where nothing listens: a node that is down.
QString deadAddress()
{
    auto node = startNode();
    const QString address = node ? node->address() : QString();
    node.reset();
    return address;
}

bool isEngineRequest(const FakeRequest &request)
{
    return !request.path.startsWith(QLatin1String("/v1/sys/"));
}

// sys/health of an active node, as OpenBao words it.
FakeResponse activeHealth()
{
    const QJsonObject body{{QStringLiteral("initialized"), true},
                           {QStringLiteral("sealed"), false},
                           {QStringLiteral("standby"), false},
                           {QStringLiteral("performance_standby"), false}};
    return FakeResponse::raw(200, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

FakeResponse redirectTo(const QString &origin, const FakeRequest &request)
{
    FakeResponse response = FakeResponse::raw(307, {});
    QString location = origin + request.path;
    if (!request.query.isEmpty())
        location += QLatin1Char('?') + request.query;
    response.headers.append({QByteArrayLiteral("Location"), location.toUtf8()});
    return response;
}

} // namespace

class TestBaoCluster : public QObject {
    Q_OBJECT

private:
    static BaoSettings over(const QStringList &addresses)
    {
        BaoSettings settings;
        settings.address = addresses.join(QLatin1Char(','));
        settings.token = Token;
        settings.timeout = std::chrono::seconds(10);
        return transportRows::withRowTransport(settings);
    }

private slots:
    void initTestCase_data() { transportRows::add(); }

    void addressListIsParsed()
    {
        BaoSettings settings;
        settings.address = QStringLiteral(" https://a:8200/ ,https://b:8200,, https://a:8200");
        QCOMPARE(settings.addresses(),
                 QStringList({QStringLiteral("https://a:8200"), QStringLiteral("https://b:8200")}));
        settings.address = QStringLiteral("http://127.0.0.1:8200");
        QCOMPARE(settings.addresses(), QStringList{QStringLiteral("http://127.0.0.1:8200")});
    }

    // The first node is down: even a create goes to the second, since the
    // connection was refused and so the request never left.
    void firstAddressDeadGoesToTheSecond()
    {
        auto live = startNode();
        QVERIFY(live);
        BaoClient client(over({deadAddress(), live->address()}));
        auto created = client.createKey(QStringLiteral("k1"), false);
        QVERIFY2(created.hasValue(), created ? "" : qPrintable(created.error().describe()));
        auto signature = client.sign(QStringLiteral("k1"), "message");
        QVERIFY2(signature.hasValue(), signature ? "" : qPrintable(signature.error().describe()));
        QCOMPARE(signature->publicKey, created->publicKey);
        QCOMPARE(live->engineRequestCount(), quint64(2));
        const auto nodes = client.nodes();
        QCOMPARE(nodes.size(), 2);
        QCOMPARE(nodes.at(0).role, NodeRole::Unreachable);
        QVERIFY(nodes.at(0).error.has_value());
        QCOMPARE(nodes.at(1).role, NodeRole::Active);
    }

    // A standby listed first: sys/health says 429, so every request goes to
    // the active node and none to the standby.
    void standbyFirstReachesTheActiveNode()
    {
        auto active = startNode();
        QVERIFY(active);
        auto standby = startNode(active->address());
        QVERIFY(standby);
        BaoClient client(over({standby->address(), active->address()}));
        for (int i = 1; i <= 8; ++i) {
            auto created = client.createKey(QStringLiteral("s-%1").arg(i), false);
            QVERIFY2(created.hasValue(), created ? "" : qPrintable(created.error().describe()));
            auto signature = client.sign(QStringLiteral("s-%1").arg(i), "m");
            QVERIFY2(signature.hasValue(), signature ? "" : qPrintable(signature.error().describe()));
        }
        QCOMPARE(active->engineRequestCount(), quint64(16));
        QCOMPARE(standby->engineRequestCount(), quint64(0));
        const auto nodes = client.nodes();
        QCOMPARE(nodes.at(0).role, NodeRole::Standby);
        QCOMPARE(nodes.at(0).health->httpStatus, 429);
        QCOMPARE(nodes.at(1).role, NodeRole::Active);
    }

    // The standby signer's redirect: 307 to the active node, path and query
    // kept, before the token is even looked at.
    void standbySignerRedirectsWithPathAndQuery()
    {
        auto active = startNode();
        QVERIFY(active);
        auto standby = startNode(active->address() + QStringLiteral("/"));
        QVERIFY(standby);
        const QString target = QStringLiteral("/v1/secp256k1/keys/?list=true");
        auto transport = HttpTransport::create(over({standby->address()}));
        HttpCall call;
        call.method = "GET";
        call.url = QUrl(standby->address() + target);
        const HttpAnswer answer = transport->exchange(call, nullptr);
        QVERIFY(!answer.transportError);
        QCOMPARE(answer.status, 307);
        QCOMPARE(answer.location, active->address() + target);
        // With only the standby listed, the active node is not one of the
        // profile's: the client does not follow.
        BaoClient alone(over({standby->address()}));
        auto refused = alone.listKeyNames();
        QVERIFY(!refused.hasValue());
        QCOMPARE(refused.error().kind, BaoErrorKind::SecurityFault);
        QCOMPARE(active->engineRequestCount(), quint64(0));
    }

    // A node that still takes itself for the active one redirects: the
    // request follows once, with its method, body and token, and the client
    // (and every client of the same addresses) goes straight to the new
    // active node from then on.
    void redirectIsFollowedOnceAndRemembered()
    {
        auto active = startNode();
        QVERIFY(active);
        const QString activeAddress = active->address();
        FakeBaoServer stale([activeAddress](const FakeRequest &request) {
            if (request.path == QLatin1String("/v1/sys/health"))
                return activeHealth();
            return redirectTo(activeAddress, request);
        });
        QVERIFY(stale.start());
        const BaoSettings settings = over({stale.address(), activeAddress});
        BaoClient client(settings);
        auto created = client.createKey(QStringLiteral("r1"), true); // POST with a body
        QVERIFY2(created.hasValue(), created ? "" : qPrintable(created.error().describe()));
        auto read = BaoClient(over({activeAddress})).readKey(QStringLiteral("r1"));
        QVERIFY(read.hasValue());
        QVERIFY(read->exportable); // the body arrived
        for (int i = 0; i < 5; ++i)
            QVERIFY(client.sign(QStringLiteral("r1"), QByteArray::number(i)).hasValue());
        BaoClient another(settings);
        QVERIFY(another.sign(QStringLiteral("r1"), "x").hasValue());

        int staleEngineRequests = 0;
        for (const FakeRequest &request : stale.requests())
            staleEngineRequests += isEngineRequest(request) ? 1 : 0;
        QCOMPARE(staleEngineRequests, 1);
        QCOMPARE(active->engineRequestCount(), quint64(1 + 1 + 5 + 1));
    }

    // A redirect to a host that is not in the list is a security fault: the
    // request, and with it the token, never goes there.
    void redirectToAForeignHostIsRefused()
    {
        FakeBaoServer foreign([](const FakeRequest &) { return FakeResponse::data({}); });
        QVERIFY(foreign.start());
        const QString foreignAddress = foreign.address();
        FakeBaoServer listed([foreignAddress](const FakeRequest &request) {
            if (request.path == QLatin1String("/v1/sys/health"))
                return activeHealth();
            return redirectTo(foreignAddress, request);
        });
        QVERIFY(listed.start());
        auto other = startNode();
        QVERIFY(other);
        BaoClient client(over({listed.address(), other->address()}));
        auto signature = client.sign(QStringLiteral("k"), "m");
        QVERIFY(!signature.hasValue());
        QCOMPARE(signature.error().kind, BaoErrorKind::SecurityFault);
        QVERIFY(signature.error().redirectTo.startsWith(foreignAddress));
        auto created = client.createKey(QStringLiteral("k"), false);
        QVERIFY(!created.hasValue());
        QCOMPARE(created.error().kind, BaoErrorKind::SecurityFault);
        QCOMPARE(foreign.requestCount(), 0);
        QCOMPARE(other->engineRequestCount(), quint64(0));
        // The listed node itself did get the token: it is one the operator named.
        const auto seen = listed.requests();
        QVERIFY(!seen.isEmpty());
        QCOMPARE(seen.last().headers.value("x-vault-token"), Token.toUtf8());
    }

    // The active node dies and the standby takes over only later (an
    // election): a sign waits for it over a few rounds and completes there.
    void signWaitsForANewActiveNode()
    {
        auto a = startNode();
        QVERIFY(a);
        auto b = startNode();
        QVERIFY(b);
        QByteArray raw(32, '\x11');
        const auto secret = baokeys::crypto::SecureBytes::takeFrom(raw);
        QVERIFY(BaoClient(over({a->address()})).importKey(QStringLiteral("e"), secret, false).hasValue());
        QVERIFY(BaoClient(over({b->address()})).importKey(QStringLiteral("e"), secret, false).hasValue());
        b->setStandbyOf(a->address());
        BaoClient client(over({a->address(), b->address()}));
        QVERIFY(client.sign(QStringLiteral("e"), "before").hasValue());
        a->stop();
        std::thread election([&b] {
            std::this_thread::sleep_for(std::chrono::milliseconds(800));
            b->setStandbyOf({});
        });
        QElapsedTimer timer;
        timer.start();
        auto signature = client.sign(QStringLiteral("e"), "after");
        const qint64 waitedMs = timer.elapsed();
        election.join();
        QVERIFY2(signature.hasValue(), signature ? "" : qPrintable(signature.error().describe()));
        QVERIFY2(waitedMs >= 700, qPrintable(QString::number(waitedMs)));
        QCOMPARE(b->engineRequestCount(), quint64(1 + 1)); // the import, then this sign
    }

    void nodesReportEveryRole()
    {
        auto active = startNode();
        QVERIFY(active);
        auto standby = startNode(active->address());
        QVERIFY(standby);
        auto sealed = startNode();
        QVERIFY(sealed);
        sealed->seal();
        BaoClient client(over({active->address(), standby->address(), sealed->address(), deadAddress()}));
        const auto nodes = client.nodes();
        QCOMPARE(nodes.size(), 4);
        QCOMPARE(nodes.at(0).role, NodeRole::Active);
        QCOMPARE(nodes.at(1).role, NodeRole::Standby);
        QCOMPARE(nodes.at(2).role, NodeRole::Sealed);
        QCOMPARE(nodes.at(3).role, NodeRole::Unreachable);
        for (const auto &node : nodes)
            QVERIFY(node.roundTripMs >= 0 && node.roundTripMs < 10000);
        QCOMPARE(baokeys::bao::NodeStatus::roleName(NodeRole::Standby), QStringLiteral("standby"));
    }

    // The standby's health honours ?standbyok=true the way OpenBao does.
    void standbyHealthCodes()
    {
        auto active = startNode();
        QVERIFY(active);
        auto standby = startNode(active->address());
        QVERIFY(standby);
        BaoClient client(over({standby->address()}));
        auto health = client.health();
        QVERIFY(health.hasValue());
        QCOMPARE(health->httpStatus, 429);
        QVERIFY(health->standby);
        QVERIFY(!health->sealed);
        standby->setStandbyOf({}); // promoted
        health = client.health();
        QVERIFY(health.hasValue());
        QCOMPARE(health->httpStatus, 200);
        QVERIFY(!health->standby);
    }
};

QTEST_GUILESS_MAIN(TestBaoCluster)
#include "TestBaoCluster.moc"
