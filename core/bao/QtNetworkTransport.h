#pragma once

#include "core/bao/HttpTransport.h"

#include <QSslConfiguration>

class QNetworkAccessManager;

namespace baokeys::bao {

// HttpTransport over QNetworkAccessManager: Qt's proxy settings, HTTP/2 where
// the server offers it, and the manager's pool of up to six connections per
// host. Each exchange is handed to the manager's own HTTP thread and waited
// for in a local QEventLoop.
//
// Thread-safety: as HttpTransport (the manager is thread-affine).
class QtNetworkTransport final : public HttpTransport {
public:
    explicit QtNetworkTransport(const BaoSettings &settings);
    ~QtNetworkTransport() override;

    HttpAnswer exchange(HttpCall &call, CancelToken *cancel) override;

private:
    std::chrono::milliseconds m_timeout;
    QSslConfiguration m_tls;
    std::optional<BaoError> m_tlsError; // a CA file that cannot be used: every https call fails with it
    std::unique_ptr<QNetworkAccessManager> m_network; // created on first use, on the using thread
};

} // namespace baokeys::bao
