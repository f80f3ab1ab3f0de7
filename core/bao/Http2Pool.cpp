#include "core/bao/Http2Pool.h"

#include "core/bao/CancelToken.h"

#include <boost/asio/async_result.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include <nghttp2/nghttp2.h>
#include <openssl/crypto.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

namespace baokeys::bao {

namespace {

namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;
using boost::system::error_code;
using Strand = net::strand<net::io_context::executor_type>;

// Streams a connection takes before the server has said how many it allows:
// RFC 9113 5.1.2 asks servers to allow at least 100.
constexpr std::uint32_t AssumedStreams = 100;
// A batch's streams are spread over at least this many connections once two
// are in flight: a server may work through one connection's streams on one
// thread (the embedded signer does), and the signing is the costly part.
constexpr std::size_t SpreadOver = 2;
constexpr std::size_t MaxConnections = 64;
// A request refused unprocessed (REFUSED_STREAM, a GOAWAY, a connection
// lost before it was written) goes out again, at most this many times in all.
constexpr int MaxSends = 3;
// What the server may send on one stream, and on the connection, before we
// have read it: a LIST of many keys arrives without waiting for updates.
constexpr std::int32_t ReceiveWindow = 16 << 20;

std::atomic<int> linksOpened{0};

using dial::wipe;

} // namespace

// One request on its way: what to send, and what has come back so far.
// Touched only on the pool's strand, but for `deliver`, which posts.
struct Http2Request {
    std::string method;
    std::string path;
    std::string authority;
    std::vector<std::pair<std::string, std::string>> headers; // names in lower case; the token among them
    std::string body;                                         // may hold a private key (import)
    bool repeatable = true;
    std::chrono::milliseconds timeout{30000};
    std::function<void(Http2Pool::Result)> deliver; // called once, then dropped
    std::unique_ptr<net::steady_timer> deadline;

    bool done = false;
    bool written = false; // its HEADERS went to the socket: the server may have it
    int sends = 0;
    bool resentAfterLoss = false; // sent again once after its connection died unanswered
    std::size_t bodySent = 0;
    HttpAnswer answer;
    bool answerTooLarge = false;

    ~Http2Request()
    {
        wipe(body);
        for (auto &header : headers)
            wipe(header.second);
    }
};

// The pool's connections, on one strand. Held by shared_ptr: every
// asynchronous step holds it until it completes.
class Http2Links : public std::enable_shared_from_this<Http2Links> {
public:
    Http2Links(net::io_context &loop, dial::Origin origin, QString caCertFile, bool verifyPeer,
               std::shared_ptr<std::atomic<bool>> declined)
        : m_strand(net::make_strand(loop)), m_origin(std::move(origin)), m_caCertFile(std::move(caCertFile)),
          m_verifyPeer(verifyPeer), m_declined(std::move(declined))
    {}

    const Strand &strand() const { return m_strand; }

    void submit(const std::shared_ptr<Http2Request> &request);
    void abort(const std::shared_ptr<Http2Request> &request, BaoError why);
    void shutdown();

private:
    struct Link;
    friend struct Http2ClientCallbacks;

    std::shared_ptr<Link> pick();
    std::shared_ptr<Link> open();
    net::awaitable<void> connect(std::shared_ptr<Link> link, std::shared_ptr<Http2Links> keepAlive);
    void start(Link &link, const std::shared_ptr<Http2Request> &request);
    void read(const std::shared_ptr<Link> &link);
    void flush(const std::shared_ptr<Link> &link);
    void lost(const std::shared_ptr<Link> &link, const BaoError &why);
    void streamClosed(Link &link, std::int32_t stream, std::uint32_t errorCode);
    // `declined`: the server chose HTTP/1.1 and nothing was sent (`answer` is empty).
    void complete(const std::shared_ptr<Http2Request> &request, HttpAnswer answer, bool declined = false);
    void fail(const std::shared_ptr<Http2Request> &request, BaoError why);
    enum class Loss { Stream, Connection };
    void resendOrFail(const std::shared_ptr<Http2Request> &request, const BaoError &why, Loss loss);
    BaoError lostInWords(const QString &what) const;

