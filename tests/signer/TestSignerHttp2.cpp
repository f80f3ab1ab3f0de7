// The signer's HTTP/2 front, as OpenBao (a Go server) offers it over TLS:
// Qt's own HTTP/2 client sends every request over one connection, delayed
// answers do not hold the others back, LIST and HEAD keep their meaning,
// the limits of the HTTP/1.1 front hold per stream, and a client that
// offers only HTTP/1.1 still gets it.
#include "LoopbackCertificate.h"
#include "core/signer/SignerServer.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTest>
#include <QTimer>
#include <memory>
#include <vector>

using baokeys::signer::FaultSettings;
using baokeys::signer::SignerOptions;
using baokeys::signer::SignerServer;
using namespace std::chrono_literals;

namespace {

struct Answer {
    int status = 0;
    QByteArray body;
    bool overHttp2 = false;
    QString error;
    QJsonObject data() const
    {
        return QJsonDocument::fromJson(body).object().value(QStringLiteral("data")).toObject();
    }
};

class Http2Client {
public:
    Http2Client(QString address, QString token, const QString &caFile)
        : m_address(std::move(address)), m_token(std::move(token))
    {
        m_tls = QSslConfiguration::defaultConfiguration();
        m_tls.setCaCertificates(QSslCertificate::fromPath(caFile));
    }

    QNetworkReply *start(const QByteArray &method, const QString &path, const QByteArray &body = {},
                         bool withToken = true, bool allowHttp2 = true)
    {
        QNetworkRequest request(QUrl(m_address + QStringLiteral("/v1/") + path));
        request.setSslConfiguration(m_tls);
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, allowHttp2);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (withToken)
            request.setRawHeader("X-Vault-Token", m_token.toUtf8());
        return m_manager.sendCustomRequest(request, method, body);
    }

    // Waits for every reply (at most `timeoutMs` in all) and reads them.
    static std::vector<Answer> finish(const std::vector<QNetworkReply *> &replies, int timeoutMs = 20000)
    {
        QEventLoop loop;
        int left = int(replies.size());
        for (QNetworkReply *reply : replies)
            QObject::connect(reply, &QNetworkReply::finished, &loop, [&] {
                if (--left == 0)
                    loop.quit();
            });
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        if (left > 0)
            loop.exec();
        std::vector<Answer> answers;
        for (QNetworkReply *reply : replies) {
            Answer answer;
            answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            answer.body = reply->readAll();
            answer.overHttp2 = reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool();
            if (reply->error() != QNetworkReply::NoError && answer.status == 0)
                answer.error = reply->errorString();
            reply->abort();
            reply->deleteLater();
            answers.push_back(std::move(answer));
        }
        return answers;
    }

    Answer send(const QByteArray &method, const QString &path, const QByteArray &body = {},
                bool withToken = true, bool allowHttp2 = true)
    {
        return finish({start(method, path, body, withToken, allowHttp2)}).front();
    }

private:
    QString m_address;
    QString m_token;
    QSslConfiguration m_tls;
    QNetworkAccessManager m_manager;
};

QByteArray signBody()
{
    return QJsonDocument(QJsonObject{{QStringLiteral("input"), QStringLiteral("aGVsbG8=")}}).toJson();
}

} // namespace

