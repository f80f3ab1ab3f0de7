#pragma once

#include "core/bao/HttpTransport.h"

namespace baokeys::bao {

// HttpTransport over Boost.Beast, run on the calling thread: one keep-alive
// connection, no thread hop, no event loop and no reply object per request.
// Meant for the keyring's batch lanes, where every pool thread has a
// transport of its own and waits for one answer at a time; there,
// QNetworkAccessManager's own cost per request is several times the signer's
// (see bench/keyring). TLS is OpenSSL's: the system CAs or the settings' CA
// file, the host name checked against the certificate, TLS 1.2 or later.
//
// Thread-safety: as HttpTransport.
class BeastTransport final : public HttpTransport {
public:
    explicit BeastTransport(const BaoSettings &settings);
    ~BeastTransport() override;

    HttpAnswer exchange(HttpCall &call, CancelToken *cancel) override;

private:
    class Connection;
    std::unique_ptr<Connection> m_connection;
};

} // namespace baokeys::bao