    Strand m_strand;
    dial::Origin m_origin;
    QString m_caCertFile;
    bool m_verifyPeer = true;
    std::shared_ptr<std::atomic<bool>> m_declined;
    std::vector<std::shared_ptr<Link>> m_links;
    bool m_shutDown = false; // the pool is gone: nothing new starts
};

struct Http2Links::Link {
    Http2Links *owner = nullptr;
    std::unique_ptr<ssl::stream<tcp::socket>> tls;
    nghttp2_session *session = nullptr;
    bool ready = false;     // TLS up, HTTP/2 agreed
    bool closed = false;    // lost or shut: no more I/O
    bool goingAway = false; // a GOAWAY came: no new streams
    bool writing = false;
    std::uint32_t maxStreams = AssumedStreams;
    std::vector<std::shared_ptr<Http2Request>> waiting;            // until ready
    std::map<std::int32_t, std::shared_ptr<Http2Request>> streams; // open streams
    std::array<char, 16384> readBuffer{};
    std::string output; // being written

    std::size_t load() const { return waiting.size() + streams.size(); }
    bool takesMore() const { return !closed && !goingAway && load() < maxStreams; }
    ~Link()
    {
        if (session)
            nghttp2_session_del(session);
        OPENSSL_cleanse(readBuffer.data(), readBuffer.size());
        wipe(output);
    }
};

// nghttp2's C callbacks: user_data is the Link, a stream's user data its request.
struct Http2ClientCallbacks {
    using Link = Http2Links::Link;
    static Link &link(void *userData) { return *static_cast<Link *>(userData); }
    static Http2Request *request(nghttp2_session *session, std::int32_t stream)
    {
        return static_cast<Http2Request *>(nghttp2_session_get_stream_user_data(session, stream));
    }

    static int frameSent(nghttp2_session *session, const nghttp2_frame *frame, void *)
    {
        if (frame->hd.type == NGHTTP2_HEADERS)
            if (auto *sent = request(session, frame->hd.stream_id))
                sent->written = true;
        return 0;
    }

    static int frameReceived(nghttp2_session *session, const nghttp2_frame *frame, void *userData)
    {
        Link &self = link(userData);
        if (frame->hd.type == NGHTTP2_SETTINGS && !(frame->hd.flags & NGHTTP2_FLAG_ACK))
            self.maxStreams = std::max<std::uint32_t>(
                1, nghttp2_session_get_remote_settings(session, NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS));
        else if (frame->hd.type == NGHTTP2_GOAWAY)
            self.goingAway = true; // streams past its last one close with REFUSED_STREAM
        return 0;
    }

    static int header(nghttp2_session *session, const nghttp2_frame *frame, const std::uint8_t *name,
                      std::size_t nameLength, const std::uint8_t *value, std::size_t valueLength,
                      std::uint8_t, void *)
    {
        auto *got = request(session, frame->hd.stream_id);
        if (!got || got->done)
            return 0;
        const std::string_view field(reinterpret_cast<const char *>(name), nameLength);
        const QByteArray text(reinterpret_cast<const char *>(value), qsizetype(valueLength));
        if (field == ":status") {
            const int status = text.toInt();
            if (status >= 200) // not an interim 1xx
                got->answer.status = status;
        } else if (field == "location") {
            got->answer.location = QString::fromUtf8(text);
        } else if (field == "retry-after") {
            got->answer.retryAfterSeconds = HttpTransport::retryAfterSeconds(text);
        }
        return 0;
    }

    static int dataChunk(nghttp2_session *session, std::uint8_t, std::int32_t stream,
                         const std::uint8_t *data, std::size_t length, void *)
    {
        auto *got = request(session, stream);
        if (!got || got->done || got->answerTooLarge)
            return 0;
        QByteArray &body = got->answer.body;
        if (std::uint64_t(body.size()) + length > dial::MaxAnswerBytes) {
            got->answerTooLarge = true;
            nghttp2_submit_rst_stream(session, NGHTTP2_FLAG_NONE, stream, NGHTTP2_CANCEL);
            return 0;
        }
        body.append(reinterpret_cast<const char *>(data), qsizetype(length));
        return 0;
    }

