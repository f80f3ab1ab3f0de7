#pragma once

#include <QByteArray>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace baokeys::testsupport {

// A purpose-built HTTP/2 server over TLS (ALPN "h2" only) for what the
// embedded signer never does to a client: refuse a stream, send GOAWAY
// before processing it, reset it, drop the connection with streams in
// flight, or never answer. Each request is handed to the handler once its
// stream is complete; the handler decides its fate.
//
// It runs on a thread of its own (an asio loop); start() returns once it
// listens on 127.0.0.1:<free port>. Thread-safety: start() and stop() from
// the owning thread; the counters from any thread; the handler is called on
// the server's thread, one request at a time.
class FaultyHttp2Server {
public:
    enum class Fault {
        None,           // answer with `status` and `body`
        RefuseStream,   // RST_STREAM REFUSED_STREAM: "not processed, send it again"
        GoAwayFirst,    // GOAWAY with a last stream below this one, then close: not processed
        ResetStream,    // RST_STREAM INTERNAL_ERROR: it may have been processed
        DropConnection, // close the TCP connection, no frame at all
        Hang,           // never answer
    };
    struct Answer {
        Fault fault = Fault::None;
        int status = 200;
        QByteArray body;
    };
    // `number` counts the requests this server has seen, from 1.
    using Handler = std::function<Answer(int number, const QByteArray &method, const QByteArray &path)>;

    FaultyHttp2Server(QString certificateFile, QString keyFile, Handler handler);
    ~FaultyHttp2Server();
    FaultyHttp2Server(const FaultyHttp2Server &) = delete;
    FaultyHttp2Server &operator=(const FaultyHttp2Server &) = delete;

    bool start();
    void stop();
    QString address() const; // https://127.0.0.1:<port>

    int requestsSeen() const { return m_requests.load(); }
    int connectionsAccepted() const { return m_connections.load(); }

private:
    class Loop;
    Handler m_handler;
    std::unique_ptr<Loop> m_loop;
    std::atomic<int> m_requests{0};
    std::atomic<int> m_connections{0};
};

} // namespace baokeys::testsupport
