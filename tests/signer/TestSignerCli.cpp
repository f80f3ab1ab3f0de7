// The baokeys-signer executable as an operator runs it: dev mode banner,
// flags for faults and sealing, persistent mode, TLS, refusal of plain HTTP
// on a public address, and a clean exit on SIGINT/SIGTERM.
#include "LoopbackCertificate.h"
#include "SignerHttp.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

namespace {

const QString Binary = QStringLiteral(BAOKEYS_BIN_DIR "/baokeys-signer");

// One running baokeys-signer, its banner parsed.
class SignerProcess {
public:
    ~SignerProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    // Waits for the banner (ends with the Sealed: line) or for the exit.
    bool start(const QStringList &arguments,
               const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
    {
        m_process.setProcessEnvironment(environment);
        m_process.start(Binary, arguments);
        if (!m_process.waitForStarted(10000))
            return false;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 20000 && !m_stdout.contains("Sealed:")) {
            if (m_process.state() == QProcess::NotRunning)
                break;
            m_process.waitForReadyRead(200);
            m_stdout += m_process.readAllStandardOutput();
        }
        m_stdout += m_process.readAllStandardOutput();
        const QString text = QString::fromUtf8(m_stdout);
        address = QRegularExpression(QStringLiteral("Api Address: (\\S+)")).match(text).captured(1);
        token = QRegularExpression(QStringLiteral("Root Token:\\s+(\\S+)")).match(text).captured(1);
        unsealKey = QRegularExpression(QStringLiteral("Unseal Key:\\s+(\\S+)")).match(text).captured(1);
        return m_stdout.contains("Sealed:");
    }

    // Exit code after the process ended on its own (or -1).
    int waitForExit(int ms = 20000)
    {
        m_process.waitForFinished(ms);
        m_stdout += m_process.readAllStandardOutput();
        m_stderr += m_process.readAllStandardError();
        if (m_process.state() != QProcess::NotRunning || m_process.exitStatus() != QProcess::NormalExit)
            return -1;
        return m_process.exitCode();
    }

    void signal(int number) { ::kill(pid_t(m_process.processId()), number); }
    qint64 pid() const { return m_process.processId(); }
    QByteArray stdoutText() const { return m_stdout; }
    QByteArray stderrText() const { return m_stderr; }

    QString address;
    QString token;
    QString unsealKey;

private:
    QProcess m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
};

} // namespace