    static int streamClosed(nghttp2_session *, std::int32_t stream, std::uint32_t errorCode, void *userData)
    {
        Link &self = link(userData);
        self.owner->streamClosed(self, stream, errorCode);
        return 0;
    }

    static ssize_t readBody(nghttp2_session *, std::int32_t, std::uint8_t *buffer, std::size_t length,
                            std::uint32_t *flags, nghttp2_data_source *source, void *)
    {
        auto *sending = static_cast<Http2Request *>(source->ptr);
        const std::size_t taken = std::min(length, sending->body.size() - sending->bodySent);
        std::memcpy(buffer, sending->body.data() + sending->bodySent, taken);
        sending->bodySent += taken;
        if (sending->bodySent == sending->body.size())
            *flags |= NGHTTP2_DATA_FLAG_EOF;
        return ssize_t(taken);
    }
};

void Http2Links::submit(const std::shared_ptr<Http2Request> &request)
{
    if (request->done)
        return;
    if (!request->deadline) {
        request->deadline = std::make_unique<net::steady_timer>(m_strand, request->timeout);
        // Weak: the timer belongs to the request, which must not keep itself alive.
        request->deadline->async_wait(
            [self = shared_from_this(), weak = std::weak_ptr(request)](const error_code &ec) {
                if (auto timedOut = weak.lock(); timedOut && !ec)
                    self->abort(timedOut, HttpTransport::timedOut(timedOut->timeout));
            });
    }
    if (m_declined->load()) {
        complete(request, HttpAnswer(), true);
        return;
    }
    if (m_shutDown) {
        fail(request, HttpTransport::aborted());
        return;
    }
    ++request->sends;
    std::shared_ptr<Link> link = pick();
    if (!link)
        link = open();
    if (!link->ready) {
        link->waiting.push_back(request);
        return;
    }
    start(*link, request);
    flush(link);
}

// The connection with room and the fewest streams; null when a new one
// should be opened (none has room, or a batch is not spread yet).
std::shared_ptr<Http2Links::Link> Http2Links::pick()
{
    std::shared_ptr<Link> best;
    for (const auto &link : m_links)
        if (link->takesMore() && (!best || link->load() < best->load()))
            best = link;
    if (m_links.size() >= MaxConnections) // full: the least loaded one queues it
        return best ? best
                    : *std::min_element(m_links.begin(), m_links.end(),
                                        [](const auto &a, const auto &b) { return a->load() < b->load(); });
    if (!best || (m_links.size() < SpreadOver && best->load() > 0))
        return nullptr;
    return best;
}

std::shared_ptr<Http2Links::Link> Http2Links::open()
{
    auto link = std::make_shared<Link>();
    link->owner = this;
    m_links.push_back(link);
    ++linksOpened;
    net::co_spawn(m_strand, connect(link, shared_from_this()), net::detached);
    return link;
}

// `keepAlive` is this pool's own reference, held by the coroutine's frame
// until it ends: the pool may be let go of while a connection is opening.
net::awaitable<void> Http2Links::connect(std::shared_ptr<Link> link,
                                         [[maybe_unused]] std::shared_ptr<Http2Links> keepAlive)
{
    const auto failWaiting = [this, &link](const BaoError &why, bool connectFailed) {
        link->closed = true;
        std::erase(m_links, link);
        for (const auto &request : std::exchange(link->waiting, {})) {
            if (request->done)
                continue;
            HttpAnswer answer;
            answer.transportError = why; // nothing was sent
            answer.connectFailed = connectFailed;
            complete(request, std::move(answer));
        }
    };
    auto context = dial::tlsContext(m_caCertFile, m_verifyPeer, dial::Alpn::Http2);
    if (!context) {
        failWaiting(context.error(), false);
        co_return;
    }
    error_code ec;
    const auto endpoints = dial::resolve(m_strand, m_origin, ec);
    if (ec) {
        failWaiting(dial::transportError(QStringLiteral("cannot resolve '%1': %2")
                                             .arg(QString::fromStdString(m_origin.host), dial::text(ec))),
                    true);
        co_return;
    }
    link->tls = std::make_unique<ssl::stream<tcp::socket>>(m_strand, **context);
    const std::function<bool()> shutDown = [&link] { return link->closed; }; // not a temporary: see handOver
    co_await dial::connect(link->tls->next_layer(), endpoints, shutDown, ec);
    if (link->closed)
        co_return; // shut down meanwhile
    if (ec) {
        failWaiting(dial::transportError(
                        QStringLiteral("cannot connect to %1: %2").arg(m_origin.describe(), dial::text(ec))),
                    true);
        co_return;
    }
    link->tls->next_layer().set_option(tcp::no_delay(true), ec);
    dial::prepareTls(link->tls->native_handle(), m_origin, m_verifyPeer);
    co_await link->tls->async_handshake(ssl::stream_base::client,
                                        net::redirect_error(net::use_awaitable, ec));
    if (link->closed)
        co_return;
    if (ec) {
        BaoError why = dial::transportError(
            QStringLiteral("TLS handshake with %1 failed: %2").arg(m_origin.describe(), dial::text(ec)));
        dial::explainHandshake(why, link->tls->native_handle());
        failWaiting(why, false);
        co_return;
    }
    const unsigned char *protocol = nullptr;
    unsigned int length = 0;
    SSL_get0_alpn_selected(link->tls->native_handle(), &protocol, &length);
    if (std::string_view(reinterpret_cast<const char *>(protocol), length) != "h2") {
        // An HTTP/1.1 server (or a proxy in front of one): every lane speaks
        // HTTP/1.1 to it from now on. Nothing was sent on this connection.
        m_declined->store(true);
        link->closed = true;
        std::erase(m_links, link);
        for (const auto &request : std::exchange(link->waiting, {})) {
            if (request->done)
                continue;
            --request->sends;
            submit(request); // answers "declined"
        }
        co_return;
    }

    nghttp2_session_callbacks *callbacks = nullptr;
    nghttp2_session_callbacks_new(&callbacks);
    nghttp2_session_callbacks_set_on_frame_send_callback(callbacks, &Http2ClientCallbacks::frameSent);
    nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks, &Http2ClientCallbacks::frameReceived);
    nghttp2_session_callbacks_set_on_header_callback(callbacks, &Http2ClientCallbacks::header);
    nghttp2_session_callbacks_set_on_data_chunk_recv_callback(callbacks, &Http2ClientCallbacks::dataChunk);
    nghttp2_session_callbacks_set_on_stream_close_callback(callbacks, &Http2ClientCallbacks::streamClosed);
    nghttp2_session_client_new(&link->session, callbacks, link.get());
    nghttp2_session_callbacks_del(callbacks);
    const nghttp2_settings_entry settings[] = {
        {NGHTTP2_SETTINGS_ENABLE_PUSH, 0},
        {NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE, std::uint32_t(ReceiveWindow)},
    };
    nghttp2_submit_settings(link->session, NGHTTP2_FLAG_NONE, settings, std::size(settings));
    nghttp2_session_set_local_window_size(link->session, NGHTTP2_FLAG_NONE, 0, ReceiveWindow);
    link->ready = true;
    for (const auto &request : std::exchange(link->waiting, {}))
        if (!request->done)
            start(*link, request);
    flush(link);
    read(link);
}

