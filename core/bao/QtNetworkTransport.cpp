#include "core/bao/QtNetworkTransport.h"

#include "core/bao/CancelToken.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>

#include <atomic>
#include <cstring>
#include <memory>

namespace baokeys::bao {

namespace {

// The body of a call that must not be sent twice. QNetworkAccessManager sends
// a request again, on its own, when the connection closes before an answer
// (even a new connection, even a POST). It can do so only by rewinding the
// body; a body it may neither buffer nor rewind makes that a
// ContentResendError instead, which the transport reports as outcome unknown.
class OneShotBody : public QIODevice {
public:
    explicit OneShotBody(QByteArray bytes) : m_bytes(std::move(bytes)) { open(QIODevice::ReadOnly); }
    ~OneShotBody() override { m_bytes.fill('\0'); }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_bytes.size() - m_read + QIODevice::bytesAvailable(); }
    bool reset() override { return false; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 count = qMin(maxSize, m_bytes.size() - m_read);
        std::memcpy(data, m_bytes.constData() + m_read, size_t(count));
        m_read += count;
        return count;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_bytes;
    qint64 m_read = 0;
};

} // namespace

QtNetworkTransport::QtNetworkTransport(const BaoSettings &settings)
    : m_timeout(settings.timeout), m_tls(QSslConfiguration::defaultConfiguration())
{
    if (!settings.caCertFile.isEmpty()) {
        const QList<QSslCertificate> cas = QSslCertificate::fromPath(settings.caCertFile, QSsl::Pem);
        if (cas.isEmpty())
            m_tlsError = unusableCaFile(settings.caCertFile);
        else
            m_tls.setCaCertificates(cas);
    }
    if (settings.tlsSkipVerify)
        m_tls.setPeerVerifyMode(QSslSocket::VerifyNone);
}

QtNetworkTransport::~QtNetworkTransport() = default;

HttpAnswer QtNetworkTransport::exchange(HttpCall &call, CancelToken *cancel)
{
    HttpAnswer answer;
    const bool secure = call.url.scheme() == QLatin1String("https");
    if (secure && m_tlsError) {
        answer.transportError = m_tlsError;
        return answer;
    }
    if (!m_network) {
        m_network = std::make_unique<QNetworkAccessManager>();
        m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    }

    QNetworkRequest request(call.url);
    request.setTransferTimeout(int(m_timeout.count()));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &[name, value] : std::as_const(call.headers))
        request.setRawHeader(name, value);
    if (secure)
        request.setSslConfiguration(m_tls);

    QNetworkReply *reply = nullptr;
    std::unique_ptr<OneShotBody> oneShot;
    if (!call.repeatable) {
        oneShot = std::make_unique<OneShotBody>(call.body);
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        request.setHeader(QNetworkRequest::ContentLengthHeader, call.body.size());
        reply = m_network->sendCustomRequest(request, call.method, oneShot.get());
    } else if (call.method == "GET")
        reply = m_network->get(request);
    else if (call.method == "DELETE")
        reply = m_network->deleteResource(request);
    else if (call.method == "POST")
        reply = m_network->post(request, call.body);
    else if (call.method == "PUT")
        reply = m_network->put(request, call.body);
    else
        reply = m_network->sendCustomRequest(request, call.method, call.body); // LIST
    // The manager keeps its own copy until the request is sent.
    call.body.fill('\0');

    std::atomic<bool> cancelled{false};
    CancelToken::SubscriptionId subscription = 0;
    if (cancel) {
        // Runs on the cancelling thread: only post the abort to the reply's thread.
        subscription = cancel->subscribe([reply, &cancelled] {
            cancelled.store(true);
            QMetaObject::invokeMethod(reply, &QNetworkReply::abort, Qt::QueuedConnection);
        });
    }
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    if (cancel)
        cancel->unsubscribe(subscription); // no callback can touch `reply` after this

    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const auto error = reply->error();
    const bool timeout =
        error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError;
    if (cancelled.load()) {
        answer.transportError = aborted();
    } else if (!status.isValid()) {
        answer.transportError =
            timeout ? timedOut(m_timeout) : BaoError{BaoErrorKind::Transport, reply->errorString(), 0, {}};
    } else {
        answer.status = status.toInt();
        answer.body = reply->readAll();
        answer.location = QString::fromUtf8(reply->rawHeader(QByteArrayLiteral("Location")));
        answer.retryAfterSeconds = retryAfterSeconds(reply->rawHeader(QByteArrayLiteral("Retry-After")));
        // A connection dropped mid-body still has a status: treat as transport.
        if (error == QNetworkReply::RemoteHostClosedError || error == QNetworkReply::ProtocolFailure ||
            error == QNetworkReply::UnknownNetworkError)
            answer.transportError =
                BaoError{BaoErrorKind::Transport, reply->errorString(), answer.status, {}};
        else if (timeout)
            answer.transportError = timedOut(m_timeout, answer.status);
    }
    // A state-changing call that may have reached the server and got no
    // usable answer: its outcome is unknown. Only a connection that never
    // opened, or a TLS handshake that failed (the request goes out after
    // it), proves it was not sent.
    answer.connectFailed = !cancelled.load() && (error == QNetworkReply::ConnectionRefusedError ||
                                                 error == QNetworkReply::HostNotFoundError);
    const bool neverSent = answer.connectFailed || (secure && m_tlsError) ||
                           (!cancelled.load() && error == QNetworkReply::SslHandshakeFailedError);
    if (!call.repeatable && answer.transportError && !neverSent)
        answer.transportError = outcomeUnknown(*answer.transportError);
    delete reply;
    return answer;
}

} // namespace baokeys::bao
