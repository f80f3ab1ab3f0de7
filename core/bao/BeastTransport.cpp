#include "core/bao/BeastTransport.h"

#include "core/bao/BeastConnection.h"
#include "core/bao/BeastDial.h"
#include "core/bao/CancelToken.h"
#include "core/bao/Http2Pool.h"
#include "core/bao/IoLoop.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include <openssl/crypto.h>
#include <openssl/ssl.h>

#include <poll.h>

#include <atomic>
#include <chrono>

namespace baokeys::bao {

namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;
using boost::system::error_code;
using dial::Origin;
using dial::originOf;
using dial::text;
using dial::transportError;

using dial::MaxAnswerBytes;

using dial::wipe;

// Zeroes memory before giving it back: a request's header fields hold the token.
template <typename T> struct WipingAllocator {
    using value_type = T;
    WipingAllocator() = default;
    template <typename U> WipingAllocator(const WipingAllocator<U> &) noexcept {}
    T *allocate(std::size_t n) { return std::allocator<T>().allocate(n); }
    void deallocate(T *memory, std::size_t n) noexcept
    {
        OPENSSL_cleanse(memory, n * sizeof(T));
        std::allocator<T>().deallocate(memory, n);
    }
    friend bool operator==(const WipingAllocator &, const WipingAllocator &) { return true; }
};

// The read buffer keeps the raw bytes of the last answer (an export carries a
// private key) until they are overwritten: zero its whole storage.
void wipe(beast::flat_buffer &buffer)
{
    buffer.consume(buffer.size());
    const auto storage = buffer.prepare(buffer.capacity());
    OPENSSL_cleanse(storage.data(), storage.size());
}

} // namespace

// The state of one connection. Held by a shared_ptr: a cancel or a deadline
// posts an abort to the executor, which may run after the exchange (or the
// connection) is gone; it holds a weak_ptr and a generation.
class BeastConnection::Socket : public std::enable_shared_from_this<BeastConnection::Socket> {
public:
    Socket(const BaoSettings &settings, net::any_io_executor executor, net::io_context *http2Loop)
        : m_executor(std::move(executor)), m_timer(m_executor), m_timeout(settings.timeout),
          m_caCertFile(settings.caCertFile), m_verifyPeer(!settings.tlsSkipVerify),
          m_http2Loop(settings.http2 ? http2Loop : nullptr)
    {}
    ~Socket() { close(); }

    net::awaitable<HttpAnswer> exchange(HttpCall &call, CancelToken *cancel);
    const net::any_io_executor &executor() const { return m_executor; }

private:
    using Request = http::request<http::string_body, http::basic_fields<WipingAllocator<char>>>;
    using Parser = http::response_parser<http::string_body>;

    bool isOpen() const { return m_socket || m_tls; }
    tcp::socket &socket() { return m_tls ? m_tls->next_layer() : *m_socket; }
    bool stopped() const { return m_cancelled || m_timedOut; }
    net::awaitable<std::optional<BaoError>> open(const Origin &origin);
    void close();
    bool closedByPeer();
    net::awaitable<error_code> roundTrip(const Request &request, Parser &parser);
    template <typename Stream>
    net::awaitable<error_code> roundTrip(Stream &stream, const Request &request, Parser &parser);
    // Ends whatever step is under way (a cancel, the deadline); runs on the executor.
    void abort(quint64 generation, bool deadline);
    void armDeadline(quint64 generation);
    BaoError failure(const error_code &ec, const QString &context) const;

    net::any_io_executor m_executor;
    net::steady_timer m_timer; // the exchange's deadline
    std::chrono::milliseconds m_timeout;
    QString m_caCertFile;
    bool m_verifyPeer = true;
    std::shared_ptr<ssl::context> m_tlsContext; // taken at the first https connection
    net::io_context *m_http2Loop = nullptr;     // null: HTTP/1.1 only
    std::shared_ptr<Http2Pool> m_http2;         // the pool of the origin last reached over HTTP/2