void Http2Links::start(Link &link, const std::shared_ptr<Http2Request> &request)
{
    std::vector<nghttp2_nv> fields;
    const auto add = [&fields](const std::string &name, const std::string &value) {
        fields.push_back(nghttp2_nv{reinterpret_cast<std::uint8_t *>(const_cast<char *>(name.data())),
                                    reinterpret_cast<std::uint8_t *>(const_cast<char *>(value.data())),
                                    name.size(), value.size(), NGHTTP2_NV_FLAG_NONE});
    };
    static const std::string method = ":method", scheme = ":scheme", https = "https",
                             authority = ":authority", path = ":path", contentType = "content-type",
                             json = "application/json", contentLength = "content-length";
    add(method, request->method);
    add(scheme, https);
    add(authority, request->authority);
    add(path, request->path);
    add(contentType, json);
    const std::string length = std::to_string(request->body.size());
    if (!request->body.empty())
        add(contentLength, length);
    for (const auto &[name, value] : request->headers)
        add(name, value);
    request->bodySent = 0;
    request->written = false;
    request->answer = HttpAnswer();
    nghttp2_data_provider provider{};
    provider.source.ptr = request.get();
    provider.read_callback = &Http2ClientCallbacks::readBody;
    const std::int32_t stream =
        nghttp2_submit_request(link.session, nullptr, fields.data(), fields.size(),
                               request->body.empty() ? nullptr : &provider, request.get());
    if (stream < 0) {
        fail(request, dial::transportError(
                          QStringLiteral("exchange with %1: %2")
                              .arg(m_origin.describe(), QString::fromUtf8(nghttp2_strerror(stream)))));
        return;
    }
    link.streams[stream] = request;
}

