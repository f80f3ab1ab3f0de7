#include "core/signer/HttpListener.h"

#include "core/crypto/SecureBytes.h"

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
constexpr auto WriteTimeout = std::chrono::seconds(60);
constexpr auto DrainTimeout = std::chrono::seconds(10);

struct Shared {
    HttpListener::Handler handler;
    quint64 bodyLimit = 0;
};

QByteArray toQt(beast::string_view s)
{
    return QByteArray(s.data(), qsizetype(s.size()));
}

HttpRequest toRequest(http::request<http::string_body> &message)
{
    HttpRequest request;
    request.method = toQt(message.method_string());
    request.target = toQt(message.target());
    for (const auto &field : message)
        request.headers.append({toQt(field.name_string()).toLower(), toQt(field.value())});
    request.body = QByteArray(message.body().data(), qsizetype(message.body().size()));
    // The request may carry a private key (import); do not leave it behind.
    std::fill(message.body().begin(), message.body().end(), '\0');
    return request;
}

// One connection: read a request, ask the handler, (maybe) wait on a timer,
// write, and loop while the client keeps the connection alive. Everything
// runs on the connection's strand.
template <typename Stream> class Session : public std::enable_shared_from_this<Session<Stream>> {
public:
    static constexpr bool IsTls = !std::is_same_v<Stream, beast::tcp_stream>;

    template <typename... StreamArgs>
    explicit Session(const Shared &shared, StreamArgs &&...args)
        : m_shared(shared), m_stream(std::forward<StreamArgs>(args)...), m_timer(m_stream.get_executor())
    {}

    void run()
    {
        net::dispatch(m_stream.get_executor(), [self = this->shared_from_this()] { self->begin(); });
    }

private:
    void begin()
    {
        if constexpr (IsTls) {
            beast::get_lowest_layer(m_stream).expires_after(std::chrono::seconds(30));
            m_stream.async_handshake(ssl::stream_base::server,
                                     [self = this->shared_from_this()](error_code ec) {
                                         if (!ec)
                                             self->readNext();
                                     });
        } else {
            readNext();
        }
    }

    void readNext()
    {
        m_parser.emplace();
        m_parser->body_limit(m_shared.bodyLimit);
        m_parser->header_limit(64 * 1024);
        beast::get_lowest_layer(m_stream).expires_after(IdleTimeout);
        http::async_read_header(
            m_stream, m_buffer, *m_parser,
            [self = this->shared_from_this()](error_code ec, std::size_t) { self->onHeader(ec); });
    }

    // Clients such as curl send "Expect: 100-continue" with larger bodies and
    // wait for the go-ahead; answer it the way Go's server (OpenBao) does.
    void onHeader(error_code ec)
    {
        if (ec) {
            onRead(ec);
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

    void readBody()
    {
        http::async_read(m_stream, m_buffer, *m_parser,
                         [self = this->shared_from_this()](error_code ec, std::size_t) { self->onRead(ec); });
    }

    void onRead(error_code ec)
    {
        if (ec == http::error::body_limit) {
            HttpResponse tooLarge;
            tooLarge.status = 413;
            tooLarge.body = R"({"errors":["http: request body too large"]})";
            m_keepAlive = false;
            m_drainAfterWrite = true;
            write(std::move(tooLarge));
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
                HttpResponse bad;
                bad.status = 400;
                bad.body = R"({"errors":["malformed HTTP request"]})";
                m_keepAlive = false;
                write(std::move(bad));
            }
            return;
        }
        auto &message = m_parser->get();
        m_keepAlive = message.keep_alive();
        m_version = message.version();
        HttpRequest request = toRequest(message);
        HttpResponse response = m_shared.handler(request);
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
        if (!response.body.isEmpty()) {
            message->set(http::field::content_type, "application/json");
            message->body().assign(response.body.constData(), size_t(response.body.size()));
            // An export answer carries a private key: leave no copy behind.
            crypto::wipe(response.body);
        }
        message->keep_alive(m_keepAlive);
        if (response.status != 204) // 204 carries no Content-Length at all
            message->prepare_payload();
        beast::get_lowest_layer(m_stream).expires_after(WriteTimeout);
        auto onWritten = [self = this->shared_from_this(), message](error_code ec, std::size_t) {
            std::fill(message->body().begin(), message->body().end(), '\0');
            if (ec)
                return;
            if (self->m_drainAfterWrite)
                self->drain();
            else if (!self->m_keepAlive)
                self->close();
            else
                self->readNext();
        };
        if (response.headOnly) {
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

    const Shared &m_shared;
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
    Impl(Config config, Handler handler) : m_config(std::move(config))
    {
        m_shared.handler = std::move(handler);
    }

    Expected<quint16, SignerStartError> start()
    {
        using Kind = SignerStartError::Kind;
        m_shared.bodyLimit = m_config.bodyLimit;
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
            m_tls->use_private_key_file(QFile::encodeName(m_config.tlsKeyFile).toStdString(),
                                        ssl::context::pem, ec);
            if (ec)
                return unexpected(SignerStartError{
                    Kind::TlsFailed, QStringLiteral("cannot load TLS key %1: %2")
                                         .arg(m_config.tlsKeyFile, QString::fromStdString(ec.message()))});
        }

        m_ioc = std::make_unique<net::io_context>(std::max(1, m_config.threads));
        m_acceptor = std::make_unique<tcp::acceptor>(*m_ioc);
        const tcp::endpoint endpoint(address, m_config.port);
        const auto bindError = [&](const char *step) {
            const QString message = QStringLiteral("cannot %1 %2:%3: %4")
                                        .arg(QLatin1String(step), m_config.host)
                                        .arg(m_config.port)
                                        .arg(QString::fromStdString(ec.message()));
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
        m_ioc->stop();
        for (auto &thread : m_threads)
            thread.join();
        m_threads.clear();
        m_acceptor.reset();
        m_ioc.reset(); // destroys the sessions still queued in it
    }

private:
    void accept()
    {
        m_acceptor->async_accept(net::make_strand(*m_ioc), [this](error_code ec, tcp::socket socket) {
            if (ec == net::error::operation_aborted)
                return;
            if (!ec) {
                socket.set_option(tcp::no_delay(true), ec);
                if (m_tls)
                    std::make_shared<Session<beast::ssl_stream<beast::tcp_stream>>>(m_shared,
                                                                                    std::move(socket), *m_tls)
                        ->run();
                else
                    std::make_shared<Session<beast::tcp_stream>>(m_shared, std::move(socket))->run();
            }
            accept();
        });
    }

    Config m_config;
    Shared m_shared;
    std::optional<ssl::context> m_tls;
    std::unique_ptr<net::io_context> m_ioc;
    std::unique_ptr<tcp::acceptor> m_acceptor;
    std::vector<std::thread> m_threads;
};

HttpListener::HttpListener(Config config, Handler handler)
    : m_impl(std::make_unique<Impl>(std::move(config), std::move(handler)))
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
