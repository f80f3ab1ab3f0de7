#pragma once

#include "core/signer/HttpExchange.h"

#include <QByteArray>
#include <QByteArrayView>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>

struct nghttp2_session;

namespace baokeys::signer {

class BodyBudget;

// The HTTP/2 side of the signer's front, without a socket: bytes in, bytes
// out, each request handed on once its stream is complete, its answer taken
// back whenever it is ready (a delayed one later, in any order). OpenBao is
// a Go server, which speaks HTTP/2 over TLS to clients that offer it (ALPN
// "h2"); Qt's and nghttp2's clients then send every request of a batch over
// one connection, so the embedded signer does too. The framing, HPACK, flow
// control and the protocol's own checks (pseudo-headers, Content-Length
// against the DATA received) are nghttp2's.
//
// The limits match the HTTP/1.1 front's, per stream rather than per
// connection: the screen sees a request's headers before any of its body,
// and a refused stream's body is dropped unread; each body is reserved
// against the shared budget; a body over the limit gets 413. At most
// MaxConcurrentStreams streams at once, as Go announces.
//
// Thread-safety: none. One connection's strand drives it.
class Http2Session {
public:
    // Go's http2 server default, which OpenBao inherits.
    static constexpr std::uint32_t MaxConcurrentStreams = 250;
    // What the client may send on a stream before we have read it: large
    // enough that a sign request never waits for a window update.
    static constexpr std::int32_t StreamWindow = 1 << 20;

    using RequestReady = std::function<void(std::int32_t stream, HttpRequest &request)>;
    using Screen = std::function<std::optional<HttpResponse>(const HttpRequest &headers)>;

    struct Limits {
        quint64 bodyLimit = quint64(32) << 20;
        std::size_t headerLimit = 64 * 1024; // all of a request's header fields together
        BodyBudget *bodies = nullptr;        // null: bodies are not counted
    };

    Http2Session(Limits limits, Screen screen, RequestReady onRequest);
    ~Http2Session();
    Http2Session(const Http2Session &) = delete;
    Http2Session &operator=(const Http2Session &) = delete;

    // Feeds bytes read from the client. False when the connection is beyond
    // saving (a protocol error): send what takeOutput() holds (a GOAWAY
    // naming the error), then close.
    bool receive(QByteArrayView bytes);
    // What is ready to be written to the client; empty when nothing is. The
    // caller wipes it once written: an export answer carries a private key.
    QByteArray takeOutput();
    // The answer to a request handed out by RequestReady. A stream the client
    // has reset meanwhile is simply forgotten (its answer is wiped).
    void answer(std::int32_t stream, HttpResponse response);
    // Ends the connection gracefully: streams already opened are still
    // answered, no new one is accepted.
    void goAway();
    // False once both sides are done (after a GOAWAY, or a fatal error) and
    // nothing is left to write: the connection can be closed.
    bool isAlive() const;
    // Streams opened and not yet closed; 0 means the connection is idle.
    std::size_t openStreams() const { return m_streams.size(); }

private:
    struct Stream;
    friend struct Http2Callbacks;

    Stream *streamOf(std::int32_t id);
    void screenHeaders(std::int32_t id, Stream &stream);
    void refuse(std::int32_t id, Stream &stream, HttpResponse response);
    void submit(std::int32_t id, Stream &stream, HttpResponse response);
    void requestComplete(std::int32_t id, Stream &stream);
    void forget(std::int32_t id);

    Limits m_limits;
    Screen m_screen;
    RequestReady m_onRequest;
    nghttp2_session *m_session = nullptr;
    std::map<std::int32_t, std::unique_ptr<Stream>> m_streams;
};

} // namespace baokeys::signer