void Http2Links::read(const std::shared_ptr<Link> &link)
{
    link->tls->async_read_some(
        net::buffer(link->readBuffer),
        net::bind_executor(m_strand, [self = shared_from_this(), link](const error_code &ec, std::size_t n) {
            if (link->closed)
                return;
            if (ec) {
                self->lost(link, self->lostInWords(dial::text(ec)));
                return;
            }
            const auto used = nghttp2_session_mem_recv(
                link->session, reinterpret_cast<const std::uint8_t *>(link->readBuffer.data()), n);
            OPENSSL_cleanse(link->readBuffer.data(), n); // an export answer carries a private key
            if (used < 0) {
                self->lost(link, self->lostInWords(QString::fromUtf8(nghttp2_strerror(int(used)))));
                return;
            }
            self->flush(link);
            if (!link->closed)
                self->read(link);
        }));
}

void Http2Links::flush(const std::shared_ptr<Link> &link)
{
    if (link->writing || link->closed || !link->session)
        return;
    for (;;) {
        const std::uint8_t *data = nullptr;
        const auto length = nghttp2_session_mem_send(link->session, &data);
        if (length <= 0)
            break;
        link->output.append(reinterpret_cast<const char *>(data), std::size_t(length));
    }
    if (link->output.empty()) {
        // Both sides are done (a GOAWAY and no stream left): close quietly.
        if (!nghttp2_session_want_read(link->session) && !nghttp2_session_want_write(link->session))
            lost(link, lostInWords(QStringLiteral("the server ended the connection")));
        return;
    }
    link->writing = true;
    net::async_write(
        *link->tls, net::buffer(link->output),
        net::bind_executor(m_strand, [self = shared_from_this(), link](const error_code &ec, std::size_t) {
            link->writing = false;
            wipe(link->output); // a request body may hold a private key (import)
            link->output.clear();
            if (link->closed)
                return;
            if (ec)
                self->lost(link, self->lostInWords(dial::text(ec)));
            else
                self->flush(link);
        }));
}

// The connection is gone: what never reached the server goes out again on
// another one; what may have reached it fails (outcome unknown if it changes state).
void Http2Links::lost(const std::shared_ptr<Link> &link, const BaoError &why)
{
    if (link->closed)
        return;
    link->closed = true;
    std::erase(m_links, link);
    error_code ignored;
    if (link->tls)
        link->tls->next_layer().close(ignored);
    std::vector<std::shared_ptr<Http2Request>> pending = std::exchange(link->waiting, {});
    for (auto &[stream, request] : link->streams)
        pending.push_back(request);
    link->streams.clear();
    for (const auto &request : pending)
        if (!request->done)
            resendOrFail(request, why, Loss::Connection);
}

