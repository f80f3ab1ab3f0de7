#include "FaultyHttp2Server.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/write.hpp>

#include <nghttp2/nghttp2.h>

#include <array>
#include <cstring>
#include <future>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace baokeys::testsupport {

namespace {

namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;
using boost::system::error_code;
using Fault = FaultyHttp2Server::Fault;

int selectH2(SSL *, const unsigned char **out, unsigned char *outLength, const unsigned char *offered,
             unsigned int offeredLength, void *)
{
    static const unsigned char h2[] = "\x02h2";
    unsigned char *chosen = nullptr;
    if (SSL_select_next_proto(&chosen, outLength, h2, sizeof h2 - 1, offered, offeredLength) !=
        OPENSSL_NPN_NEGOTIATED)
        return SSL_TLSEXT_ERR_ALERT_FATAL; // this server speaks nothing else
    *out = chosen;
    return SSL_TLSEXT_ERR_OK;
}

struct Stream {
    QByteArray method;
    QByteArray path;
    std::string answer;
    std::size_t sent = 0;
};

// One client connection: nghttp2's server session over the TLS stream.
class Connection : public std::enable_shared_from_this<Connection> {
public:
    Connection(tcp::socket socket, ssl::context &tls, const FaultyHttp2Server::Handler &handler,
               std::atomic<int> &requests)
        : m_tls(std::move(socket), tls), m_handler(handler), m_requests(requests)
    {}
    ~Connection()
    {
        if (m_session)
            nghttp2_session_del(m_session);
    }

    void start()
    {
        m_tls.async_handshake(ssl::stream_base::server, [self = shared_from_this()](const error_code &ec) {
            if (!ec)
                self->begin();
        });
    }

private:
    static Connection &of(void *userData) { return *static_cast<Connection *>(userData); }

    static int onHeader(nghttp2_session *, const nghttp2_frame *frame, const std::uint8_t *name,
                        std::size_t nameLength, const std::uint8_t *value, std::size_t valueLength,
                        std::uint8_t, void *userData)
    {
        Stream &stream = of(userData).m_streams[frame->hd.stream_id];
        const QByteArray field(reinterpret_cast<const char *>(name), qsizetype(nameLength));
        const QByteArray text(reinterpret_cast<const char *>(value), qsizetype(valueLength));
        if (field == ":method")
            stream.method = text;
        else if (field == ":path")
            stream.path = text;
        return 0;
    }

    static int onFrame(nghttp2_session *, const nghttp2_frame *frame, void *userData)
    {
        if ((frame->hd.type == NGHTTP2_HEADERS || frame->hd.type == NGHTTP2_DATA) &&
            (frame->hd.flags & NGHTTP2_FLAG_END_STREAM))
            of(userData).onRequest(frame->hd.stream_id);
        return 0;
    }

    static ssize_t readAnswer(nghttp2_session *, std::int32_t, std::uint8_t *buffer, std::size_t length,
                              std::uint32_t *flags, nghttp2_data_source *source, void *)
    {
        auto *stream = static_cast<Stream *>(source->ptr);
        const std::size_t taken = std::min(length, stream->answer.size() - stream->sent);
        std::memcpy(buffer, stream->answer.data() + stream->sent, taken);
        stream->sent += taken;
        if (stream->sent == stream->answer.size())
            *flags |= NGHTTP2_DATA_FLAG_EOF;
        return ssize_t(taken);
    }

    void begin()
    {
        nghttp2_session_callbacks *callbacks = nullptr;
        nghttp2_session_callbacks_new(&callbacks);
        nghttp2_session_callbacks_set_on_header_callback(callbacks, &Connection::onHeader);
        nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks, &Connection::onFrame);
        nghttp2_session_server_new(&m_session, callbacks, this);
        nghttp2_session_callbacks_del(callbacks);
        const nghttp2_settings_entry settings[] = {{NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS, 100}};
        nghttp2_submit_settings(m_session, NGHTTP2_FLAG_NONE, settings, 1);
        flush();
        read();
    }

    void onRequest(std::int32_t id)
    {
        Stream &stream = m_streams[id];
        const FaultyHttp2Server::Answer answer = m_handler(++m_requests, stream.method, stream.path);
        switch (answer.fault) {
        case Fault::None: {
            stream.answer = answer.body.toStdString();
            const std::string status = std::to_string(answer.status);
            const std::string length = std::to_string(stream.answer.size());
            const auto field = [](const char *name, const std::string &value) {
                return nghttp2_nv{reinterpret_cast<std::uint8_t *>(const_cast<char *>(name)),
                                  reinterpret_cast<std::uint8_t *>(const_cast<char *>(value.data())),
                                  std::strlen(name), value.size(), NGHTTP2_NV_FLAG_NONE};
            };
            const std::string json = "application/json";
            const nghttp2_nv fields[] = {field(":status", status), field("content-type", json),
                                         field("content-length", length)};
            nghttp2_data_provider provider{};
            provider.source.ptr = &stream;
            provider.read_callback = &Connection::readAnswer;
            nghttp2_submit_response(m_session, id, fields, 3, &provider);
            break;
        }
        case Fault::RefuseStream:
            nghttp2_submit_rst_stream(m_session, NGHTTP2_FLAG_NONE, id, NGHTTP2_REFUSED_STREAM);
            break;
        case Fault::GoAwayFirst:
            nghttp2_submit_goaway(m_session, NGHTTP2_FLAG_NONE, std::max(0, id - 2), NGHTTP2_NO_ERROR,
                                  nullptr, 0);
            m_closeAfterWrite = true;
            break;
        case Fault::ResetStream:
            nghttp2_submit_rst_stream(m_session, NGHTTP2_FLAG_NONE, id, NGHTTP2_INTERNAL_ERROR);
            break;
        case Fault::DropConnection:
            m_drop = true;
            break;
        case Fault::Hang:
            break;
        }
    }