class TestSignerHttp2 : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(m_certificate.create(), qPrintable(m_certificate.error()));
        SignerOptions options;
        options.tlsCertFile = m_certificate.certificateFile();
        options.tlsKeyFile = m_certificate.keyFile();
        m_server = std::make_unique<SignerServer>(options);
        auto started = m_server->start();
        QVERIFY2(started.hasValue(), started ? "" : qPrintable(started.error().message));
        m_client = std::make_unique<Http2Client>(m_server->address(), m_server->rootToken(),
                                                 m_certificate.certificateFile());
        for (int i = 0; i < Keys; ++i) {
            const Answer created =
                m_client->send("POST", QStringLiteral("secp256k1/keys/h2-%1").arg(i), "{}");
            QVERIFY2(created.status == 200, created.body.constData());
            QVERIFY2(created.overHttp2, "the server chose HTTP/1.1 for a client that offered HTTP/2");
        }
    }

    void cleanup() { m_server->setFaults(FaultSettings{}); }

    // Qt sends up to 100 requests at once on its one HTTP/2 connection: with
    // 200 ms of latency on each, 60 signs come back in about 200 ms only if
    // a delayed stream holds back neither the connection nor the others
    // (one after another they would take 12 s).
    void delayedAnswersOnOneConnectionDoNotWaitForEachOther()
    {
        FaultSettings faults;
        faults.latency = 200ms;
        m_server->setFaults(faults);
        constexpr int Signs = 60;
        QElapsedTimer timer;
        timer.start();
        std::vector<QNetworkReply *> replies;
        for (int i = 0; i < Signs; ++i)
            replies.push_back(
                m_client->start("POST", QStringLiteral("secp256k1/sign/h2-%1").arg(i % Keys), signBody()));
        const auto answers = Http2Client::finish(replies);
        const qint64 elapsed = timer.elapsed();
        for (const Answer &answer : answers) {
            QCOMPARE(answer.status, 200);
            QVERIFY(answer.overHttp2);
            const QByteArray signature = QByteArray::fromBase64(
                answer.data().value(QStringLiteral("signature")).toString().toLatin1());
            QVERIFY2(signature.size() == 64, answer.body.constData());
        }
        QVERIFY2(elapsed < 1500, qPrintable(QStringLiteral("%1 ms").arg(elapsed)));
    }

    // OpenBao's LIST verb, a HEAD (headers only), the router's errors and an
    // empty 204 all mean what they mean on HTTP/1.1.
    void methodsAndErrorsKeepTheirMeaning()
    {
        const Answer listed = m_client->send("LIST", QStringLiteral("secp256k1/keys"));
        QCOMPARE(listed.status, 200);
        QVERIFY(listed.overHttp2);
        QCOMPARE(listed.data().value(QStringLiteral("keys")).toArray().size(), Keys);

        const Answer head = m_client->send("HEAD", QStringLiteral("sys/health"));
        QCOMPARE(head.status, 200);
        QVERIFY(head.body.isEmpty());

        // The router's refusals: the same status and body as over HTTP/1.1.
        const QList<QPair<QString, bool>> refusals{{QStringLiteral("secp256k1/keys/no-such-key"), true},
                                                   {QStringLiteral("secp256k1/keys/h2-0"), false},
                                                   {QStringLiteral("no-such-mount/keys"), true}};
        for (const auto &[path, withToken] : refusals) {
            const Answer overHttp2 = m_client->send("GET", path, {}, withToken);
            const Answer overHttp11 = m_client->send("GET", path, {}, withToken, false);
            QVERIFY(overHttp2.overHttp2 && !overHttp11.overHttp2);
            QVERIFY2(overHttp2.status >= 400, qPrintable(path));
            QCOMPARE(overHttp2.status, overHttp11.status);
            QCOMPARE(overHttp2.body, overHttp11.body);
        }

        const Answer created = m_client->send("POST", QStringLiteral("secp256k1/keys/h2-gone"), "{}");
        QCOMPARE(created.status, 200);
        const Answer deleted = m_client->send("DELETE", QStringLiteral("secp256k1/keys/h2-gone"));
        QCOMPARE(deleted.status, 204);
        QVERIFY(deleted.body.isEmpty());
    }

    // The HTTP/1.1 front's limits hold per stream: a body without a token is
    // refused from its headers, a body over the limit gets 413, and the
    // connection goes on serving the next request.
    void bodiesAreScreenedPerStream()
    {
        const QByteArray large(4 << 20, 'x');
        const Answer unauthenticated =
            m_client->send("POST", QStringLiteral("secp256k1/keys/h2-anon"), large, false);
        QCOMPARE(unauthenticated.status, 403);
        QVERIFY(unauthenticated.overHttp2);

        const QByteArray tooLarge(33 << 20, 'x');
        const Answer refused = m_client->send("POST", QStringLiteral("secp256k1/keys/h2-big"), tooLarge);
        QCOMPARE(refused.status, 413);

        const Answer after = m_client->send("LIST", QStringLiteral("secp256k1/keys"));
        QCOMPARE(after.status, 200);
        QVERIFY(after.overHttp2);
    }

    // A client that offers only HTTP/1.1 (ALPN) is served as before.
    void aClientWithoutHttp2GetsHttp11()
    {
        const Answer listed = m_client->send("LIST", QStringLiteral("secp256k1/keys"), {}, true, false);
        QCOMPARE(listed.status, 200);
        QVERIFY(!listed.overHttp2);
    }

private:
    static constexpr int Keys = 8;
    baokeys::testsupport::LoopbackCertificate m_certificate;
    std::unique_ptr<SignerServer> m_server;
    std::unique_ptr<Http2Client> m_client;
};

QTEST_GUILESS_MAIN(TestSignerHttp2)
#include "TestSignerHttp2.moc"
