#include "core/signer/HttpListener.h"

#include "core/common/OpenFileLimit.h"
#include "core/crypto/SecureBytes.h"
#include "core/signer/BodyBudget.h"
#include "core/signer/ConnectionTable.h"
#include "core/signer/Http2Session.h"

#include <QFile>
#include <array>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <openssl/crypto.h>
#include <openssl/ssl.h>
#include <optional>
#include <pthread.h>
#include <thread>
#include <vector>

namespace baokeys::signer {

namespace {

namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;
using beast::error_code;

constexpr auto IdleTimeout = std::chrono::seconds(120);
// Idle keep-alive connections when three quarters of the cap is in use.
constexpr auto ShortIdleTimeout = std::chrono::seconds(5);
constexpr auto WriteTimeout = std::chrono::seconds(60);
constexpr auto DrainTimeout = std::chrono::seconds(10);
// After accept() fails (out of descriptors, most often): retrying at once
// only fails again, at 100% CPU.
constexpr auto AcceptBackoff = std::chrono::milliseconds(50);
// Connections taken from the backlog at once after each accepted one.
constexpr int AcceptBurst = 64;
// Descriptors kept for everything but connections: the event loop, timers,
// key files, the data folder's lock, stdio.
constexpr rlim_t DescriptorReserve = 32;
// A request's header fields together, on HTTP/1.1 and HTTP/2 alike.
constexpr std::size_t HeaderLimit = 64 * 1024;

struct Shared {
    HttpListener::Handler handler;
    HttpListener::Screen screen;
    quint64 bodyLimit = 0;
    BodyBudget bodies;
    ConnectionTable connections;
    std::atomic<bool> stopping{false};
    std::atomic<int> busy{0}; // requests read and not yet answered
};

QByteArray toQt(beast::string_view s)
{
    return QByteArray(s.data(), qsizetype(s.size()));
}

HttpRequest headersOf(const http::request<http::string_body> &message)
{
    HttpRequest request;
    request.method = toQt(message.method_string());
    request.target = toQt(message.target());
    for (const auto &field : message)
        request.headers.append({toQt(field.name_string()).toLower(), toQt(field.value())});
    return request;
}

HttpRequest toRequest(http::request<http::string_body> &message)
{
    HttpRequest request = headersOf(message);
    request.body = QByteArray(message.body().data(), qsizetype(message.body().size()));
    // The request may carry a private key (import); do not leave it behind.
    std::fill(message.body().begin(), message.body().end(), '\0');
    return request;
}

using Parser = http::request_parser<http::string_body>;

void setLimits(Parser &parser, quint64 bodyLimit)
{
    parser.body_limit(bodyLimit);
    parser.header_limit(HeaderLimit);
}

// After the header, a request parser is done unless a body follows: a
// positive Content-Length or chunked coding (RFC 9112 6.3). Asking
// is_done() rather than content_length() also keeps boost::optional's
// copy out of -O2 -Werror builds, where GCC 12 flags it maybe-uninitialized.
bool hasBody(const Parser &parser)
{
    return !parser.is_done();
}

// The refusal a request's header alone earns, before any body is read.
std::optional<HttpResponse> screenHeader(const Parser &parser, const HttpListener::Screen &screen)
{
    // RFC 9112 6.3: a Transfer-Encoding whose final coding is not chunked
    // (or any Transfer-Encoding in HTTP/1.0) leaves the body's length
    // unknown. Beast would read such a body as empty and the bytes after
    // it as the next request: a smuggled request. Refuse and close.
    if (parser.get().count(http::field::transfer_encoding) > 0 &&
        (!parser.chunked() || parser.get().version() < 11))
        return errorAnswer(400, "malformed HTTP request: unsupported transfer encoding");
    if (hasBody(parser) && screen)
        return screen(headersOf(parser.get()));
    return std::nullopt;
}

using TlsStream = beast::ssl_stream<beast::tcp_stream>;

// One HTTP/2 connection (TLS, ALPN "h2"): the socket's bytes go through an
// Http2Session, each complete request is answered by the handler at once,
// and the answer is sent when its delay (injected latency) has passed, so a
// delayed stream holds a timer and nothing else while the others go on.
// Everything runs on the connection's strand; only m_idle is read from
// other threads (by the connection table).
class Http2Connection : public Connection, public std::enable_shared_from_this<Http2Connection> {
public:
    static void serve(Shared &shared, TlsStream stream)
    {
        auto connection = std::make_shared<Http2Connection>(shared, std::move(stream));
        connection->m_id = shared.connections.add(connection);
        connection->afterActivity(); // our SETTINGS go out first
        connection->read();
    }

