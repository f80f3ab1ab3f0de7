#include "core/bao/BeastTransport.h"

#include "core/bao/BeastConnection.h"
#include "core/bao/CancelToken.h"
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
#include <openssl/x509v3.h>

#include <poll.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>

namespace baokeys::bao {

namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;
using boost::system::error_code;

// A LIST of 100,000 keys with their key_info is about 25 MB.
constexpr std::uint64_t MaxAnswerBytes = 64ull * 1024 * 1024;

void wipe(std::string &secret)
{
    OPENSSL_cleanse(secret.data(), secret.size());
}

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

BaoError transportError(const QString &message)
{
    return BaoError{BaoErrorKind::Transport, message, 0, {}};
}

QString text(const error_code &ec)
{
    return QString::fromStdString(ec.message());
}

// Where a connection goes; a kept connection is reused only for the same one.
struct Origin {
    bool secure = false;
    std::string host; // without IPv6 brackets
    std::string port;
    bool operator==(const Origin &) const = default;

    QString describe() const
    {
        return QStringLiteral("%1:%2").arg(QString::fromStdString(host), QString::fromStdString(port));
    }
};

Origin originOf(const QUrl &url)
{
    Origin origin;
    origin.secure = url.scheme() == QLatin1String("https");
    origin.host = url.host(QUrl::FullyEncoded).toStdString();
    origin.port = std::to_string(url.port(origin.secure ? 443 : 80));
    return origin;
}

// OpenSSL 3 parses the whole CA bundle when a context learns where it is
// (about 45 ms here): every lane of a batch would pay that on its first
// request. Contexts are shared instead, one per CA choice, for as long as a
// connection uses them; an SSL_CTX is safe to share once it is set up.
//
// Thread-safety: acquire() may be called from any thread.
class TlsContexts {
public:
    static Expected<std::shared_ptr<ssl::context>, BaoError> acquire(const QString &caCertFile,
                                                                     bool verifyPeer)
    {
        static TlsContexts contexts;
        return contexts.find(caCertFile, verifyPeer);
    }

private:
    Expected<std::shared_ptr<ssl::context>, BaoError> find(const QString &caCertFile, bool verifyPeer)
    {
        const QString key = verifyPeer ? QStringLiteral("verify:") + caCertFile : QStringLiteral("none");
        std::lock_guard lock(m_mutex);
        if (auto shared = m_contexts[key].lock())
            return shared;
        auto context = std::make_shared<ssl::context>(ssl::context::tls_client);
        context->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                             ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
        if (verifyPeer) {
            context->set_verify_mode(ssl::verify_peer);
            error_code ec;
            if (caCertFile.isEmpty())
                context->set_default_verify_paths(ec);
            else
                context->load_verify_file(caCertFile.toStdString(), ec);
            if (ec && !caCertFile.isEmpty())
                return unexpected(HttpTransport::unusableCaFile(caCertFile));
            if (ec)
                return unexpected(transportError(
                    QStringLiteral("the system CA certificates cannot be loaded: %1").arg(text(ec))));
        }
        m_contexts[key] = context;
        return context;
    }

    std::mutex m_mutex;
    std::map<QString, std::weak_ptr<ssl::context>> m_contexts; // guarded by m_mutex
};

bool isIpAddress(const std::string &host)
{
    error_code ec;
    (void)net::ip::make_address(host, ec);
    return !ec;
}

// Host names resolved in the last half minute, shared by every connection
// of the process. A cold batch opens hundreds of connections to one server
// at once, and each would otherwise call getaddrinfo, which blocks the loop
// thread it runs on (no deadline of ours reaches it) for a DNS round trip:
// a thousand lanes to https://bao.internal:8200 would wait seconds on the
// DNS, the warm lanes on the same thread with them. A failure is not kept.
class ResolvedNames {
public:
    static ResolvedNames &shared()
    {
        static ResolvedNames names;
        return names;
    }

    tcp::resolver::results_type resolve(const net::any_io_executor &executor, const std::string &host,
                                        const std::string &port, error_code &ec)
    {
        // Held across the lookup: a connection that needs the same name
        // waits for this answer instead of asking the DNS too.
        std::lock_guard lock(m_mutex);
        const auto now = std::chrono::steady_clock::now();
        const auto key = std::make_pair(host, port);
        if (const auto found = m_names.find(key); found != m_names.end() && now - found->second.at < KeptFor)
            return found->second.endpoints;
        ++m_lookups;
        tcp::resolver resolver(executor);
        auto endpoints = resolver.resolve(host, port, ec);
        if (ec)
            m_names.erase(key);
        else
            m_names[key] = Entry{endpoints, now};
        return endpoints;
    }

    int lookups() const
    {
        std::lock_guard lock(m_mutex);
        return m_lookups;
    }

private:
    static constexpr std::chrono::seconds KeptFor{30};
    struct Entry {
        tcp::resolver::results_type endpoints;
        std::chrono::steady_clock::time_point at;
    };
    mutable std::mutex m_mutex;
    std::map<std::pair<std::string, std::string>, Entry> m_names; // guarded by m_mutex
    int m_lookups = 0;                                            // guarded by m_mutex
};

} // namespace

