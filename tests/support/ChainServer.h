#pragma once

// The purpose-built REST chain (tests/chain/server.mjs, Node) as a child
// process, for the CLI's and the desktop app's chain tests: it decodes every
// broadcast TxRaw and verifies its signature on its own (cosmjs-types,
// @noble/secp256k1), keeps accounts and grants, and answers with the SDK's
// codes. Needs BAOKEYS_CHAIN_SERVER and BAOKEYS_CHAIN_NODE_DIR defined.

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>

namespace baokeys::testsupport {

// The chain server as a child process; stops with the object.
class ChainServer {
public:
    static QString nodeModules() { return QStringLiteral(BAOKEYS_CHAIN_NODE_DIR); }
    static QString script() { return QStringLiteral(BAOKEYS_CHAIN_SERVER); }

    // Why the server cannot run here ("" when it can).
    static QString missingDependencies()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty())
            return QStringLiteral("node is not on PATH: ./dev deps installs it");
        if (!QFileInfo::exists(nodeModules() +
                               QStringLiteral("/node_modules/@cosmjs/proto-signing/package.json")) ||
            !QFileInfo::exists(nodeModules() + QStringLiteral("/node_modules/@noble/secp256k1/package.json")))
            return QStringLiteral("the chain server's npm packages are missing in %1: run ./dev test (it "
                                  "installs them), or npm install --prefix %1 @cosmjs/proto-signing@0.33.1 "
                                  "@noble/secp256k1@2.2.3 @noble/hashes@1.8.0")
                .arg(nodeModules());
        return {};
    }

    // `extra`: server options after --chain-id (--account ADDR=COINS ...).
    explicit ChainServer(const QStringList &extra, const QString &chainId = QStringLiteral("baokeys-test"))
    {
        m_process.setProgram(QStringLiteral("node"));
        m_process.setArguments(QStringList{script(), QStringLiteral("--modules"), nodeModules(),
                                           QStringLiteral("--chain-id"), chainId} +
                               extra);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start();
        if (!m_process.waitForStarted(10000) || !m_process.waitForReadyRead(20000)) {
            m_error = QStringLiteral("the chain server did not start: ") +
                      QString::fromUtf8(m_process.readAllStandardError());
            return;
        }
        const QJsonObject first = QJsonDocument::fromJson(m_process.readLine()).object();
        m_port = first.value(QLatin1String("port")).toInt();
        if (m_port <= 0)
            m_error = QStringLiteral("the chain server printed no port: ") +
                      QString::fromUtf8(m_process.readAllStandardError());
    }
    ~ChainServer()
    {
        m_process.closeWriteChannel(); // it exits when stdin ends
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    ChainServer(const ChainServer &) = delete;
    ChainServer &operator=(const ChainServer &) = delete;

    QString error() const { return m_error; }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }

    QJsonObject request(const QByteArray &method, const QString &path)
    {
        QNetworkAccessManager manager;
        QNetworkRequest request(QUrl(url() + path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = manager.sendCustomRequest(request, method, QByteArray("{}"));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(10000);
        const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return json;
    }
    QJsonObject state() { return request("GET", QStringLiteral("/_test/state")); }

private:
    QProcess m_process;
    QString m_error;
    int m_port = 0;
};

} // namespace baokeys::testsupport