    Http2Connection(Shared &shared, TlsStream stream)
        : m_shared(shared), m_stream(std::move(stream)), m_idleTimer(m_stream.get_executor()),
          m_writeTimer(m_stream.get_executor()),
          m_session({shared.bodyLimit, HeaderLimit, &shared.bodies}, shared.screen,
                    [this](std::int32_t id, HttpRequest &request) { onRequest(id, request); })
    {}

    ~Http2Connection() override
    {
        // Answers still owed when the loop stopped are not sent.
        m_shared.busy.fetch_sub(m_owed);
        m_shared.connections.remove(m_id);
    }

    bool isIdle() const override { return m_idle.load(std::memory_order_relaxed); }

    void closeIfIdle() override
    {
        net::post(m_stream.get_executor(), [self = shared_from_this()] {
            if (self->m_session.openStreams() == 0)
                self->endGracefully();
        });
    }

private:
    void read()
    {
        m_stream.async_read_some(
            net::buffer(m_readBuffer), [self = shared_from_this()](error_code ec, std::size_t n) {
                if (ec) { // the client closed, or we did
                    self->closeSocket();
                    return;
                }
                const bool usable =
                    self->m_session.receive(QByteArrayView(self->m_readBuffer.data(), qsizetype(n)));
                OPENSSL_cleanse(self->m_readBuffer.data(), n); // may have carried a private key (import)
                if (!usable)
                    self->m_broken = true;
                self->afterActivity();
                if (usable && !self->m_closed)
                    self->read();
            });
    }

    // Called by the session from within receive(): the handler answers now,
    // the answer is sent now or after its delay. (Nothing is written from
    // here: nghttp2 takes no output calls inside its own callbacks.)
    void onRequest(std::int32_t id, HttpRequest &request)
    {
        ++m_owed;
        m_shared.busy.fetch_add(1);
        HttpResponse response = m_shared.handler(request);
        if (response.delay.count() <= 0) {
            deliver(id, std::move(response));
            return;
        }
        auto timer = std::make_shared<net::steady_timer>(m_stream.get_executor(), response.delay);
        timer->async_wait(
            [self = shared_from_this(), timer, id, response = std::move(response)](error_code) mutable {
                self->deliver(id, std::move(response));
                self->afterActivity();
            });
    }

    void deliver(std::int32_t id, HttpResponse response)
    {
        m_session.answer(id, std::move(response));
        --m_owed;
        m_shared.busy.fetch_sub(1);
    }

    // After bytes came in or an answer was handed over: write what the
    // session has, and keep the idle state and its timer up to date.
    void afterActivity()
    {
        if (m_closed)
            return;
        const bool idle = m_session.openStreams() == 0;
        m_idle.store(idle, std::memory_order_relaxed);
        if (m_shared.stopping.load())
            endGracefully(); // streams already open are still answered
        if (idle && !m_idleTimerArmed) {
            m_idleTimerArmed = true;
            m_idleTimer.expires_after(m_shared.connections.nearCap() ? ShortIdleTimeout : IdleTimeout);
            m_idleTimer.async_wait([self = shared_from_this()](error_code ec) {
                self->m_idleTimerArmed = false;
                if (!ec && self->m_session.openStreams() == 0)
                    self->endGracefully();
            });
        } else if (!idle && m_idleTimerArmed) {
            m_idleTimer.cancel();
        }
        flush();
    }

    void endGracefully()
    {
        if (m_goingAway || m_closed)
            return;
        m_goingAway = true;
        m_session.goAway();
        flush();
    }

    void flush()
    {
        if (m_writing || m_closed)
            return;
        m_output = m_session.takeOutput();
        if (m_output.isEmpty()) {
            if (m_broken || !m_session.isAlive())
                closeSocket();
            return;
        }
        m_writing = true;
        m_writeTimer.expires_after(WriteTimeout);
        m_writeTimer.async_wait([self = shared_from_this()](error_code ec) {
            if (!ec) // the client stopped reading
                self->closeSocket();
        });
        net::async_write(m_stream, net::buffer(m_output.constData(), std::size_t(m_output.size())),
                         [self = shared_from_this()](error_code ec, std::size_t) {
                             self->m_writing = false;
                             self->m_writeTimer.cancel();
                             crypto::wipe(self->m_output); // an export answer carries a private key
                             if (ec)
                                 self->closeSocket();
                             else
                                 self->flush();
                         });
    }

