#pragma once

#include "core/common/Expected.h"
#include "core/signer/HttpExchange.h"
#include "core/signer/SignerServer.h"

#include <QString>
#include <functional>
#include <memory>

namespace baokeys::signer {

// The HTTP/1.1 (optionally TLS) front, on Boost.Beast: a few I/O threads serve
// many keep-alive connections; the raw method string reaches the handler, so
// LIST is not lost; an answer with a delay waits on an asio timer, so a
// delayed request holds no thread. Bodies over the limit get 413.
// Beast lives only in HttpListener.cpp (it is slow to compile).
// Thread-safety: start() and stop() from one controlling thread; the handler
// is called concurrently from the I/O threads and must be thread-safe.
class HttpListener {
public:
    using Handler = std::function<HttpResponse(HttpRequest &)>;

    struct Config {
        QString host = QStringLiteral("127.0.0.1");
        quint16 port = 0;
        QString tlsCertFile;
        QString tlsKeyFile;
        int threads = 2;
        quint64 bodyLimit = quint64(32) << 20; // OpenBao's default max_request_size
    };

    HttpListener(Config config, Handler handler);
    ~HttpListener();
    HttpListener(const HttpListener &) = delete;
    HttpListener &operator=(const HttpListener &) = delete;

    // Binds and starts the I/O threads; returns the bound port.
    Expected<quint16, SignerStartError> start();
    void stop();

private:
    class Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace baokeys::signer