    std::unique_ptr<tcp::socket> m_socket;           // plain HTTP, or
    std::unique_ptr<ssl::stream<tcp::socket>> m_tls; // HTTPS
    std::optional<Origin> m_origin;                  // what the open connection reaches
    beast::flat_buffer m_buffer;

    bool m_timedOut = false;
    bool m_connectFailed = false; // open() found no server (not a TLS failure): nothing was sent
    std::atomic<bool> m_cancelled{false};
    // Counts exchanges: an abort posted by a cancel or a deadline that came
    // too late for one exchange must not touch the next.
    quint64 m_generation = 0;
};

net::awaitable<HttpAnswer> BeastConnection::Socket::exchange(HttpCall &call, CancelToken *cancel)
{
    HttpAnswer answer;
    const Origin origin = originOf(call.url);
    if (origin.secure && m_http2Loop) {
        if (!m_http2 || !(m_http2->origin() == origin))
            m_http2 = Http2Pool::shared(*m_http2Loop, origin, m_caCertFile, m_verifyPeer);
        if (!m_http2->declined()) {
            Http2Pool::Result result = co_await m_http2->exchange(call, cancel, m_timeout);
            if (!result.declined) {
                call.body.fill('\0');
                co_return std::move(result.answer);
            }
        }
    }
    if (origin.secure && !m_tlsContext) {
        auto context = dial::tlsContext(m_caCertFile, m_verifyPeer);
        if (!context) {
            call.body.fill('\0');
            answer.transportError = context.error();
            co_return answer;
        }
        m_tlsContext = *context;
    }

    Request request;
    const std::string method = call.method.toStdString();
    if (const http::verb verb = http::string_to_verb(method); verb != http::verb::unknown)
        request.method(verb);
    else
        request.method_string(method); // LIST
    request.target(dial::requestTarget(call.url));
    request.version(11);
    request.set(http::field::host, dial::authorityOf(call.url));
    request.set(http::field::content_type, "application/json");
    for (const auto &[name, value] : std::as_const(call.headers))
        request.set(std::string_view(name.constData(), std::size_t(name.size())),
                    std::string_view(value.constData(), std::size_t(value.size())));
    request.body().assign(call.body.constData(), std::size_t(call.body.size()));
    call.body.fill('\0');
    request.prepare_payload();

    m_timedOut = false;
    m_cancelled = false;
    const quint64 generation = ++m_generation;
    armDeadline(generation);
    CancelToken::SubscriptionId subscription = 0;
    if (cancel) {
        // Runs on the cancelling thread: only flag it and post the abort here.
        subscription = cancel->subscribe([weak = weak_from_this(), generation] {
            if (auto self = weak.lock()) {
                self->m_cancelled = true;
                net::post(self->m_executor, [weak, generation] {
                    if (auto alive = weak.lock())
                        alive->abort(generation, false);
                });
            }
        });
    }

    for (int attempt = 0;; ++attempt) {
        // A request that may go out twice skips the check for a connection
        // the server closed while it was idle (a system call per request):
        // sent on such a connection, it comes back unanswered and goes out
        // once more on a new one, below. Any other request must not risk it.
        const bool reused = isOpen() && m_origin == origin && (call.repeatable || !closedByPeer());
        if (!reused) {
            close();
            m_connectFailed = false;
            if (auto failed = co_await open(origin)) {
                answer.transportError = failed;
                answer.connectFailed = m_connectFailed;
                break;
            }
        }
        Parser parser;
        parser.body_limit(MaxAnswerBytes);
        const error_code ec = co_await roundTrip(request, parser);
        if (!ec) {
            auto &response = parser.get();
            answer.status = int(response.result_int());
            answer.body = QByteArray(response.body().data(), qsizetype(response.body().size()));
            wipe(response.body()); // may hold an exported private key
            answer.location = QString::fromStdString(std::string(response[http::field::location]));
            answer.retryAfterSeconds = HttpTransport::retryAfterSeconds(
                QByteArray::fromStdString(std::string(response[http::field::retry_after])));
            if (!response.keep_alive())
                close();
            break;
        }
        close();
        // The server may close a kept connection just as a request goes out,
        // or a new one before reading from it (a server at its connection cap
        // closes connections that have sent nothing yet to make room). When
        // nothing came back, send once more on a new connection - only a
        // request that is safe to repeat: a create may have arrived.
        // (Over TLS, a server that closes without close_notify reads as a truncated stream.)
        const bool closedUnanswered = ec == net::error::eof || ec == http::error::end_of_stream ||
                                      ec == net::error::connection_reset || ec == net::error::broken_pipe ||
                                      ec == ssl::error::stream_truncated;
        if (call.repeatable && attempt == 0 && closedUnanswered && !parser.got_some() && !stopped())
            continue;
        BaoError lost = failure(ec, QStringLiteral("exchange with %1").arg(origin.describe()));
        if (parser.is_header_done())
            lost.httpStatus = int(parser.get().result_int());
        answer.transportError = call.repeatable ? lost : HttpTransport::outcomeUnknown(lost);
        break;
    }
    if (cancel)
        cancel->unsubscribe(subscription);
    ++m_generation; // a late abort (deadline, cancel) finds another generation
    m_timer.cancel();
    wipe(request.body());
    wipe(m_buffer);
    co_return answer;
}