    // Go's server also just closes the connection after its final GOAWAY.
    void closeSocket()
    {
        if (m_closed)
            return;
        m_closed = true;
        m_idle.store(false, std::memory_order_relaxed);
        m_idleTimer.cancel();
        m_writeTimer.cancel();
        error_code ignored;
        auto &socket = beast::get_lowest_layer(m_stream).socket();
        socket.shutdown(tcp::socket::shutdown_both, ignored);
        socket.close(ignored);
    }

    Shared &m_shared;
    quint64 m_id = 0;
    std::atomic<bool> m_idle{false};
    TlsStream m_stream;
    net::steady_timer m_idleTimer;
    net::steady_timer m_writeTimer;
    Http2Session m_session;
    std::array<char, 16384> m_readBuffer{};
    QByteArray m_output; // being written
    int m_owed = 0;      // requests handed to the handler and not yet answered
    bool m_writing = false;
    bool m_idleTimerArmed = false;
    bool m_goingAway = false;
    bool m_broken = false; // a protocol error: the session's last GOAWAY, then close
    bool m_closed = false;
};

// One connection: read a request's header, screen it, read its body, ask
// the handler, (maybe) wait on a timer, write, and loop while the client keeps
// the connection alive. Everything runs on the connection's strand; only
// m_idle is read from other threads (by the connection table).
template <typename Stream>
class Session : public Connection, public std::enable_shared_from_this<Session<Stream>> {
public:
    static constexpr bool IsTls = !std::is_same_v<Stream, beast::tcp_stream>;

    template <typename... StreamArgs>
    explicit Session(Shared &shared, StreamArgs &&...args)
        : m_shared(shared), m_stream(std::forward<StreamArgs>(args)...), m_timer(m_stream.get_executor())
    {}

    ~Session() override
    {
        setBusy(false);
        releaseBody();
        m_shared.connections.remove(m_id);
    }

    void run()
    {
        m_id = m_shared.connections.add(this->shared_from_this());
        net::dispatch(m_stream.get_executor(), [self = this->shared_from_this()] { self->begin(); });
    }

    bool isIdle() const override { return m_idle.load(std::memory_order_relaxed); }

    void closeIfIdle() override
    {
        net::post(m_stream.get_executor(), [self = this->shared_from_this()] {
            if (self->m_idle.load(std::memory_order_relaxed)) {
                self->m_idle.store(false, std::memory_order_relaxed);
                error_code ignored;
                // Completes the pending header read with an error: the session ends.
                beast::get_lowest_layer(self->m_stream).socket().close(ignored);
            }
        });
    }

private:
    void begin()
    {
        if constexpr (IsTls) {
            beast::get_lowest_layer(m_stream).expires_after(std::chrono::seconds(30));
            m_stream.async_handshake(ssl::stream_base::server,
                                     [self = this->shared_from_this()](error_code ec) {
                                         if (!ec)
                                             self->afterHandshake();
                                     });
        } else {
            readNext();
        }
    }

    // A client that offered HTTP/2 and got it (ALPN) is served by an
    // Http2Connection, which takes over the TLS stream.
    void afterHandshake()
    {
        if constexpr (IsTls) {
            const unsigned char *protocol = nullptr;
            unsigned int length = 0;
            SSL_get0_alpn_selected(m_stream.native_handle(), &protocol, &length);
            if (std::string_view(reinterpret_cast<const char *>(protocol), length) == "h2") {
                beast::get_lowest_layer(m_stream).expires_never();
                Http2Connection::serve(m_shared, std::move(m_stream));
                return;
            }
        }
        readNext();
    }

    void readNext()
    {
        if (m_shared.stopping.load()) {
            close();
            return;
        }
        m_head = false;
        m_parser.emplace();
        setLimits(*m_parser, m_shared.bodyLimit);
        beast::get_lowest_layer(m_stream).expires_after(m_shared.connections.nearCap() ? ShortIdleTimeout
                                                                                       : IdleTimeout);
        m_idle.store(true, std::memory_order_relaxed);
        http::async_read_header(
            m_stream, m_buffer, *m_parser,
            [self = this->shared_from_this()](error_code ec, std::size_t) { self->onHeader(ec); });
    }

