#include "SignerHttp.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

QStringList HttpResult::errors() const
{
    QStringList out;
    for (const QJsonValue &v : json.value(QStringLiteral("errors")).toArray())
        out << v.toString();
    return out;
}

SignerHttp::SignerHttp(QString baseUrl, QString token)
    : m_baseUrl(std::move(baseUrl)), m_token(std::move(token))
{}

HttpResult SignerHttp::send(const QByteArray &method, const QString &path, const QByteArray &body,
                            const QList<QPair<QByteArray, QByteArray>> &headers, bool withToken)
{
    QNetworkRequest request(
        QUrl::fromEncoded((m_baseUrl + QStringLiteral("/v1/") + path).toUtf8(), QUrl::StrictMode));
    // A standby's 307 is what the tests look at: never followed here.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (withToken)
        request.setRawHeader("X-Vault-Token", m_token.toUtf8());
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = m_manager.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.contentType = reply->rawHeader("Content-Type");
    result.headers = reply->rawHeaderPairs();
    if (reply->error() != QNetworkReply::NoError && result.status == 0)
        result.transportError = reply->errorString();
    const QJsonDocument doc = QJsonDocument::fromJson(result.body);
    if (doc.isObject())
        result.json = doc.object();
    reply->deleteLater();
    return result;
}

HttpResult SignerHttp::post(const QString &path, const QJsonObject &body)
{
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QByteArray rawHttp(quint16 port, const QByteArray &request, int timeoutMs)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(timeoutMs))
        return {};
    socket.write(request);
    socket.waitForBytesWritten(timeoutMs);
    QByteArray response;
    while (socket.waitForReadyRead(timeoutMs))
        response += socket.readAll();
    response += socket.readAll();
    return response;
}

int rawStatus(const QByteArray &response)
{
    // "HTTP/1.1 404 Not Found"
    const QList<QByteArray> parts = response.left(response.indexOf("\r\n")).split(' ');
    return parts.size() >= 2 ? parts.at(1).toInt() : 0;
}

QByteArray rawBody(const QByteArray &response)
{
    const qsizetype end = response.indexOf("\r\n\r\n");
    return end < 0 ? QByteArray() : response.mid(end + 4);
}

RawReply rawExchange(quint16 port, const QByteArray &request, int timeoutMs)
{
    RawReply reply;
    QElapsedTimer t;
    t.start();
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(timeoutMs))
        return reply;
    socket.write(request);
    while (t.elapsed() < timeoutMs && socket.state() == QAbstractSocket::ConnectedState) {
        socket.waitForReadyRead(int(std::max<qint64>(1, timeoutMs - t.elapsed())));
        reply.bytes += socket.readAll();
    }
    reply.bytes += socket.readAll();
    reply.closedByServer = socket.state() != QAbstractSocket::ConnectedState;
    reply.ms = t.elapsed();
    return reply;
}
