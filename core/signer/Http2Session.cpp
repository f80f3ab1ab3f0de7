#include "core/signer/Http2Session.h"

#include "core/crypto/SecureBytes.h"
#include "core/signer/BodyBudget.h"

#include <QList>
#include <algorithm>
#include <cstring>
#include <nghttp2/nghttp2.h>
#include <string>
#include <vector>

namespace baokeys::signer {

struct Http2Session::Stream {
    HttpRequest request;
    std::size_t headerBytes = 0;
    bool headersTooLarge = false;
    bool refused = false;      // answered before its body was read; what still comes is dropped
    bool remoteClosed = false; // the client's END_STREAM arrived
    bool answered = false;
    bool head = false; // a HEAD request: its answer has the headers a GET's would, no body
    quint64 bodyReserved = 0;
    QByteArray answerBody; // what the DATA frames carry
    qsizetype answerSent = 0;
};

namespace {

QByteArray bytesOf(const std::uint8_t *data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

nghttp2_nv field(const std::string &name, const std::string &value)
{
    // nghttp2 copies both (no NO_COPY flag): the strings may go at once.
    return nghttp2_nv{reinterpret_cast<std::uint8_t *>(const_cast<char *>(name.data())),
                      reinterpret_cast<std::uint8_t *>(const_cast<char *>(value.data())), name.size(),
                      value.size(), NGHTTP2_NV_FLAG_NONE};
}

} // namespace

// nghttp2's C callbacks, each handing on to the session in user_data.
struct Http2Callbacks {
    static Http2Session &session(void *userData) { return *static_cast<Http2Session *>(userData); }

    static int beginHeaders(nghttp2_session *, const nghttp2_frame *frame, void *userData)
    {
        if (frame->hd.type == NGHTTP2_HEADERS && frame->headers.cat == NGHTTP2_HCAT_REQUEST)
            session(userData).m_streams[frame->hd.stream_id] = std::make_unique<Http2Session::Stream>();
        return 0;
    }

    static int header(nghttp2_session *, const nghttp2_frame *frame, const std::uint8_t *name,
                      std::size_t nameLength, const std::uint8_t *value, std::size_t valueLength,
                      std::uint8_t, void *userData)
    {
        Http2Session &self = session(userData);
        auto *stream = self.streamOf(frame->hd.stream_id);
        if (!stream || frame->headers.cat != NGHTTP2_HCAT_REQUEST)
            return 0; // trailers: nothing of them is used, as on HTTP/1.1
        // RFC 9113 6.5.2 counts 32 bytes of overhead per field.
        stream->headerBytes += nameLength + valueLength + 32;
        if (stream->headerBytes > self.m_limits.headerLimit) {
            stream->headersTooLarge = true;
            return 0;
        }
        const QByteArray fieldName = bytesOf(name, nameLength);
        QByteArray fieldValue = bytesOf(value, valueLength);
        HttpRequest &request = stream->request;
        if (fieldName == ":method")
            request.method = std::move(fieldValue);
        else if (fieldName == ":path")
            request.target = std::move(fieldValue);
        else if (fieldName == ":authority")
            request.headers.append({QByteArrayLiteral("host"), std::move(fieldValue)});
        else if (!fieldName.startsWith(':')) // names arrive in lower case: nghttp2 refuses others
            request.headers.append({fieldName, std::move(fieldValue)});
        return 0;
    }

    static int frameReceived(nghttp2_session *, const nghttp2_frame *frame, void *userData)
    {
        Http2Session &self = session(userData);
        if (frame->hd.type != NGHTTP2_HEADERS && frame->hd.type != NGHTTP2_DATA)
            return 0;
        const std::int32_t id = frame->hd.stream_id;
        auto *stream = self.streamOf(id);
        if (!stream)
            return 0;
        if (frame->hd.flags & NGHTTP2_FLAG_END_STREAM)
            stream->remoteClosed = true;
        if (frame->hd.type == NGHTTP2_HEADERS && frame->headers.cat == NGHTTP2_HCAT_REQUEST) {
            stream->head = stream->request.method == "HEAD";
            self.screenHeaders(id, *stream);
        }
        if (stream->remoteClosed && !stream->refused && !stream->answered)
            self.requestComplete(id, *stream);
        return 0;
    }

    static int dataChunk(nghttp2_session *, std::uint8_t, std::int32_t id, const std::uint8_t *data,
                         std::size_t length, void *userData)
    {
        Http2Session &self = session(userData);
        auto *stream = self.streamOf(id);
        if (!stream || stream->refused)
            return 0; // dropped unread; nghttp2 still returns the flow-control window
        QByteArray &body = stream->request.body;
        if (quint64(body.size()) + length > self.m_limits.bodyLimit) {
            crypto::wipe(body);
            body.clear();
            self.refuse(id, *stream, bodyTooLarge());
            return 0;
        }
        body.append(reinterpret_cast<const char *>(data), qsizetype(length));
        return 0;
    }