// The deadline as one timer per exchange; past it, the step under way ends.
void BeastConnection::Socket::armDeadline(quint64 generation)
{
    m_timer.expires_after(m_timeout);
    m_timer.async_wait([weak = weak_from_this(), generation](const error_code &ec) {
        if (ec)
            return; // cancelled: the exchange ended in time
        if (auto self = weak.lock())
            self->abort(generation, true);
    });
}

void BeastConnection::Socket::abort(quint64 generation, bool deadline)
{
    if (generation != m_generation)
        return;
    if (deadline)
        m_timedOut = true;
    if (isOpen()) {
        error_code ignored;
        socket().cancel(ignored);
    }
}

net::awaitable<std::optional<BaoError>> BeastConnection::Socket::open(const Origin &origin)
{
    if (stopped())
        co_return failure(net::error::operation_aborted, {});
    error_code ec;
    const tcp::resolver::results_type endpoints = dial::resolve(m_executor, origin, ec);
    if (ec) {
        m_connectFailed = true;
        co_return transportError(
            QStringLiteral("cannot resolve '%1': %2").arg(QString::fromStdString(origin.host), text(ec)));
    }

    if (origin.secure)
        m_tls = std::make_unique<ssl::stream<tcp::socket>>(m_executor, *m_tlsContext);
    else
        m_socket = std::make_unique<tcp::socket>(m_executor);
    // A named function, not a temporary of the co_await expression (GCC 12
    // destroys those twice when they own something).
    const std::function<bool()> isStopped = [this] { return stopped(); };
    co_await dial::connect(socket(), endpoints, isStopped, ec);
    if (!ec && stopped())
        ec = net::error::operation_aborted; // the abort came between two steps
    if (ec) {
        close();
        m_connectFailed = !stopped();
        co_return failure(ec, QStringLiteral("cannot connect to %1").arg(origin.describe()));
    }
    socket().set_option(tcp::no_delay(true), ec); // one request, one answer: never wait to fill a segment

    if (origin.secure) {
        dial::prepareTls(m_tls->native_handle(), origin, m_verifyPeer);
        co_await m_tls->async_handshake(ssl::stream_base::client,
                                        net::redirect_error(net::use_awaitable, ec));
        if (!ec && stopped())
            ec = net::error::operation_aborted;
        if (ec) {
            BaoError error =
                failure(ec, QStringLiteral("TLS handshake with %1 failed").arg(origin.describe()));
            dial::explainHandshake(error, m_tls->native_handle());
            close();
            co_return error;
        }
    }
    m_origin = origin;
    co_return std::nullopt;
}

void BeastConnection::Socket::close()
{
    if (isOpen()) {
        error_code ignored;
        socket().close(ignored); // sends the FIN itself: no shutdown() first (a system call per socket)
    }
    m_tls.reset();
    m_socket.reset();
    m_origin.reset();
    wipe(m_buffer);
}

