#pragma once

#include "core/bao/HttpTransport.h"

namespace baokeys::bao {

class BeastConnection;
class IoEngine;

// HttpTransport over Boost.Beast: one keep-alive connection, no thread hop,
// no event loop and no reply object per request. Meant for the keyring's
// batch lanes; there, QNetworkAccessManager's own cost per request is
// several times the signer's (see bench/keyring). TLS is OpenSSL's: the
// system CAs or the settings' CA file, the host name checked against the
// certificate, TLS 1.2 or later.
//
// Two ways to run it: on the calling thread (the first constructor:
// exchange() blocks, with an io_context of its own), or on an IoEngine (the
// second: its connection lives on a strand of the engine's loop and only
// BaoClient's asynchronous calls use it; exchange() must not be called).
// On an IoEngine, an https request goes over the engine's shared HTTP/2
// connections to that server when it speaks HTTP/2 (see Http2Pool).
//
// Thread-safety: as HttpTransport.
class BeastTransport final : public HttpTransport {
public:
    explicit BeastTransport(const BaoSettings &settings);
    BeastTransport(const BaoSettings &settings, IoEngine &engine);
    ~BeastTransport() override;

    HttpAnswer exchange(HttpCall &call, CancelToken *cancel) override;
    BeastConnection *asyncConnection() override;

    // How many times this process has asked the system to resolve a host
    // name for a connection (tests, diagnostics): a name is asked once for
    // all the connections opened within half a minute of the answer.
    static int nameLookups();

private:
    struct OwnLoop;
    std::unique_ptr<OwnLoop> m_ownLoop; // only when run on the calling thread
    std::unique_ptr<BeastConnection> m_connection;
};

} // namespace baokeys::bao