void Http2Links::streamClosed(Link &link, std::int32_t stream, std::uint32_t errorCode)
{
    const auto found = link.streams.find(stream);
    if (found == link.streams.end())
        return;
    const std::shared_ptr<Http2Request> request = found->second;
    link.streams.erase(found);
    if (request->done)
        return; // cancelled or timed out: already answered
    if (request->answerTooLarge) {
        fail(request,
             dial::transportError(QStringLiteral("exchange with %1: the answer is larger than %2 MiB")
                                      .arg(m_origin.describe())
                                      .arg(dial::MaxAnswerBytes >> 20)));
        return;
    }
    if (errorCode == NGHTTP2_NO_ERROR && request->answer.status >= 200) {
        complete(request, std::exchange(request->answer, HttpAnswer()));
        return;
    }
    // REFUSED_STREAM (or a GOAWAY below it): the server did not process it.
    if (errorCode == NGHTTP2_REFUSED_STREAM)
        request->written = false;
    BaoError why = lostInWords(QStringLiteral("the stream was reset (%1)")
                                   .arg(QString::fromUtf8(nghttp2_http2_strerror(errorCode))));
    if (request->answer.status > 0)
        why.httpStatus = request->answer.status;
    // Not from inside nghttp2's callback: another stream may be opened on this session.
    net::post(m_strand,
              [self = shared_from_this(), request, why] { self->resendOrFail(request, why, Loss::Stream); });
}

// What never reached the server goes out again. So does, once, a request
// that is safe to repeat (a sign) whose connection died before any answer to
// it: the server or a proxy may close a kept connection just as a request
// goes out, as on HTTP/1.1 (BeastTransport does the same). A reset stream,
// or a request that changes state, is never repeated once written.
void Http2Links::resendOrFail(const std::shared_ptr<Http2Request> &request, const BaoError &why, Loss loss)
{
    if (request->done)
        return;
    const bool neverArrived = !request->written;
    const bool lostUnanswered = loss == Loss::Connection && request->repeatable &&
                                request->answer.status == 0 && !request->resentAfterLoss;
    if ((neverArrived || lostUnanswered) && request->sends < MaxSends) {
        request->resentAfterLoss = request->resentAfterLoss || !neverArrived;
        submit(request);
        return;
    }
    fail(request, why);
}

void Http2Links::abort(const std::shared_ptr<Http2Request> &request, BaoError why)
{
    if (request->done)
        return;
    std::shared_ptr<Link> reset;
    for (const auto &link : m_links) {
        if (std::erase(link->waiting, request) > 0)
            break;
        const auto open = std::find_if(link->streams.begin(), link->streams.end(),
                                       [&request](const auto &entry) { return entry.second == request; });
        if (open != link->streams.end()) {
            // The stream ends here; its late frames are dropped (request->done).
            nghttp2_submit_rst_stream(link->session, NGHTTP2_FLAG_NONE, open->first, NGHTTP2_CANCEL);
            reset = link;
            break;
        }
    }
    fail(request, std::move(why));
    if (reset)
        flush(reset);
}

void Http2Links::fail(const std::shared_ptr<Http2Request> &request, BaoError why)
{
    HttpAnswer answer;
    answer.transportError =
        request->written && !request->repeatable ? HttpTransport::outcomeUnknown(why) : why;
    complete(request, std::move(answer));
}

void Http2Links::complete(const std::shared_ptr<Http2Request> &request, HttpAnswer answer, bool declined)
{
    if (request->done)
        return;
    request->done = true;
    if (request->deadline)
        request->deadline->cancel();
    wipe(request->body);
    Http2Pool::Result result;
    result.answer = std::move(answer);
    result.declined = declined;
    // Moved out: the handler owns the lane's coroutine, whose frame owns the
    // request; kept here, it would keep that frame alive, and be freed with it.
    std::exchange(request->deliver, {})(std::move(result));
}

BaoError Http2Links::lostInWords(const QString &what) const
{
    return dial::transportError(QStringLiteral("exchange with %1: %2").arg(m_origin.describe(), what));
}

void Http2Links::shutdown()
{
    m_shutDown = true;
    for (const auto &link : std::vector(m_links))
        lost(link, HttpTransport::aborted());
}

namespace {

// The pools in use, one per loop, origin and TLS choice.
class Pools {
public:
    static Pools &shared()
    {
        static Pools pools;
        return pools;
    }