    // Clients such as curl send "Expect: 100-continue" with larger bodies and
    // wait for the go-ahead; answer it the way Go's server (OpenBao) does.
    void onHeader(error_code ec)
    {
        m_idle.store(false, std::memory_order_relaxed);
        if (ec) {
            onRead(ec);
            return;
        }
        setBusy(true);
        auto &header = m_parser->get();
        m_version = header.version();
        m_head = header.method() == http::verb::head;
        if (auto refusal = screen()) {
            // The body, if any, is never read: answer and close.
            m_keepAlive = false;
            m_drainAfterWrite = true;
            write(std::move(*refusal));
            return;
        }
        const auto expect = m_parser->get()[http::field::expect];
        if (beast::iequals(expect, "100-continue")) {
            auto go = std::make_shared<http::response<http::empty_body>>(http::status::continue_,
                                                                         m_parser->get().version());
            http::async_write(m_stream, *go,
                              [self = this->shared_from_this(), go](error_code ec, std::size_t) {
                                  if (!ec)
                                      self->readBody();
                              });
            return;
        }
        readBody();
    }

    // Decides from the header alone whether the body is worth reading.
    std::optional<HttpResponse> screen()
    {
        if (auto refusal = screenHeader(*m_parser, m_shared.screen))
            return refusal;
        if (!hasBody(*m_parser))
            return std::nullopt;
        const auto declared = m_parser->content_length();
        // A chunked body may grow to the limit: reserve that much.
        const quint64 reserve = declared ? *declared : m_shared.bodyLimit;
        if (!m_shared.bodies.tryReserve(reserve))
            return bodyBudgetSpent();
        m_bodyReserved = reserve;
        return std::nullopt;
    }

    void releaseBody()
    {
        if (m_bodyReserved > 0)
            m_shared.bodies.release(m_bodyReserved);
        m_bodyReserved = 0;
    }

    // Counted while a request is read and not yet answered, so stop() can
    // wait for answers it owes.
    void setBusy(bool busy)
    {
        if (busy != m_busy)
            m_shared.busy.fetch_add(busy ? 1 : -1);
        m_busy = busy;
    }

    void readBody()
    {
        http::async_read(m_stream, m_buffer, *m_parser,
                         [self = this->shared_from_this()](error_code ec, std::size_t) { self->onRead(ec); });
    }

    void onRead(error_code ec)
    {
        if (ec)
            releaseBody();
        if (ec == http::error::body_limit) {
            m_keepAlive = false;
            m_drainAfterWrite = true;
            write(bodyTooLarge());
            return;
        }
        if (ec == http::error::end_of_stream) {
            close();
            return;
        }
        if (ec) {
            // Malformed request: answer 400 if the socket still works, then close.
            if (ec.category() == http::make_error_code(http::error::bad_method).category() &&
                ec != http::error::partial_message) {
                m_keepAlive = false;
                m_drainAfterWrite = true;
                write(errorAnswer(400, "malformed HTTP request"));
            }
            return;
        }
        auto &message = m_parser->get();
        m_keepAlive = message.keep_alive();
        m_version = message.version();
        HttpRequest request = toRequest(message);
        HttpResponse response = m_shared.handler(request);
        releaseBody(); // the handler has wiped and dropped its copy
        if (response.delay.count() > 0) {
            m_timer.expires_after(response.delay);
            m_timer.async_wait([self = this->shared_from_this(), response = std::move(response)](
                                   error_code) mutable { self->write(std::move(response)); });
        } else {
            write(std::move(response));
        }
    }

