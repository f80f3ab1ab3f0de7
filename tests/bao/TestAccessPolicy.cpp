// The generated OpenBao policies against the requests the client really
// sends: every request an operation makes (recorded by a relay in front of
// the embedded signer) must be allowed by the role meant for it, and refused
// by the roles that are not, judged by OpenBao's path and capability rules.
#include "EmbeddedSigner.h"
#include "FakeBaoServer.h"

#include "core/bao/AccessPolicy.h"
#include "core/bao/BaoClient.h"
#include "core/bao/HttpTransport.h"
#include "core/crypto/Hex.h"

#include <QRegularExpression>
#include <QTest>

#include <memory>
#include <mutex>

using baokeys::bao::AccessPolicy;
using baokeys::bao::BaoClient;
using baokeys::bao::BaoSettings;
using baokeys::bao::HttpCall;
using baokeys::bao::HttpTransport;
using baokeys::testsupport::EmbeddedSigner;
using baokeys::testsupport::FakeBaoServer;
using baokeys::testsupport::FakeRequest;
using baokeys::testsupport::FakeResponse;

namespace {

// A policy read back from its HCL: path -> capabilities.
struct ParsedPolicy {
    QList<QPair<QString, QStringList>> rules;

    static ParsedPolicy parse(const QString &hcl)
    {
        ParsedPolicy policy;
        static const QRegularExpression rule(
            QStringLiteral("path\\s+\"([^\"]+)\"\\s*\\{\\s*capabilities\\s*=\\s*\\[([^\\]]*)\\]\\s*\\}"));
        for (auto it = rule.globalMatch(hcl); it.hasNext();) {
            const auto match = it.next();
            QStringList capabilities;
            for (QString capability : match.captured(2).split(QLatin1Char(','), Qt::SkipEmptyParts))
                capabilities << capability.trimmed().remove(QLatin1Char('"'));
            policy.rules.append({match.captured(1), capabilities});
        }
        return policy;
    }

    // OpenBao's matching: a trailing '*' is a prefix, '+' one path segment,
    // anything else exact.
    static bool matches(const QString &pattern, const QString &path)
    {
        if (pattern.endsWith(QLatin1Char('*')))
            return matchesSegments(pattern.chopped(1), path, true);
        return matchesSegments(pattern, path, false);
    }

    static bool matchesSegments(const QString &pattern, const QString &path, bool prefix)
    {
        const QStringList want = pattern.split(QLatin1Char('/'));
        const QStringList have = path.split(QLatin1Char('/'));
        if (have.size() < want.size() || (!prefix && have.size() != want.size()))
            return false;
        for (qsizetype i = 0; i < want.size(); ++i) {
            const bool last = i == want.size() - 1;
            if (want[i] == QLatin1String("+"))
                continue;
            if (last && prefix ? !have[i].startsWith(want[i]) : have[i] != want[i])
                return false;
        }
        return true;
    }

    bool allows(const QString &path, const QString &capability) const
    {
        for (const auto &[pattern, capabilities] : rules) {
            if (matches(pattern, path) && capabilities.contains(capability))
                return true;
        }
        return false;
    }
};

// One request as OpenBao's policy check sees it.
struct Access {
    QString path;       // without /v1/, a LIST with its trailing '/'
    QString capability; // what it needs
};

} // namespace

class TestAccessPolicy : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<EmbeddedSigner> m_signer;
    std::unique_ptr<FakeBaoServer> m_relay;
    std::mutex m_mutex;
    QList<FakeRequest> m_seen; // guarded by m_mutex

    // What an operation sent, as the accesses a policy must grant.
    template <typename Operation> QList<Access> accessesOf(Operation operation)
    {
        {
            std::lock_guard lock(m_mutex);
            m_seen.clear();
        }
        BaoSettings settings = m_signer->settings();
        settings.address = m_relay->address();
        BaoClient client(settings);
        operation(client);
        QList<Access> accesses;
        std::lock_guard lock(m_mutex);
        for (const FakeRequest &request : std::as_const(m_seen)) {
            QString path = request.path.mid(4); // "/v1/"
            QString capability;
            if (request.method == "LIST") {
                capability = QStringLiteral("list");
                if (!path.endsWith(QLatin1Char('/')))
                    path += QLatin1Char('/');
            } else if (request.method == "GET") {
                capability = QStringLiteral("read");
            } else if (request.method == "DELETE") {
                capability = QStringLiteral("delete");
            } else if (path.contains(QLatin1String("/sign/")) || path.contains(QLatin1String("/verify/"))) {
                capability = QStringLiteral("update");
            } else {
                capability = QStringLiteral("create"); // a POST that makes a key
            }
            accesses.append({path, capability});
        }
        return accesses;
    }

    static bool allAllowed(const ParsedPolicy &policy, const QList<Access> &accesses, QString *refused)
    {
        for (const Access &access : accesses) {
            if (!policy.allows(access.path, access.capability)) {
                *refused = access.capability + QLatin1Char(' ') + access.path;
                return false;
            }
        }
        return !accesses.isEmpty();
    }

    static bool anyRefused(const ParsedPolicy &policy, const QList<Access> &accesses)
    {
        for (const Access &access : accesses) {
            if (!policy.allows(access.path, access.capability))
                return true;
        }
        return false;
    }