class TestSignerCli : public QObject {
    Q_OBJECT

private slots:
    void devModeBannerAndSigterm()
    {
        SignerProcess signer;
        QVERIFY2(signer.start(
                     {QStringLiteral("--dev"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")}),
                 signer.stdoutText().constData());
        QVERIFY(signer.address.startsWith(QLatin1String("http://127.0.0.1:")));
        QVERIFY(!signer.address.endsWith(QLatin1String(":0")));
        QVERIFY(signer.token.startsWith(QLatin1String("s.")));
        QCOMPARE(QByteArray::fromBase64(signer.unsealKey.toLatin1()).size(), 32);

        SignerHttp http(signer.address, signer.token);
        QCOMPARE(http.post(QStringLiteral("secp256k1/keys/cli-key"), {}).status, 200);
        QCOMPARE(http.list(QStringLiteral("secp256k1/keys")).status, 200);

        signer.signal(SIGTERM);
        QCOMPARE(signer.waitForExit(), 0);
        QVERIFY(signer.stdoutText().contains("shutting down"));
        // The port is free again.
        QCOMPARE(http.get(QStringLiteral("sys/health")).status, 0);
    }

    void rootTokenMountAndSigint()
    {
        SignerProcess signer;
        QVERIFY(signer.start({QStringLiteral("--dev"), QStringLiteral("--dev-root-token-id"),
                              QStringLiteral("my-root"), QStringLiteral("--mount"), QStringLiteral("signer"),
                              QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")}));
        QCOMPARE(signer.token, QStringLiteral("my-root"));
        SignerHttp http(signer.address, QStringLiteral("my-root"));
        QCOMPARE(http.post(QStringLiteral("signer/keys/k"), {}).status, 200);
        QCOMPARE(http.get(QStringLiteral("secp256k1/keys/k")).status, 404);
        signer.signal(SIGINT);
        QCOMPARE(signer.waitForExit(), 0);
    }

    void faultFlags()
    {
        SignerProcess signer;
        QVERIFY(signer.start(
            {QStringLiteral("--dev"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
             QStringLiteral("--latency"), QStringLiteral("300ms"), QStringLiteral("--latency-key"),
             QStringLiteral("quick=0ms"), QStringLiteral("--latency-key"), QStringLiteral("flaky=10ms")}));
        SignerHttp http(signer.address, signer.token);
        QElapsedTimer t;
        t.start();
        QCOMPARE(http.post(QStringLiteral("secp256k1/keys/slow"), {}).status, 200);
        QVERIFY2(t.elapsed() >= 290, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(http.post(QStringLiteral("secp256k1/keys/quick"), {}).status, 200);
        t.restart();
        QCOMPARE(http.post(QStringLiteral("secp256k1/sign/quick"),
                           {{QStringLiteral("input"), QStringLiteral("aGk=")}})
                     .status,
                 200);
        QVERIFY2(t.elapsed() < 250, qPrintable(QString::number(t.elapsed())));
        signer.signal(SIGTERM);
        QCOMPARE(signer.waitForExit(), 0);

        SignerProcess failing;
        QVERIFY(
            failing.start({QStringLiteral("--dev"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                           QStringLiteral("--fail-rate"), QStringLiteral("1")}));
        SignerHttp failHttp(failing.address, failing.token);
        QCOMPARE(failHttp.post(QStringLiteral("secp256k1/keys/k"), {}).status, 500);
        QCOMPARE(failHttp.get(QStringLiteral("sys/health")).status, 200);
    }

    void startSealedThenUnsealWithPrintedKey()
    {
        SignerProcess signer;
        QVERIFY(signer.start({QStringLiteral("--dev"), QStringLiteral("--listen"),
                              QStringLiteral("127.0.0.1:0"), QStringLiteral("--start-sealed")}));
        QVERIFY(signer.stdoutText().contains("Sealed:      yes"));
        SignerHttp http(signer.address, signer.token);
        QCOMPARE(http.get(QStringLiteral("auth/token/lookup-self")).status, 503);
        const QByteArray body =
            QJsonDocument(QJsonObject{{QStringLiteral("key"), signer.unsealKey}}).toJson();
        QCOMPARE(http.send("PUT", QStringLiteral("sys/unseal"), body, {}, false).status, 200);
        QCOMPARE(http.get(QStringLiteral("auth/token/lookup-self")).status, 200);
    }

    void badArgumentsAreRefused_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no mode") << QStringList{} << QStringLiteral("--dev");
        QTest::newRow("bad latency") << QStringList{QStringLiteral("--dev"), QStringLiteral("--latency"),
                                                    QStringLiteral("soon")}
                                     << QStringLiteral("--latency");
        QTest::newRow("bad fail rate")
            << QStringList{QStringLiteral("--dev"), QStringLiteral("--fail-rate"), QStringLiteral("2")}
            << QStringLiteral("--fail-rate");
        QTest::newRow("bad latency key")
            << QStringList{QStringLiteral("--dev"), QStringLiteral("--latency-key"), QStringLiteral("a/b=1s")}
            << QStringLiteral("--latency-key");
        QTest::newRow("dev and data dir")
            << QStringList{QStringLiteral("--dev"), QStringLiteral("--data-dir"), QStringLiteral("/tmp/x")}
            << QStringLiteral("--data-dir");
        QTest::newRow("bad listen") << QStringList{QStringLiteral("--dev"), QStringLiteral("--listen"),
                                                   QStringLiteral("nohostport")}
                                    << QStringLiteral("--listen");
    }

    void badArgumentsAreRefused()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        SignerProcess signer;
        QVERIFY(!signer.start(arguments));
        QCOMPARE(signer.waitForExit(), 2);
        QVERIFY2(signer.stderrText().contains(message.toUtf8()), signer.stderrText().constData());
    }

    void publicAddressNeedsTlsOrOptIn()
    {
        SignerProcess refused;
        QVERIFY(!refused.start(
            {QStringLiteral("--dev"), QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0")}));
        QCOMPARE(refused.waitForExit(), 1);
        QVERIFY(refused.stderrText().contains("--insecure-listen"));

        SignerProcess allowed;
        QVERIFY(allowed.start({QStringLiteral("--dev"), QStringLiteral("--listen"),
                               QStringLiteral("0.0.0.0:0"), QStringLiteral("--insecure-listen")}));
    }

    void tlsServesHttpsAndIsVerified()
    {
        baokeys::testsupport::LoopbackCertificate certificate;
        QVERIFY2(certificate.create(), qPrintable(certificate.error()));
        const QString cert = certificate.certificateFile();
        const QString key = certificate.keyFile();

        SignerProcess signer;
        QVERIFY(
            signer.start({QStringLiteral("--dev"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                          QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key}));
        QVERIFY(signer.address.startsWith(QLatin1String("https://127.0.0.1:")));

        auto get = [&](bool trust) {
            QNetworkAccessManager manager; // fresh: no reused connection or TLS session
            QNetworkRequest request(QUrl(signer.address + QStringLiteral("/v1/auth/token/lookup-self")));
            request.setRawHeader("X-Vault-Token", signer.token.toUtf8());
            QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
            if (trust)
                ssl.setCaCertificates(QSslCertificate::fromPath(cert));
            request.setSslConfiguration(ssl);
            QNetworkReply *reply = manager.get(request);
            QSignalSpy finished(reply, &QNetworkReply::finished);
            finished.wait(10000);
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const auto error = reply->error();
            reply->deleteLater();
            return qMakePair(status, error);
        };
        const auto trusted = get(true);
        QCOMPARE(trusted.first, 200);
        // Verification is on: an unknown self-signed certificate is refused.
        const auto untrusted = get(false);
        QCOMPARE(untrusted.first, 0);
        QCOMPARE(untrusted.second, QNetworkReply::SslHandshakeFailedError);

        // And TLS makes a public address acceptable.
        SignerProcess publicTls;
        QVERIFY(
            publicTls.start({QStringLiteral("--dev"), QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0"),
                             QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key}));

        SignerProcess badKey;
        QVERIFY(!badKey.start({QStringLiteral("--dev"), QStringLiteral("--listen"),
                               QStringLiteral("127.0.0.1:0"), QStringLiteral("--tls-cert"), cert,
                               QStringLiteral("--tls-key"), cert + QStringLiteral(".missing")}));
        QCOMPARE(badKey.waitForExit(), 1);
        QVERIFY(badKey.stderrText().contains(".missing"));
    }

    void persistentModeAcrossRestartsAndWrongPassphrase()
    {
        QTemporaryDir tmp;
        const QString data = tmp.filePath(QStringLiteral("data"));
        const QString passFile = tmp.filePath(QStringLiteral("pass"));
        QFile pass(passFile);
        QVERIFY(pass.open(QIODevice::WriteOnly));
        pass.write("s3cret passphrase\n");
        pass.close();
        const QStringList args{QStringLiteral("--data-dir"),
                               data,
                               QStringLiteral("--passphrase-file"),
                               passFile,
                               QStringLiteral("--listen"),
                               QStringLiteral("127.0.0.1:0"),
                               QStringLiteral("--dev-root-token-id"),
                               QStringLiteral("tok")};
        QString publicKey;
        {
            SignerProcess signer;
            QVERIFY(signer.start(args));
            SignerHttp http(signer.address, QStringLiteral("tok"));
            const HttpResult created = http.post(QStringLiteral("secp256k1/keys/kept"), {});
            QCOMPARE(created.status, 200);
            publicKey = created.data().value(QStringLiteral("public_key")).toString();
            signer.signal(SIGTERM);
            QCOMPARE(signer.waitForExit(), 0);
        }
        {
            // The same passphrase from the environment (the trailing newline in the file is not part of it).
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("BAOKEYS_SIGNER_PASSPHRASE"), QStringLiteral("s3cret passphrase"));
            SignerProcess signer;
            QVERIFY(signer.start({QStringLiteral("--data-dir"), data, QStringLiteral("--listen"),
                                  QStringLiteral("127.0.0.1:0"), QStringLiteral("--dev-root-token-id"),
                                  QStringLiteral("tok")},
                                 env));
            SignerHttp http(signer.address, QStringLiteral("tok"));
            QCOMPARE(http.get(QStringLiteral("secp256k1/keys/kept"))
                         .data()
                         .value(QStringLiteral("public_key"))
                         .toString(),
                     publicKey);
        }
        QProcessEnvironment wrong = QProcessEnvironment::systemEnvironment();
        wrong.insert(QStringLiteral("BAOKEYS_SIGNER_PASSPHRASE"), QStringLiteral("not it"));
        SignerProcess refused;
        QVERIFY(!refused.start(
            {QStringLiteral("--data-dir"), data, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")},
            wrong));
        QCOMPARE(refused.waitForExit(), 1);
        QVERIFY2(refused.stderrText().contains("vault.json"), refused.stderrText().constData());
        QVERIFY(refused.stderrText().contains("wrong passphrase"));
    }

    // Two signers on one folder would each hand out keys the other then
    // overwrites on disk: the second one must refuse to start, naming the first.
    void secondSignerOnOneDataDirIsRefused()
    {
        QTemporaryDir tmp;
        const QString data = tmp.filePath(QStringLiteral("data"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BAOKEYS_SIGNER_PASSPHRASE"), QStringLiteral("one folder"));
        const QStringList args{QStringLiteral("--data-dir"),
                               data,
                               QStringLiteral("--listen"),
                               QStringLiteral("127.0.0.1:0"),
                               QStringLiteral("--dev-root-token-id"),
                               QStringLiteral("tok")};
        SignerProcess first;
        QVERIFY2(first.start(args, env), first.stdoutText().constData());
        SignerHttp http(first.address, QStringLiteral("tok"));
        const HttpResult created = http.post(QStringLiteral("secp256k1/keys/acked"), {});
        QCOMPARE(created.status, 200);

        SignerProcess second;
        QVERIFY2(!second.start(args, env), second.stdoutText().constData());
        QCOMPARE(second.waitForExit(), 1);
        QVERIFY2(second.stderrText().contains("in use by another signer"), second.stderrText().constData());
        QVERIFY2(second.stderrText().contains("pid " + QByteArray::number(first.pid())),
                 second.stderrText().constData());

        // The key acknowledged by the first signer is still the one it serves.
        QCOMPARE(http.get(QStringLiteral("secp256k1/keys/acked")).data().value(QStringLiteral("public_key")),
                 created.data().value(QStringLiteral("public_key")));

        // Once the first one has exited, the folder can be opened again.
        first.signal(SIGTERM);
        QCOMPARE(first.waitForExit(), 0);
        SignerProcess third;
        QVERIFY2(third.start(args, env), third.stderrText().constData());
        SignerHttp again(third.address, QStringLiteral("tok"));
        QCOMPARE(again.get(QStringLiteral("secp256k1/keys/acked")).data().value(QStringLiteral("public_key")),
                 created.data().value(QStringLiteral("public_key")));
    }
};

QTEST_GUILESS_MAIN(TestSignerCli)
#include "TestSignerCli.moc"
