#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QString>

// Test-side HTTP for the signer tests: real requests over loopback, waited
// for synchronously with a local event loop. Not thread-safe (one test thread).
struct HttpResult {
    int status = 0; // 0: transport failure
    QByteArray body;
    QJsonObject json; // parsed body when it is a JSON object
    QByteArray contentType;
    QString transportError;
    QList<QPair<QByteArray, QByteArray>> headers;

    QStringList errors() const;
    QJsonObject data() const { return json.value(QStringLiteral("data")).toObject(); }
};

class SignerHttp {
public:
    SignerHttp(QString baseUrl, QString token);

    // `path` is what follows /v1/ and is sent as given (already encoded).
    HttpResult send(const QByteArray &method, const QString &path, const QByteArray &body = {},
                    const QList<QPair<QByteArray, QByteArray>> &headers = {}, bool withToken = true);
    HttpResult get(const QString &path) { return send("GET", path); }
    HttpResult list(const QString &path) { return send("LIST", path); }
    HttpResult del(const QString &path) { return send("DELETE", path); }
    HttpResult post(const QString &path, const QJsonObject &body);

    void setToken(const QString &token) { m_token = token; }
    QNetworkAccessManager &manager() { return m_manager; }

private:
    QString m_baseUrl;
    QString m_token;
    QNetworkAccessManager m_manager;
};

// One raw HTTP/1.1 exchange on a fresh socket (Connection: close), for
// requests QNetworkAccessManager would rewrite (dot segments, odd methods).
QByteArray rawHttp(quint16 port, const QByteArray &request, int timeoutMs = 5000);
int rawStatus(const QByteArray &response);
QByteArray rawBody(const QByteArray &response);

// What came back on one raw connection before the server closed it (or the
// time ran out): the bytes, whether the server closed, and when.
struct RawReply {
    QByteArray bytes;
    bool closedByServer = false;
    qint64 ms = 0;
};
// Sends `request` as given (no Connection: close is added) and reads until
// the server closes the connection or `timeoutMs` passes.
RawReply rawExchange(quint16 port, const QByteArray &request, int timeoutMs = 5000);
