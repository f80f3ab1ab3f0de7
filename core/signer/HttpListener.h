#pragma once

#include "core/common/Expected.h"
#include "core/signer/HttpExchange.h"
#include "core/signer/SignerServer.h"

#include <QString>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace baokeys::signer {

// The HTTP/1.1 (optionally TLS, and then HTTP/2 too) front, on Boost.Beast: a few I/O threads serve
// many keep-alive connections; the raw method string reaches the handler, so
// LIST is not lost; an answer with a delay waits on an asio timer, so a
// delayed request holds no thread. Bodies over the limit get 413.
// What a request costs is bounded before it is paid: the screen sees the
// headers before any body is read (an unauthenticated 31 MiB POST is refused
// unread), bodies in flight share one memory budget, connections are capped
// (idle ones make room for new ones), and running out of descriptors backs
// the accept loop off instead of spinning. stop() lets requests in flight
// answer, within a grace period.
// Beast lives only in HttpListener.cpp (it is slow to compile).
// Thread-safety: start() and stop() from one controlling thread; the handler
// and the screen are called concurrently from the I/O threads and must be
// thread-safe.
class HttpListener {
public:
    using Handler = std::function<HttpResponse(HttpRequest &)>;
    // Sees a request with its headers but no body yet; an answer refuses it
    // without reading the body (the connection is then closed).
    using Screen = std::function<std::optional<HttpResponse>(const HttpRequest &)>;

    struct Config {
        QString host = QStringLiteral("127.0.0.1");
        quint16 port = 0;
        QString tlsCertFile;
        QString tlsKeyFile;
        bool http2 = true; // over TLS: offered first (ALPN "h2"), served by an Http2Session
        int threads = 2;
        quint64 bodyLimit = quint64(32) << 20;   // OpenBao's default max_request_size
        quint64 bodyBudget = quint64(128) << 20; // all bodies in flight together
        // Also kept under the process's open-file limit, less a reserve.
        std::size_t maxConnections = 1024;
        std::chrono::milliseconds shutdownGrace{10000};
    };

    // What a connection answers to the first request in `bytes`: the same
    // parser limits, header screen, handler and refusals (400, 413), without
    // a socket or the shared body budget; nothing while the request is
    // incomplete. The fuzz target (tests/fuzz/fuzz_signer_http.cpp) feeds it.
    struct BytesAnswer {
        HttpResponse response;
        std::size_t consumed = 0; // the request's bytes; a pipelined next one starts here
        bool keepAlive = false;   // false: the connection would close after this answer
    };
    static std::optional<BytesAnswer> answerBytes(QByteArrayView bytes, const Handler &handler,
                                                  const Screen &screen, quint64 bodyLimit);

    HttpListener(Config config, Handler handler, Screen screen = {});
    ~HttpListener();
    HttpListener(const HttpListener &) = delete;
    HttpListener &operator=(const HttpListener &) = delete;

    // Binds and starts the I/O threads; returns the bound port.
    Expected<quint16, SignerStartError> start();
    // Stops accepting, closes idle connections, waits up to the grace period
    // for requests in flight to be answered, then stops the I/O threads.
    void stop();

private:
    class Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace baokeys::signer