    // After a refusal, the client may still be sending its body: once our
    // answer is out, RST_STREAM (NO_ERROR) tells it to stop (RFC 9113 8.1).
    static int frameSent(nghttp2_session *nghttp2, const nghttp2_frame *frame, void *userData)
    {
        if (!(frame->hd.flags & NGHTTP2_FLAG_END_STREAM))
            return 0;
        auto *stream = session(userData).streamOf(frame->hd.stream_id);
        if (stream && stream->refused && !stream->remoteClosed)
            nghttp2_submit_rst_stream(nghttp2, NGHTTP2_FLAG_NONE, frame->hd.stream_id, NGHTTP2_NO_ERROR);
        return 0;
    }

    static int streamClosed(nghttp2_session *, std::int32_t id, std::uint32_t, void *userData)
    {
        session(userData).forget(id);
        return 0;
    }

    static ssize_t readAnswer(nghttp2_session *, std::int32_t, std::uint8_t *buffer, std::size_t length,
                              std::uint32_t *flags, nghttp2_data_source *source, void *)
    {
        auto *stream = static_cast<Http2Session::Stream *>(source->ptr);
        const qsizetype left = stream->answerBody.size() - stream->answerSent;
        const qsizetype taken = std::min<qsizetype>(left, qsizetype(length));
        std::memcpy(buffer, stream->answerBody.constData() + stream->answerSent, std::size_t(taken));
        stream->answerSent += taken;
        if (stream->answerSent == stream->answerBody.size())
            *flags |= NGHTTP2_DATA_FLAG_EOF;
        return taken;
    }
};

Http2Session::Http2Session(Limits limits, Screen screen, RequestReady onRequest)
    : m_limits(limits), m_screen(std::move(screen)), m_onRequest(std::move(onRequest))
{
    nghttp2_session_callbacks *callbacks = nullptr;
    nghttp2_session_callbacks_new(&callbacks);
    nghttp2_session_callbacks_set_on_begin_headers_callback(callbacks, &Http2Callbacks::beginHeaders);
    nghttp2_session_callbacks_set_on_header_callback(callbacks, &Http2Callbacks::header);
    nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks, &Http2Callbacks::frameReceived);
    nghttp2_session_callbacks_set_on_data_chunk_recv_callback(callbacks, &Http2Callbacks::dataChunk);
    nghttp2_session_callbacks_set_on_frame_send_callback(callbacks, &Http2Callbacks::frameSent);
    nghttp2_session_callbacks_set_on_stream_close_callback(callbacks, &Http2Callbacks::streamClosed);
    nghttp2_session_server_new(&m_session, callbacks, this);
    nghttp2_session_callbacks_del(callbacks);

