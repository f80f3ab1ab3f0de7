// BaoClient against the embedded signer over loopback: every engine call of
// the wire contract, the empty LIST, headers (token, namespace, mount) and the
// typed errors the real server produces (permission denied, sealed, not found,
// already exists, not exportable, bad name).
#include "EmbeddedSigner.h"
#include "LoopbackCertificate.h"
#include "TransportRows.h"

#include "core/bao/BaoClient.h"
#include "core/common/KeyName.h"
#include "core/crypto/CosmosAddress.h"
#include "core/crypto/Hash.h"
#include "core/crypto/Hex.h"
#include "core/crypto/Secp256k1.h"

#include <QTest>

#include <memory>
#include <thread>

using baokeys::bao::BaoClient;
using baokeys::bao::BaoErrorKind;
using baokeys::bao::BaoSettings;
using baokeys::bao::HttpTransportKind;
using baokeys::testsupport::EmbeddedSigner;
namespace transportRows = baokeys::testsupport::transportRows;
namespace crypto = baokeys::crypto;

class TestBaoClient : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<EmbeddedSigner> m_signer;

    // The signer's settings, carried by the transport of the current global row.
    BaoSettings settings() const { return transportRows::withRowTransport(m_signer->settings()); }

private slots:
    void initTestCase_data() { transportRows::add(); }

    void init()
    {
        m_signer = std::make_unique<EmbeddedSigner>();
        QVERIFY(m_signer->start());
    }

    void cleanup() { m_signer.reset(); }

    void emptyListIsNoKeys()
    {
        BaoClient client(settings());
        auto listing = client.listKeys();
        QVERIFY2(listing.hasValue(), listing ? "" : qPrintable(listing.error().describe()));
        QVERIFY(listing->names.isEmpty());
        QVERIFY(listing->info.isEmpty());
    }

    void createReadListDelete()
    {
        BaoClient client(settings());
        auto created = client.createKey(QStringLiteral("alpha"), true);
        QVERIFY2(created.hasValue(), created ? "" : qPrintable(created.error().describe()));
        QCOMPARE(created->name, QStringLiteral("alpha"));
        QCOMPARE(created->publicKey.size(), 33);
        QCOMPARE(created->address, crypto::CosmosAddress::fromPublicKey(created->publicKey));
        QVERIFY(created->exportable);
        QVERIFY(created->createdAt.isValid());

        auto read = client.readKey(QStringLiteral("alpha"));
        QVERIFY(read.hasValue());
        QCOMPARE(read->publicKey, created->publicKey);

        QVERIFY(client.createKey(QStringLiteral("beta"), false).hasValue());
        auto listing = client.listKeys();
        QVERIFY(listing.hasValue());
        QCOMPARE(listing->names, (QStringList{QStringLiteral("alpha"), QStringLiteral("beta")}));
        QCOMPARE(listing->info.size(), 2);

        auto again = client.createKey(QStringLiteral("alpha"), false);
        QVERIFY(!again.hasValue());
        QCOMPARE(again.error().kind, BaoErrorKind::AlreadyExists);
        QCOMPARE(again.error().httpStatus, 400);

        QVERIFY(client.deleteKey(QStringLiteral("alpha")).hasValue());
        auto gone = client.readKey(QStringLiteral("alpha"));
        QVERIFY(!gone.hasValue());
        QCOMPARE(gone.error().kind, BaoErrorKind::NotFound);
    }

    void signVerifiesAgainstTheKey()
    {
        BaoClient client(settings());
        auto key = client.createKey(QStringLiteral("signer"), false);
        QVERIFY(key.hasValue());
        const QByteArray message("hello celestia");
        auto signature = client.sign(QStringLiteral("signer"), message);
        QVERIFY2(signature.hasValue(), signature ? "" : qPrintable(signature.error().describe()));
        QCOMPARE(signature->signature.size(), 64);
        QCOMPARE(signature->publicKey, key->publicKey);
        QVERIFY(crypto::Secp256k1::verifyDigest(key->publicKey, crypto::Hash::sha256(message),
                                                signature->signature));

        const QByteArray digest = crypto::Hash::sha256("prehashed");
        baokeys::bao::SignOptions options;
        options.prehashed = true;
        auto prehashed = client.sign(QStringLiteral("signer"), digest, options);
        QVERIFY(prehashed.hasValue());
        QVERIFY(crypto::Secp256k1::verifyDigest(key->publicKey, digest, prehashed->signature));

        auto missing = client.sign(QStringLiteral("nobody"), message);
        QVERIFY(!missing.hasValue());
        QCOMPARE(missing.error().kind, BaoErrorKind::NotFound);
    }

    void importAndExportKnownKey()
    {
        BaoClient client(settings());
        auto secret =
            crypto::Hex::decodeSecret(u"9ec50871a46cc259640e3a842ba545d63f17d0f884a865221731e51464c3c90c");
        QVERIFY(secret.hasValue());
        auto imported = client.importKey(QStringLiteral("vector"), *secret, true);
        QVERIFY2(imported.hasValue(), imported ? "" : qPrintable(imported.error().describe()));
        QCOMPARE(crypto::Hex::encode(imported->publicKey),
                 QStringLiteral("02ac301ef3117116e34df184f20290db6f85a5e13042092c2a36d640242ac02948"));
        QVERIFY(imported->imported);

        auto exported = client.exportKey(QStringLiteral("vector"));
        QVERIFY2(exported.hasValue(), exported ? "" : qPrintable(exported.error().describe()));
        QVERIFY(exported->privateKey.equals(*secret));

        QVERIFY(client.createKey(QStringLiteral("locked"), false).hasValue());
        auto refused = client.exportKey(QStringLiteral("locked"));
        QVERIFY(!refused.hasValue());
        QCOMPARE(refused.error().kind, BaoErrorKind::NotExportable);
    }

    void badNamesNeverReachTheServer()
    {
        BaoClient client(settings());
        const quint64 before = m_signer->server().engineRequestCount();
        for (const QString &name : {QString(), QStringLiteral("a/b"), QStringLiteral("-x"),
                                    QStringLiteral("x."), QStringLiteral("sp ace"), QStringLiteral("..")}) {
            auto result = client.createKey(name, false);
            QVERIFY(!result.hasValue());
            QCOMPARE(result.error().kind, BaoErrorKind::InvalidName);
        }
        QCOMPARE(m_signer->server().engineRequestCount(), before);
        QVERIFY(baokeys::KeyName::isValid(u"blob-worker-1"));
        QVERIFY(baokeys::KeyName::isValid(u"a"));
        QVERIFY(baokeys::KeyName::isValid(u"a.b_c-d"));
    }

    void wrongTokenIsPermissionDenied()
    {
        BaoSettings wrong = settings();
        wrong.token = QStringLiteral("not-the-token");
        BaoClient client(wrong);
        auto listing = client.listKeys();
        QVERIFY(!listing.hasValue());
        QCOMPARE(listing.error().kind, BaoErrorKind::PermissionDenied);
        QCOMPARE(listing.error().httpStatus, 403);
        QVERIFY(!listing.error().describe().contains(wrong.token));
        // The server's "permission denied" is the kind again: said once.
        const QString described = listing.error().describe();
        QCOMPARE(described.count(QStringLiteral("permission denied"), Qt::CaseInsensitive), 1);
        QVERIFY2(described.contains(QLatin1String("HTTP 403")), qPrintable(described));
    }

    void describeSaysEachPhraseOnce()
    {
        const auto described = [](BaoErrorKind kind, int status, const QString &message) {
            return baokeys::bao::BaoError{kind, message, status, {}}.describe();
        };
        QCOMPARE(described(BaoErrorKind::PermissionDenied, 403, QStringLiteral("permission denied")),
                 QStringLiteral("permission denied (HTTP 403)"));
        QCOMPARE(described(BaoErrorKind::PermissionDenied, 403,
                           QStringLiteral("Permission denied: token expired")),
                 QStringLiteral("permission denied (HTTP 403): token expired"));
        QCOMPARE(described(BaoErrorKind::NotFound, 404, QStringLiteral("not found")),
                 QStringLiteral("not found (HTTP 404)"));
        // A message that merely begins with the same letters is kept whole.
        QCOMPARE(described(BaoErrorKind::Timeout, 0, QStringLiteral("timeouts exceeded")),
                 QStringLiteral("timeout: timeouts exceeded"));
        QCOMPARE(described(BaoErrorKind::Sealed, 503, QStringLiteral("Vault is sealed")),
                 QStringLiteral("sealed (HTTP 503): Vault is sealed"));
    }

    void unknownNamespaceOrMountIsNotFound()
    {
        BaoSettings other = settings();
        other.ns = QStringLiteral("team-a");
        auto listing = BaoClient(other).listKeys();
        QVERIFY(!listing.hasValue());
        QCOMPARE(listing.error().kind, BaoErrorKind::NotFound);

        BaoSettings mount = settings();
        mount.mount = QStringLiteral("not-mounted");
        auto missing = BaoClient(mount).listKeys();
        QVERIFY(!missing.hasValue()); // a missing mount is an error, not an empty list
        QCOMPARE(missing.error().kind, BaoErrorKind::NotFound);
    }

    void sealedServer()
    {
        BaoClient client(settings());
        m_signer->server().seal();
        auto listing = client.listKeys();
        QVERIFY(!listing.hasValue());
        QCOMPARE(listing.error().kind, BaoErrorKind::Sealed);
        auto health = client.health();
        QVERIFY(health.hasValue());
        QVERIFY(health->sealed);
        QCOMPARE(health->httpStatus, 503);
        const auto status = client.status();
        QVERIFY(!status.ok());
        QCOMPARE(status.error->kind, BaoErrorKind::Sealed);
    }

    void statusShowsHealthAndToken()
    {
        BaoClient client(settings());
        const auto status = client.status();
        QVERIFY2(status.ok(), status.ok() ? "" : qPrintable(status.error->describe()));
        QVERIFY(status.health.has_value());
        QVERIFY(!status.health->sealed);
        QVERIFY(!status.health->version.isEmpty());
        QVERIFY(status.token.has_value());
        QVERIFY(status.token->policies.contains(QStringLiteral("root")));
    }

    void connectionRefusedIsTransport()
    {
        BaoSettings closed = settings();
        const quint16 port = m_signer->server().port();
        m_signer.reset();
        closed.address = QStringLiteral("http://127.0.0.1:%1").arg(port);
        auto listing = BaoClient(closed).listKeys();
        QVERIFY(!listing.hasValue());
        QCOMPARE(listing.error().kind, BaoErrorKind::Transport);
        QVERIFY(listing.error().isTransient());
    }

    // HTTPS against the signer serving a self-signed certificate for
    // 127.0.0.1: trusted through the CA file; refused with the system CAs
    // alone and under a name the certificate does not carry; accepted
    // unverified only when the settings ask for it.
    void httpsChecksTheServersCertificate()
    {
        baokeys::testsupport::LoopbackCertificate certificate;
        QVERIFY2(certificate.create(), qPrintable(certificate.error()));
        const QString cert = certificate.certificateFile();
        const QString key = certificate.keyFile();

        baokeys::signer::SignerOptions options;
        options.tlsCertFile = cert;
        options.tlsKeyFile = key;
        baokeys::signer::SignerServer server(options);
        auto started = server.start();
        QVERIFY2(started.hasValue(), started ? "" : qPrintable(started.error().message));
        BaoSettings https = settings();
        https.address = server.address();
        https.token = server.rootToken();
        QVERIFY(https.address.startsWith(QLatin1String("https://127.0.0.1:")));

        BaoSettings trusted = https;
        trusted.caCertFile = cert;
        auto listing = BaoClient(trusted).listKeys();
        QVERIFY2(listing.hasValue(), listing ? "" : qPrintable(listing.error().describe()));

        auto untrusted = BaoClient(https).listKeys();
        QVERIFY(!untrusted.hasValue());
        QCOMPARE(untrusted.error().kind, BaoErrorKind::Transport);
        QVERIFY2(untrusted.error().message.contains(QLatin1String("self-signed")),
                 qPrintable(untrusted.error().message));
        // A create refused at the handshake never left: an error of the
        // transport, not an outcome unknown (which QtNetwork reported, leaving
        // a journal entry for a key that could not exist).
        auto refusedCreate = BaoClient(https).createKey(QStringLiteral("never"), false);
        QVERIFY(!refusedCreate.hasValue());
        QVERIFY2(refusedCreate.error().kind == BaoErrorKind::Transport,
                 qPrintable(refusedCreate.error().describe()));

        BaoSettings otherName = trusted;
        otherName.address.replace(QStringLiteral("127.0.0.1"), QStringLiteral("localhost"));
        auto wrongName = BaoClient(otherName).listKeys();
        QVERIFY(!wrongName.hasValue());
        QCOMPARE(wrongName.error().kind, BaoErrorKind::Transport);
        QVERIFY2(wrongName.error().message.contains(QLatin1String("host"), Qt::CaseInsensitive),
                 qPrintable(wrongName.error().message)); // the name check, not a refused connection

        BaoSettings unverified = https;
        unverified.tlsSkipVerify = true;
        auto skipped = BaoClient(unverified).listKeys();
        QVERIFY2(skipped.hasValue(), skipped ? "" : qPrintable(skipped.error().describe()));
    }

    void clientOnAnotherThread()
    {
        // A client belongs to the thread that uses it; any thread works, even
        // one Qt did not start. The settings are copied before the thread
        // starts and the verdict comes back through its join, so the hand-off
        // is one ThreadSanitizer can follow.
        QVERIFY(BaoClient(settings()).createKey(QStringLiteral("t"), false).hasValue());
        bool ok = false;
        std::thread thread([&ok, settings = settings()] {
            BaoClient client(settings);
            ok = client.sign(QStringLiteral("t"), "x").hasValue();
        });
        thread.join();
        QVERIFY(ok);
    }
};

QTEST_GUILESS_MAIN(TestBaoClient)
#include "TestBaoClient.moc"