    void write(HttpResponse response)
    {
        auto message = std::make_shared<http::response<http::string_body>>();
        message->version(m_version);
        message->result(static_cast<unsigned>(response.status));
        message->set(http::field::server, "baokeys-signer");
        message->set(http::field::cache_control, "no-store");
        if (response.retryAfterSeconds)
            message->set(http::field::retry_after, std::to_string(*response.retryAfterSeconds));
        if (!response.location.isEmpty())
            message->set(http::field::location, std::string_view(response.location.constData(),
                                                                 std::size_t(response.location.size())));
        if (!response.body.isEmpty()) {
            message->set(
                http::field::content_type,
                std::string_view(response.contentType.constData(), std::size_t(response.contentType.size())));
            message->body().assign(response.body.constData(), size_t(response.body.size()));
            // An export answer carries a private key: leave no copy behind.
            crypto::wipe(response.body);
        }
        // Shutting down: this is the connection's last answer.
        if (m_shared.stopping.load())
            m_keepAlive = false;
        message->keep_alive(m_keepAlive);
        if (response.status != 204) // 204 carries no Content-Length at all
            message->prepare_payload();
        beast::get_lowest_layer(m_stream).expires_after(WriteTimeout);
        auto onWritten = [self = this->shared_from_this(), message](error_code ec, std::size_t) {
            std::fill(message->body().begin(), message->body().end(), '\0');
            self->setBusy(false);
            if (ec)
                return;
            if (self->m_drainAfterWrite)
                self->drain();
            else if (!self->m_keepAlive)
                self->close();
            else
                self->readNext();
        };
        // A HEAD answer has the headers a GET would have (Content-Length
        // included) and no body: a body here would be read by the client as
        // the start of the next response on this connection.
        if (m_head) {
            auto serializer = std::make_shared<http::response_serializer<http::string_body>>(*message);
            http::async_write_header(
                m_stream, *serializer,
                [serializer, onWritten](error_code ec, std::size_t n) { onWritten(ec, n); });
        } else {
            http::async_write(m_stream, *message, std::move(onWritten));
        }
    }

    // After a 413 the client may still be sending its body: stop sending,
    // then read and discard for a while so it sees our answer instead of a
    // connection reset.
    void drain()
    {
        if constexpr (!IsTls) {
            error_code ignored;
            m_stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
            m_stream.expires_after(DrainTimeout);
            drainSome();
        } else {
            close();
        }
    }

    void drainSome()
    {
        m_stream.async_read_some(net::buffer(m_drainBuffer),
                                 [self = this->shared_from_this()](error_code ec, std::size_t) {
                                     if (!ec)
                                         self->drainSome();
                                 });
    }

    void close()
    {
        if constexpr (IsTls) {
            beast::get_lowest_layer(m_stream).expires_after(std::chrono::seconds(5));
            m_stream.async_shutdown([self = this->shared_from_this()](error_code) {});
        } else {
            error_code ignored;
            m_stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
        }
    }

    Shared &m_shared;
    quint64 m_id = 0;
    std::atomic<bool> m_idle{false};
    bool m_busy = false;
    bool m_head = false;
    quint64 m_bodyReserved = 0;
    Stream m_stream;
    net::steady_timer m_timer;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    std::array<char, 16384> m_drainBuffer{};
    unsigned m_version = 11;
    bool m_keepAlive = true;
    bool m_drainAfterWrite = false;
};

} // namespace

class HttpListener::Impl {
public:
    Impl(Config config, Handler handler, Screen screen) : m_config(std::move(config))
    {
        m_shared.handler = std::move(handler);
        m_shared.screen = std::move(screen);
    }