    const nghttp2_settings_entry settings[] = {
        {NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS, MaxConcurrentStreams},
        {NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE, std::uint32_t(StreamWindow)},
        {NGHTTP2_SETTINGS_MAX_HEADER_LIST_SIZE, std::uint32_t(m_limits.headerLimit)},
    };
    nghttp2_submit_settings(m_session, NGHTTP2_FLAG_NONE, settings, std::size(settings));
    // The connection's window, shared by all its streams: room for many
    // small requests at once (Go's MaxUploadBufferPerConnection is 1 MiB).
    nghttp2_session_set_local_window_size(m_session, NGHTTP2_FLAG_NONE, 0, StreamWindow);
}

Http2Session::~Http2Session()
{
    nghttp2_session_del(m_session); // closes no stream through the callbacks
    for (auto &[id, stream] : m_streams) {
        if (stream->bodyReserved > 0 && m_limits.bodies)
            m_limits.bodies->release(stream->bodyReserved);
        crypto::wipe(stream->request.body);
        crypto::wipe(stream->answerBody);
    }
}

bool Http2Session::receive(QByteArrayView bytes)
{
    const auto used = nghttp2_session_mem_recv(
        m_session, reinterpret_cast<const std::uint8_t *>(bytes.data()), std::size_t(bytes.size()));
    return used >= 0;
}

QByteArray Http2Session::takeOutput()
{
    QByteArray output;
    for (;;) {
        const std::uint8_t *data = nullptr;
        const auto length = nghttp2_session_mem_send(m_session, &data);
        if (length <= 0)
            break;
        output.append(reinterpret_cast<const char *>(data), qsizetype(length));
    }
    return output;
}

void Http2Session::answer(std::int32_t id, HttpResponse response)
{
    auto *stream = streamOf(id);
    if (!stream || stream->answered) {
        crypto::wipe(response.body); // reset by the client meanwhile
        return;
    }
    submit(id, *stream, std::move(response));
}

void Http2Session::goAway()
{
    nghttp2_submit_goaway(m_session, NGHTTP2_FLAG_NONE, nghttp2_session_get_last_proc_stream_id(m_session),
                          NGHTTP2_NO_ERROR, nullptr, 0);
}

bool Http2Session::isAlive() const
{
    return nghttp2_session_want_read(m_session) || nghttp2_session_want_write(m_session);
}

Http2Session::Stream *Http2Session::streamOf(std::int32_t id)
{
    const auto found = m_streams.find(id);
    return found == m_streams.end() ? nullptr : found->second.get();
}

// The request's headers are all in: refuse it now if they alone decide,
// before a byte of its body is read; otherwise reserve room for the body.
void Http2Session::screenHeaders(std::int32_t id, Stream &stream)
{
    if (stream.headersTooLarge) {
        refuse(id, stream, errorAnswer(431, "request header fields too large"));
        return;
    }
    if (stream.remoteClosed)
        return; // no body follows
    if (m_screen) {
        if (auto refusal = m_screen(stream.request)) {
            refuse(id, stream, std::move(*refusal));
            return;
        }
    }
    bool declared = false;
    const quint64 length = stream.request.header("content-length").toULongLong(&declared);
    if (declared && length > m_limits.bodyLimit) {
        refuse(id, stream, bodyTooLarge());
        return;
    }
    // A body of unknown length may grow to the limit: reserve that much.
    const quint64 reserve = declared ? length : m_limits.bodyLimit;
    if (m_limits.bodies) {
        if (!m_limits.bodies->tryReserve(reserve)) {
            refuse(id, stream, bodyBudgetSpent());
            return;
        }
        stream.bodyReserved = reserve;
    }
}

void Http2Session::refuse(std::int32_t id, Stream &stream, HttpResponse response)
{
    stream.refused = true;
    submit(id, stream, std::move(response));
}

void Http2Session::requestComplete(std::int32_t id, Stream &stream)
{
    HttpRequest request = std::move(stream.request);
    stream.request = HttpRequest();
    m_onRequest(id, request);
    // The handler has the body; it may have held a private key (import).
    crypto::wipe(request.body);
    if (auto *still = streamOf(id); still && still->bodyReserved > 0 && m_limits.bodies) {
        m_limits.bodies->release(still->bodyReserved);
        still->bodyReserved = 0;
    }
}

void Http2Session::submit(std::int32_t id, Stream &stream, HttpResponse response)
{
    stream.answered = true;
    std::vector<std::string> text; // the fields' storage until nghttp2 has copied them
    text.reserve(14);
    const auto add = [&text](std::string name, std::string value) {
        text.push_back(std::move(name));
        text.push_back(std::move(value));
    };
    add(":status", std::to_string(response.status));
    add("server", "baokeys-signer");
    add("cache-control", "no-store");
    if (response.retryAfterSeconds)
        add("retry-after", std::to_string(*response.retryAfterSeconds));
    if (!response.location.isEmpty())
        add("location", response.location.toStdString());
    if (!response.body.isEmpty())
        add("content-type", response.contentType.toStdString());
    if (response.status != 204)
        add("content-length", std::to_string(response.body.size()));
    std::vector<nghttp2_nv> fields;
    for (std::size_t i = 0; i + 1 < text.size(); i += 2)
        fields.push_back(field(text[i], text[i + 1]));

    stream.answerBody = std::move(response.body);
    stream.answerSent = 0;
    response.body = QByteArray();
    if (stream.head || stream.answerBody.isEmpty()) {
        crypto::wipe(stream.answerBody);
        nghttp2_submit_response(m_session, id, fields.data(), fields.size(), nullptr);
        return;
    }
    nghttp2_data_provider provider{};
    provider.source.ptr = &stream;
    provider.read_callback = &Http2Callbacks::readAnswer;
    nghttp2_submit_response(m_session, id, fields.data(), fields.size(), &provider);
}

void Http2Session::forget(std::int32_t id)
{
    const auto found = m_streams.find(id);
    if (found == m_streams.end())
        return;
    Stream &stream = *found->second;
    if (stream.bodyReserved > 0 && m_limits.bodies)
        m_limits.bodies->release(stream.bodyReserved);
    crypto::wipe(stream.request.body);
    crypto::wipe(stream.answerBody);
    m_streams.erase(found);
}

} // namespace baokeys::signer
