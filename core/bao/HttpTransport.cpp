#include "core/bao/HttpTransport.h"

#include "core/bao/BeastTransport.h"
#include "core/bao/QtNetworkTransport.h"

#include <QNetworkProxy>

namespace baokeys::bao {

HttpTransportKind HttpTransport::effectiveKind(const BaoSettings &settings)
{
    if (settings.transport == HttpTransportKind::QtNetwork)
        return HttpTransportKind::QtNetwork;
    // The same question QNetworkAccessManager asks before each request.
    const QList<QNetworkProxy> proxies =
        QNetworkProxyFactory::proxyForQuery(QNetworkProxyQuery(QUrl(settings.firstAddress())));
    const bool direct = proxies.isEmpty() || proxies.first().type() == QNetworkProxy::NoProxy ||
                        proxies.first().type() == QNetworkProxy::DefaultProxy;
    return direct ? HttpTransportKind::Beast : HttpTransportKind::QtNetwork;
}

std::unique_ptr<HttpTransport> HttpTransport::create(const BaoSettings &settings)
{
    if (effectiveKind(settings) == HttpTransportKind::Beast)
        return std::make_unique<BeastTransport>(settings);
    return std::make_unique<QtNetworkTransport>(settings);
}

BaoError HttpTransport::timedOut(std::chrono::milliseconds timeout, int httpStatus)
{
    return BaoError{
        BaoErrorKind::Timeout, QStringLiteral("no answer within %1 ms").arg(timeout.count()), httpStatus, {}};
}

BaoError HttpTransport::aborted()
{
    return BaoError{BaoErrorKind::Cancelled, QStringLiteral("request aborted"), 0, {}};
}

int HttpTransport::retryAfterSeconds(const QByteArray &value)
{
    bool ok = false;
    const int seconds = value.trimmed().toInt(&ok);
    return ok && seconds >= 0 ? seconds : -1;
}

BaoError HttpTransport::outcomeUnknown(const BaoError &lost)
{
    return BaoError{BaoErrorKind::OutcomeUnknown,
                    QStringLiteral("the request was sent but its answer was lost (%1); the server may have "
                                   "done it, so it is not sent again")
                        .arg(lost.describe()),
                    lost.httpStatus,
                    {}};
}

BaoError HttpTransport::unusableCaFile(const QString &caCertFile)
{
    return BaoError{BaoErrorKind::Transport,
                    QStringLiteral("CA file '%1' is missing or holds no PEM certificate").arg(caCertFile),
                    0,
                    {}};
}

} // namespace baokeys::bao