private slots:
    void init()
    {
        m_signer = std::make_unique<EmbeddedSigner>();
        QVERIFY(m_signer->start());
        const BaoSettings target = m_signer->settings();
        m_relay = std::make_unique<FakeBaoServer>([this, target](const FakeRequest &request) {
            {
                std::lock_guard lock(m_mutex);
                m_seen << request;
            }
            HttpCall call;
            call.method = request.method;
            call.url = QUrl(target.address + request.path +
                            (request.query.isEmpty() ? QString() : QLatin1Char('?') + request.query));
            call.headers.append({QByteArrayLiteral("X-Vault-Token"), target.token.toUtf8()});
            call.body = request.body;
            auto transport = HttpTransport::create(target);
            const auto answer = transport->exchange(call, nullptr);
            if (answer.transportError)
                return FakeResponse::drop();
            return FakeResponse::raw(answer.status, answer.body);
        });
        QVERIFY(m_relay->start());
    }

    void cleanup()
    {
        m_relay.reset();
        m_signer.reset();
    }

    void eachRoleAllowsWhatItIsForAndNothingMore()
    {
        const auto create =
            accessesOf([](BaoClient &c) { QVERIFY(c.createKey(QStringLiteral("blob-worker-1"), true)); });
        const auto import = accessesOf([](BaoClient &c) {
            auto key = baokeys::crypto::Hex::decodeSecret(
                u"1111111111111111111111111111111111111111111111111111111111111111");
            QVERIFY(c.importKey(QStringLiteral("blob-worker-2"), *key, false));
        });
        const auto read =
            accessesOf([](BaoClient &c) { QVERIFY(c.readKey(QStringLiteral("blob-worker-1"))); });
        const auto list = accessesOf([](BaoClient &c) { QVERIFY(c.listKeys()); });
        const auto sign = accessesOf(
            [](BaoClient &c) { QVERIFY(c.sign(QStringLiteral("blob-worker-1"), QByteArray(32, 'x'), {})); });
        const auto exportKey =
            accessesOf([](BaoClient &c) { QVERIFY(c.exportKey(QStringLiteral("blob-worker-1"))); });
        const auto remove =
            accessesOf([](BaoClient &c) { QVERIFY(c.deleteKey(QStringLiteral("blob-worker-2"))); });
        const auto otherKey = accessesOf([](BaoClient &c) {
            QVERIFY(c.createKey(QStringLiteral("validator-1"), false));
            QVERIFY(c.sign(QStringLiteral("validator-1"), QByteArray(32, 'x'), {}));
        });

        const QString mount = m_signer->settings().mount;
        const auto policy = [&mount](AccessPolicy::Role role) {
            const QString hcl = AccessPolicy(role, mount).addPrefix(QStringLiteral("blob-worker")).hcl();
            return ParsedPolicy::parse(hcl);
        };
        const ParsedPolicy signOnly = policy(AccessPolicy::Role::Sign);
        const ParsedPolicy provision = policy(AccessPolicy::Role::Provision);
        const ParsedPolicy admin = policy(AccessPolicy::Role::Admin);
        QString refused;

        QVERIFY2(allAllowed(signOnly, sign, &refused), qPrintable(refused));
        for (const auto &accesses : {create, import, read, list, exportKey, remove, otherKey})
            QVERIFY(anyRefused(signOnly, accesses));

        for (const auto &accesses : {create, import, read, list})
            QVERIFY2(allAllowed(provision, accesses, &refused), qPrintable(refused));
        for (const auto &accesses : {sign, exportKey, remove, otherKey})
            QVERIFY(anyRefused(provision, accesses));

        for (const auto &accesses : {create, import, read, list, sign, exportKey, remove})
            QVERIFY2(allAllowed(admin, accesses, &refused), qPrintable(refused));
        QVERIFY(anyRefused(admin, otherKey)); // only the keys it was made for
    }

    void exactKeysAndNamespace()
    {
        const QString hcl =
            AccessPolicy(AccessPolicy::Role::Sign, QStringLiteral("signers/secp/"), QStringLiteral("team-a"))
                .addKey(QStringLiteral("validator-1"))
                .hcl();
        const ParsedPolicy policy = ParsedPolicy::parse(hcl);
        QVERIFY(policy.allows(QStringLiteral("signers/secp/sign/validator-1"), QStringLiteral("update")));
        QVERIFY(!policy.allows(QStringLiteral("signers/secp/sign/validator-10"), QStringLiteral("update")));
        QVERIFY(hcl.contains(QStringLiteral("-namespace=team-a")));
        QCOMPARE(AccessPolicy(AccessPolicy::Role::Provision, QStringLiteral("secp256k1"))
                     .addPrefix(QStringLiteral("blob-worker"))
                     .suggestedName(),
                 QStringLiteral("baokeys-provision-blob-worker"));
    }

    // A profile keeps the mount as it was typed; OpenBao's policy paths have
    // no leading slash, so one kept from "/signers/secp/" would match nothing.
    void mountTypedWithSlashes()
    {
        const QString hcl = AccessPolicy(AccessPolicy::Role::Sign, QStringLiteral("/signers/secp/"))
                                .addKey(QStringLiteral("validator-1"))
                                .hcl();
        QVERIFY2(!hcl.contains(QStringLiteral("\"/")), qPrintable(hcl));
        QVERIFY(ParsedPolicy::parse(hcl).allows(QStringLiteral("signers/secp/sign/validator-1"),
                                                QStringLiteral("update")));
    }
};

QTEST_GUILESS_MAIN(TestAccessPolicy)
#include "TestAccessPolicy.moc"