// A kept connection the server has closed while it was idle (an idle
// timeout, a restart) reads as end of stream: open a new one instead.
bool BeastConnection::Socket::closedByPeer()
{
    pollfd descriptor{socket().native_handle(), POLLRDHUP, 0};
    return ::poll(&descriptor, 1, 0) != 0;
}

net::awaitable<error_code> BeastConnection::Socket::roundTrip(const Request &request, Parser &parser)
{
    if (m_tls)
        co_return co_await roundTrip(*m_tls, request, parser);
    co_return co_await roundTrip(*m_socket, request, parser);
}

// The request, then its answer. A step that starts after an abort was
// posted (between two steps) is not started: the abort would miss it.
template <typename Stream>
net::awaitable<error_code> BeastConnection::Socket::roundTrip(Stream &stream, const Request &request,
                                                              Parser &parser)
{
    if (stopped())
        co_return net::error::operation_aborted;
    error_code ec;
    co_await http::async_write(stream, request, net::redirect_error(net::use_awaitable, ec));
    if (!ec && stopped())
        ec = net::error::operation_aborted;
    if (ec)
        co_return ec;
    co_await http::async_read(stream, m_buffer, parser, net::redirect_error(net::use_awaitable, ec));
    co_return ec;
}

BaoError BeastConnection::Socket::failure(const error_code &ec, const QString &context) const
{
    if (m_cancelled)
        return HttpTransport::aborted();
    if (m_timedOut)
        return HttpTransport::timedOut(m_timeout);
    if (ec == http::error::body_limit)
        return transportError(
            QStringLiteral("%1: the answer is larger than %2 MiB").arg(context).arg(MaxAnswerBytes >> 20));
    return transportError(QStringLiteral("%1: %2").arg(context, text(ec)));
}

BeastConnection::BeastConnection(const BaoSettings &settings, net::any_io_executor executor,
                                 net::io_context *http2Loop)
    : m_socket(std::make_shared<Socket>(settings, std::move(executor), http2Loop))
{}

BeastConnection::~BeastConnection() = default;

const net::any_io_executor &BeastConnection::executor() const
{
    return m_socket->executor();
}

net::awaitable<HttpAnswer> BeastConnection::exchange(HttpCall &call, CancelToken *cancel)
{
    co_return co_await m_socket->exchange(call, cancel);
}

// Blocking use: an io_context of the transport's own, run on the calling
// thread for the length of one exchange.
struct BeastTransport::OwnLoop {
    net::io_context context{1};
};

BeastTransport::BeastTransport(const BaoSettings &settings)
    : m_ownLoop(std::make_unique<OwnLoop>()),
      m_connection(std::make_unique<BeastConnection>(settings, m_ownLoop->context.get_executor()))
{}

BeastTransport::BeastTransport(const BaoSettings &settings, IoEngine &engine)
    : m_connection(std::make_unique<BeastConnection>(settings, net::make_strand(engine.loop().context),
                                                     &engine.loop().context))
{}

int BeastTransport::nameLookups()
{
    return dial::nameLookups();
}

BeastTransport::~BeastTransport()
{
    m_connection.reset(); // before the loop its sockets live on
}

HttpAnswer BeastTransport::exchange(HttpCall &call, CancelToken *cancel)
{
    Q_ASSERT(m_ownLoop); // on an IoEngine only asynchronous calls are made
    std::optional<HttpAnswer> answer;
    net::io_context &loop = m_ownLoop->context;
    loop.restart();
    net::co_spawn(loop, m_connection->exchange(call, cancel),
                  [&answer](std::exception_ptr failed, HttpAnswer got) {
                      if (failed)
                          std::rethrow_exception(failed);
                      answer = std::move(got);
                  });
    loop.run();
    return std::move(*answer);
}

BeastConnection *BeastTransport::asyncConnection()
{
    return m_ownLoop ? nullptr : m_connection.get();
}

} // namespace baokeys::bao