    Expected<quint16, SignerStartError> start()
    {
        using Kind = SignerStartError::Kind;
        m_shared.bodyLimit = m_config.bodyLimit;
        m_shared.bodies.setTotal(m_config.bodyBudget);
        m_shared.connections.setCap(connectionCap());
        m_shared.stopping = false;
        error_code ec;
        const QString host =
            m_config.host == QLatin1String("localhost") ? QStringLiteral("127.0.0.1") : m_config.host;
        const auto address = net::ip::make_address(host.toStdString(), ec);
        if (ec)
            return unexpected(SignerStartError{
                Kind::BadOptions,
                QStringLiteral("listen address %1 is not an IP address").arg(m_config.host)});
        if (!m_config.tlsCertFile.isEmpty()) {
            m_tls.emplace(ssl::context::tls_server);
            m_tls->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                               ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
            m_tls->use_certificate_chain_file(QFile::encodeName(m_config.tlsCertFile).toStdString(), ec);
            if (ec)
                return unexpected(SignerStartError{
                    Kind::TlsFailed, QStringLiteral("cannot load TLS certificate %1: %2")
                                         .arg(m_config.tlsCertFile, QString::fromStdString(ec.message()))});
            // Offers HTTP/2 first, as Go's server (OpenBao) does.
            if (m_config.http2)
                SSL_CTX_set_alpn_select_cb(m_tls->native_handle(), &selectProtocol, nullptr);
            m_tls->use_private_key_file(QFile::encodeName(m_config.tlsKeyFile).toStdString(),
                                        ssl::context::pem, ec);
            if (ec)
                return unexpected(SignerStartError{
                    Kind::TlsFailed, QStringLiteral("cannot load TLS key %1: %2")
                                         .arg(m_config.tlsKeyFile, QString::fromStdString(ec.message()))});
        }

        m_ioc = std::make_unique<net::io_context>(std::max(1, m_config.threads));
        // On a strand: the accept loop, its back-off timer and stop()'s close
        // of the acceptor never run at once.
        const auto acceptStrand = net::make_strand(*m_ioc);
        m_acceptor = std::make_unique<tcp::acceptor>(acceptStrand);
        m_backoff = std::make_unique<net::steady_timer>(acceptStrand);
        const tcp::endpoint endpoint(address, m_config.port);
        const auto bindError = [&](const char *step) {
            const QString message = QStringLiteral("cannot %1 %2:%3: %4")
                                        .arg(QLatin1String(step), m_config.host)
                                        .arg(m_config.port)
                                        .arg(QString::fromStdString(ec.message()));
            m_backoff.reset();
            m_acceptor.reset();
            m_ioc.reset();
            return unexpected(SignerStartError{Kind::BindFailed, message});
        };
        if (m_acceptor->open(endpoint.protocol(), ec); ec)
            return bindError("open");
        if (m_acceptor->set_option(net::socket_base::reuse_address(true), ec); ec)
            return bindError("configure");
        if (m_acceptor->bind(endpoint, ec); ec)
            return bindError("bind");
        if (m_acceptor->listen(net::socket_base::max_listen_connections, ec); ec)
            return bindError("listen on");
        if (m_acceptor->non_blocking(true, ec); ec) // the burst after each accept must not wait
            return bindError("listen on");
        const quint16 port = m_acceptor->local_endpoint().port();

        accept();
        for (int i = 0; i < std::max(1, m_config.threads); ++i)
            m_threads.emplace_back([this] {
                // Named so that `top -H`, perf and the keyring benchmark's CPU
                // breakdown can tell the signer's threads from the client's.
                pthread_setname_np(pthread_self(), "signer-io");
                m_ioc->run();
            });
        return port;
    }