    template <typename Make>
    std::shared_ptr<Http2Pool> find(const void *loop, const dial::Origin &origin, const QString &caCertFile,
                                    bool verifyPeer, Make make)
    {
        const Key key{loop, origin, caCertFile, verifyPeer};
        std::lock_guard lock(m_mutex);
        if (auto pool = m_pools[key].lock())
            return pool;
        std::shared_ptr<Http2Pool> pool = make();
        m_pools[key] = pool;
        return pool;
    }

private:
    using Key = std::tuple<const void *, dial::Origin, QString, bool>;
    std::mutex m_mutex;
    std::map<Key, std::weak_ptr<Http2Pool>> m_pools; // guarded by m_mutex
};

} // namespace

std::shared_ptr<Http2Pool> Http2Pool::shared(net::io_context &loop, const dial::Origin &origin,
                                             const QString &caCertFile, bool verifyPeer)
{
    return Pools::shared().find(&loop, origin, caCertFile, verifyPeer, [&] {
        return std::shared_ptr<Http2Pool>(new Http2Pool(loop, origin, caCertFile, verifyPeer));
    });
}

Http2Pool::Http2Pool(net::io_context &loop, const dial::Origin &origin, const QString &caCertFile,
                     bool verifyPeer)
    : m_origin(origin), m_declined(std::make_shared<std::atomic<bool>>(false)),
      m_links(std::make_shared<Http2Links>(loop, origin, caCertFile, verifyPeer, m_declined))
{}

Http2Pool::~Http2Pool()
{
    net::post(m_links->strand(), [links = m_links] { links->shutdown(); });
}

int Http2Pool::connectionsOpened()
{
    return linksOpened.load();
}

namespace {

// Gives the request to the pool's strand; the lane's coroutine resumes on its
// own executor with the result. A plain function, not inside the coroutine:
// GCC 12 destroys a lambda's captures twice when the lambda is a temporary
// of a co_await expression.
net::awaitable<Http2Pool::Result> handOver(const std::shared_ptr<Http2Links> &links,
                                           const std::shared_ptr<Http2Request> &request)
{
    auto initiation = [links, request](auto handler) {
        auto held = std::make_shared<decltype(handler)>(std::move(handler));
        request->deliver = [held](Http2Pool::Result result) {
            const auto executor = net::get_associated_executor(*held);
            net::post(executor,
                      [held, result = std::move(result)]() mutable { std::move (*held)(std::move(result)); });
        };
        net::post(links->strand(), [links, request] { links->submit(request); });
    };
    return net::async_initiate<decltype(net::use_awaitable), void(Http2Pool::Result)>(std::move(initiation),
                                                                                      net::use_awaitable);
}

} // namespace

net::awaitable<Http2Pool::Result> Http2Pool::exchange(const HttpCall &call, CancelToken *cancel,
                                                      std::chrono::milliseconds timeout)
{
    auto request = std::make_shared<Http2Request>();
    request->method = call.method.toStdString();
    request->path = dial::requestTarget(call.url);
    request->authority = dial::authorityOf(call.url);
    for (const auto &[name, value] : call.headers)
        request->headers.emplace_back(name.toLower().toStdString(), value.toStdString());
    request->body.assign(call.body.constData(), std::size_t(call.body.size()));
    request->repeatable = call.repeatable;
    request->timeout = timeout;

    const std::shared_ptr<Http2Links> links = m_links;
    CancelToken::SubscriptionId subscription = 0;
    if (cancel)
        subscription =
            cancel->subscribe([weakLinks = std::weak_ptr(links), weakRequest = std::weak_ptr(request)] {
                if (auto alive = weakLinks.lock())
                    net::post(alive->strand(), [weakLinks, weakRequest] {
                        auto links = weakLinks.lock();
                        auto request = weakRequest.lock();
                        if (links && request)
                            links->abort(request, HttpTransport::aborted());
                    });
            });
    Result result = co_await handOver(links, request);
    if (cancel)
        cancel->unsubscribe(subscription);
    co_return result;
}

} // namespace baokeys::bao