// The state of one connection. Held by a shared_ptr: a cancel or a deadline
// posts an abort to the executor, which may run after the exchange (or the
// connection) is gone; it holds a weak_ptr and a generation.
class BeastConnection::Socket : public std::enable_shared_from_this<BeastConnection::Socket> {
public:
    Socket(const BaoSettings &settings, net::any_io_executor executor)
        : m_executor(std::move(executor)), m_timer(m_executor), m_timeout(settings.timeout),
          m_caCertFile(settings.caCertFile), m_verifyPeer(!settings.tlsSkipVerify)
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
    net::awaitable<void> connect(const tcp::resolver::results_type &endpoints, error_code &ec);
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
    if (origin.secure && !m_tlsContext) {
        auto context = TlsContexts::acquire(m_caCertFile, m_verifyPeer);
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
    QString target = call.url.path(QUrl::FullyEncoded);
    if (call.url.hasQuery())
        target += QLatin1Char('?') + call.url.query(QUrl::FullyEncoded);
    request.target(target.toStdString());
    request.version(11);
    QUrl authority = call.url;
    authority.setUserInfo(QString());
    request.set(http::field::host, authority.authority(QUrl::FullyEncoded).toStdString());
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
    tcp::resolver::results_type endpoints;
    if (isIpAddress(origin.host)) {
        endpoints = tcp::resolver::results_type::create(
            tcp::endpoint(net::ip::make_address(origin.host), net::ip::port_type(std::stoi(origin.port))),
            origin.host, origin.port);
    } else {
        // getaddrinfo blocks without our deadline: asked once for all the
        // connections opened within half a minute, which are kept afterwards.
        endpoints = ResolvedNames::shared().resolve(m_executor, origin.host, origin.port, ec);
    }
    if (ec) {
        m_connectFailed = true;
        co_return transportError(
            QStringLiteral("cannot resolve '%1': %2").arg(QString::fromStdString(origin.host), text(ec)));
    }

    if (origin.secure)
        m_tls = std::make_unique<ssl::stream<tcp::socket>>(m_executor, *m_tlsContext);
    else
        m_socket = std::make_unique<tcp::socket>(m_executor);
    co_await connect(endpoints, ec);
    if (!ec && stopped())
        ec = net::error::operation_aborted; // the abort came between two steps
    if (ec) {
        close();
        m_connectFailed = !stopped();
        co_return failure(ec, QStringLiteral("cannot connect to %1").arg(origin.describe()));
    }
    socket().set_option(tcp::no_delay(true), ec); // one request, one answer: never wait to fill a segment

    if (origin.secure) {
        if (!isIpAddress(origin.host))
            SSL_set_tlsext_host_name(m_tls->native_handle(), origin.host.c_str()); // SNI
        if (m_verifyPeer) {
            // OpenSSL's own check, so that a mismatch is named in the verdict.
            X509_VERIFY_PARAM *check = SSL_get0_param(m_tls->native_handle());
            if (isIpAddress(origin.host)) {
                X509_VERIFY_PARAM_set1_ip_asc(check, origin.host.c_str());
            } else {
                X509_VERIFY_PARAM_set_hostflags(check, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
                X509_VERIFY_PARAM_set1_host(check, origin.host.c_str(), 0);
            }
        }
        co_await m_tls->async_handshake(ssl::stream_base::client,
                                        net::redirect_error(net::use_awaitable, ec));
        if (!ec && stopped())
            ec = net::error::operation_aborted;
        if (ec) {
            const long verdict = SSL_get_verify_result(m_tls->native_handle());
            close();
            BaoError error =
                failure(ec, QStringLiteral("TLS handshake with %1 failed").arg(origin.describe()));
            if (error.kind == BaoErrorKind::Transport && verdict != X509_V_OK)
                error.message +=
                    QStringLiteral(": ") + QString::fromLatin1(X509_verify_cert_error_string(verdict));
            co_return error;
        }
    }
    m_origin = origin;
    co_return std::nullopt;
}

// The addresses in turn until one answers, as net::async_connect does, but
// with each socket opened here: asio's range connect reports a socket it
// could not open (no descriptor left: EMFILE) as "Operation canceled".
net::awaitable<void> BeastConnection::Socket::connect(const tcp::resolver::results_type &endpoints,
                                                      error_code &ec)
{
    ec = net::error::not_found;
    for (const auto &entry : endpoints) {
        error_code ignored;
        socket().close(ignored);
        socket().open(entry.endpoint().protocol(), ec);
        if (ec)
            co_return; // the next address would meet the same limit
        co_await socket().async_connect(entry.endpoint(), net::redirect_error(net::use_awaitable, ec));
        if (!ec || stopped())
            co_return;
    }
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

BeastConnection::BeastConnection(const BaoSettings &settings, net::any_io_executor executor)
    : m_socket(std::make_shared<Socket>(settings, std::move(executor)))
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
    : m_connection(std::make_unique<BeastConnection>(settings, net::make_strand(engine.loop().context)))
{}

int BeastTransport::nameLookups()
{
    return ResolvedNames::shared().lookups();
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