    void stop()
    {
        if (!m_ioc)
            return;
        m_shared.stopping = true;
        net::post(m_acceptor->get_executor(), [this] {
            error_code ignored;
            m_acceptor->close(ignored);
            m_backoff->cancel();
        });
        m_shared.connections.closeIdle();
        // Answers already owed (a create that has happened, a delayed sign)
        // still go out; a client that keeps its connection idle is not waited for.
        const auto deadline = std::chrono::steady_clock::now() + m_config.shutdownGrace;
        while (m_shared.busy.load() > 0 && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        m_ioc->stop();
        for (auto &thread : m_threads)
            thread.join();
        m_threads.clear();
        m_backoff.reset();
        m_acceptor.reset();
        m_ioc.reset(); // destroys the sessions still queued in it
    }

private:
    static int selectProtocol(SSL *, const unsigned char **out, unsigned char *outLength,
                              const unsigned char *offered, unsigned int offeredLength, void *)
    {
        static const unsigned char ours[] = "\x02h2\x08http/1.1";
        unsigned char *chosen = nullptr;
        if (SSL_select_next_proto(&chosen, outLength, ours, sizeof ours - 1, offered, offeredLength) !=
            OPENSSL_NPN_NEGOTIATED)
            return SSL_TLSEXT_ERR_NOACK; // nothing we speak offered: HTTP/1.1 without ALPN
        *out = chosen;
        return SSL_TLSEXT_ERR_OK;
    }

    // The configured cap, kept below the open-file limit so that the cap,
    // which makes room by closing idle connections, is met before accept()
    // runs out of descriptors.
    std::size_t connectionCap() const
    {
        std::size_t cap = std::max<std::size_t>(1, m_config.maxConnections);
        if (const auto soft = OpenFileLimit::soft())
            cap = std::min<std::size_t>(
                cap,
                std::max<rlim_t>(8, *soft > DescriptorReserve * 2 ? *soft - DescriptorReserve : *soft / 2));
        return cap;
    }

    void accept()
    {
        m_acceptor->async_accept(net::make_strand(*m_ioc), [this](error_code ec, tcp::socket socket) {
            if (ec == net::error::operation_aborted || m_shared.stopping.load())
                return;
            if (ec) {
                backOff();
                return;
            }
            admit(std::move(socket));
            // The connections already waiting are taken now: one accept per
            // turn of the loop would leave a crowd of new clients in the
            // backlog, their requests unread, while the connections already
            // served keep the loop busy (a batch's late lanes waited half a
            // second behind its early ones). At most a burst, so the
            // connections in hand get their turn too, and only below the cap:
            // at the cap each new connection makes room by closing an idle
            // one, and one accepted in the same burst has not read its
            // request yet, so it would look idle and be closed unanswered.
            for (int taken = 0; taken < AcceptBurst && !m_shared.stopping.load() &&
                                m_shared.connections.size() < m_shared.connections.cap();
                 ++taken) {
                error_code again;
                tcp::socket next = m_acceptor->accept(net::make_strand(*m_ioc), again);
                if (again == net::error::would_block || again == net::error::try_again)
                    break;
                if (again) {
                    backOff();
                    return;
                }
                admit(std::move(next));
            }
            accept();
        });
    }

    // Out of descriptors (EMFILE/ENFILE) or memory: free what an idle
    // connection holds and try again a little later.
    void backOff()
    {
        m_shared.connections.evictIdle(1);
        m_backoff->expires_after(AcceptBackoff);
        m_backoff->async_wait([this](error_code waitError) {
            if (!waitError && !m_shared.stopping.load())
                accept();
        });
    }

    void admit(tcp::socket socket)
    {
        error_code ec;
        if (m_shared.connections.size() >= m_shared.connections.cap() &&
            m_shared.connections.evictIdle(1) == 0) {
            // Full of connections that are all busy: this one waits its turn
            // no better than being refused.
            socket.close(ec);
            return;
        }
        socket.set_option(tcp::no_delay(true), ec);
        if (m_tls)
            std::make_shared<Session<beast::ssl_stream<beast::tcp_stream>>>(m_shared, std::move(socket),
                                                                            *m_tls)
                ->run();
        else
            std::make_shared<Session<beast::tcp_stream>>(m_shared, std::move(socket))->run();
    }

    Config m_config;
    Shared m_shared;
    std::optional<ssl::context> m_tls;
    std::unique_ptr<net::io_context> m_ioc;
    std::unique_ptr<tcp::acceptor> m_acceptor;
    std::unique_ptr<net::steady_timer> m_backoff;
    std::vector<std::thread> m_threads;
};

std::optional<HttpListener::BytesAnswer> HttpListener::answerBytes(QByteArrayView bytes,
                                                                   const Handler &handler,
                                                                   const Screen &screen, quint64 bodyLimit)
{
    Parser parser;
    setLimits(parser, bodyLimit);
    net::const_buffer rest(bytes.data(), std::size_t(bytes.size()));
    const auto closing = [&](HttpResponse response) {
        return BytesAnswer{std::move(response), std::size_t(bytes.size()), false};
    };
    bool screened = false;
    while (!parser.is_done()) {
        error_code ec;
        const std::size_t used = parser.put(rest, ec);
        rest += used;
        if (ec == http::error::body_limit)
            return closing(bodyTooLarge());
        if (ec && ec != http::error::need_more)
            return closing(errorAnswer(400, "malformed HTTP request"));
        if (parser.is_header_done() && !screened) {
            screened = true;
            if (auto refusal = screenHeader(parser, screen))
                return closing(std::move(*refusal));
        }
        if (used == 0 && !parser.is_done())
            return std::nullopt; // incomplete: a connection would wait for more bytes
    }
    auto &message = parser.get();
    BytesAnswer answer;
    answer.keepAlive = message.keep_alive();
    HttpRequest request = toRequest(message);
    answer.response = handler(request);
    answer.consumed = std::size_t(bytes.size()) - rest.size();
    return answer;
}

HttpListener::HttpListener(Config config, Handler handler, Screen screen)
    : m_impl(std::make_unique<Impl>(std::move(config), std::move(handler), std::move(screen)))
{}

HttpListener::~HttpListener()
{
    stop();
}

Expected<quint16, SignerStartError> HttpListener::start()
{
    return m_impl->start();
}

void HttpListener::stop()
{
    m_impl->stop();
}

} // namespace baokeys::signer
