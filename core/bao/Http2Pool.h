#pragma once

// Inside core/bao only: HTTP/2 for the batch lanes (asio is not part of the
// public headers).
#include "core/bao/BeastDial.h"
#include "core/bao/HttpTransport.h"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>

namespace baokeys::bao {

class CancelToken;
class Http2Links;

// The HTTP/2 connections of one io_context to one https origin, shared by
// every lane on that loop. OpenBao (a Go server) speaks HTTP/2 over TLS to a
// client that offers it (ALPN "h2"); a batch's requests then go as streams
// over a few connections, up to the number of streams the server allows on
// each (Go: 250), instead of one connection and one TLS handshake per lane.
// A cold batch of 1024 opens about ten connections instead of 1024.
//
// The "outcome unknown" rules hold per stream: a request that provably never
// reached the server (never written, refused with REFUSED_STREAM, or above
// a GOAWAY's last stream) goes out again on another connection, whatever it
// is; one that may have arrived and lost its answer is a transport error,
// or OutcomeUnknown when it is not repeatable. A cancel or the deadline
// resets the stream (RST_STREAM), and only that stream.
//
// A server that declines HTTP/2 is remembered for the pool's life: its
// requests come back as "declined", and the lane sends them over HTTP/1.1.
//
// Thread-safety: exchange() from any executor of the same io_context; the
// connections live on one strand of it.
class Http2Pool {
public:
    struct Result {
        HttpAnswer answer;
        bool declined = false; // the server chose HTTP/1.1: nothing was sent
    };

    // The pool for this loop, origin and TLS choice, shared while anyone holds it.
    static std::shared_ptr<Http2Pool> shared(boost::asio::io_context &loop, const dial::Origin &origin,
                                             const QString &caCertFile, bool verifyPeer);
    ~Http2Pool();
    Http2Pool(const Http2Pool &) = delete;
    Http2Pool &operator=(const Http2Pool &) = delete;

    const dial::Origin &origin() const { return m_origin; }
    bool declined() const { return m_declined->load(); }

    // `call.body` is left as it is (the caller wipes it) so that a declined
    // request can still go out over HTTP/1.1.
    boost::asio::awaitable<Result> exchange(const HttpCall &call, CancelToken *cancel,
                                            std::chrono::milliseconds timeout);

    // How many connections this process has opened for HTTP/2 (tests, bench).
    static int connectionsOpened();

private:
    Http2Pool(boost::asio::io_context &loop, const dial::Origin &origin, const QString &caCertFile,
              bool verifyPeer);

    dial::Origin m_origin;
    std::shared_ptr<std::atomic<bool>> m_declined;
    std::shared_ptr<Http2Links> m_links; // on its strand; outlives this while its I/O completes
};

} // namespace baokeys::bao