    void read()
    {
        m_tls.async_read_some(net::buffer(m_buffer), [self = shared_from_this()](const error_code &ec,
                                                                                 std::size_t n) {
            if (ec || self->m_closed)
                return;
            if (nghttp2_session_mem_recv(
                    self->m_session, reinterpret_cast<const std::uint8_t *>(self->m_buffer.data()), n) < 0 ||
                self->m_drop) {
                self->close();
                return;
            }
            self->flush();
            self->read();
        });
    }

    void flush()
    {
        if (m_writing || m_closed)
            return;
        for (;;) {
            const std::uint8_t *data = nullptr;
            const auto length = nghttp2_session_mem_send(m_session, &data);
            if (length <= 0)
                break;
            m_output.append(reinterpret_cast<const char *>(data), std::size_t(length));
        }
        if (m_output.empty()) {
            if (m_closeAfterWrite)
                close();
            return;
        }
        m_writing = true;
        net::async_write(m_tls, net::buffer(m_output),
                         [self = shared_from_this()](const error_code &ec, std::size_t) {
                             self->m_writing = false;
                             self->m_output.clear();
                             if (!ec)
                                 self->flush();
                         });
    }

    void close()
    {
        m_closed = true;
        error_code ignored;
        m_tls.next_layer().shutdown(tcp::socket::shutdown_both, ignored);
        m_tls.next_layer().close(ignored);
    }

    ssl::stream<tcp::socket> m_tls;
    const FaultyHttp2Server::Handler &m_handler;
    std::atomic<int> &m_requests;
    nghttp2_session *m_session = nullptr;
    std::map<std::int32_t, Stream> m_streams;
    std::array<char, 16384> m_buffer{};
    std::string m_output;
    bool m_writing = false;
    bool m_drop = false;
    bool m_closeAfterWrite = false;
    bool m_closed = false;
};

} // namespace

class FaultyHttp2Server::Loop {
public:
    net::io_context context{1};
    ssl::context tls{ssl::context::tls_server};
    tcp::acceptor acceptor{context};
    std::thread thread;
    quint16 port = 0;

    void accept(const Handler &handler, std::atomic<int> &requests, std::atomic<int> &connections)
    {
        acceptor.async_accept(
            [this, &handler, &requests, &connections](const error_code &ec, tcp::socket socket) {
                if (ec)
                    return;
                ++connections;
                std::make_shared<Connection>(std::move(socket), tls, handler, requests)->start();
                accept(handler, requests, connections);
            });
    }
};

FaultyHttp2Server::FaultyHttp2Server(QString certificateFile, QString keyFile, Handler handler)
    : m_loop(std::make_unique<Loop>())
{
    m_loop->tls.use_certificate_chain_file(certificateFile.toStdString());
    m_loop->tls.use_private_key_file(keyFile.toStdString(), ssl::context::pem);
    SSL_CTX_set_alpn_select_cb(m_loop->tls.native_handle(), &selectH2, nullptr);
    m_handler = std::move(handler);
}

FaultyHttp2Server::~FaultyHttp2Server()
{
    stop();
}

bool FaultyHttp2Server::start()
{
    error_code ec;
    const tcp::endpoint endpoint(net::ip::make_address("127.0.0.1"), 0);
    m_loop->acceptor.open(endpoint.protocol(), ec);
    if (!ec)
        m_loop->acceptor.bind(endpoint, ec);
    if (!ec)
        m_loop->acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (ec)
        return false;
    m_loop->port = m_loop->acceptor.local_endpoint().port();
    m_loop->accept(m_handler, m_requests, m_connections);
    m_loop->thread = std::thread([loop = m_loop.get()] { loop->context.run(); });
    return true;
}

void FaultyHttp2Server::stop()
{
    if (!m_loop->thread.joinable())
        return;
    m_loop->context.stop();
    m_loop->thread.join();
}

QString FaultyHttp2Server::address() const
{
    return QStringLiteral("https://127.0.0.1:%1").arg(m_loop->port);
}

} // namespace baokeys::testsupport
