// The embedded signer's HTTP/2 front: whatever a client sends after the
// connection preface goes through Http2Session (nghttp2's framing, our
// per-stream screen and limits) into the router and engine, with a fresh
// in-memory signer per input. Every request handed on has a method and a
// target, every answer a final status and a body that is empty or JSON
// (or Go's plain-text 404), and no more streams are open than announced.
#include "FuzzSigner.h"
#include "FuzzSupport.h"

#include "core/signer/Http2Session.h"

#include <QJsonDocument>

using namespace baokeys;
using namespace baokeys::signer;

namespace {

constexpr char ClientPreface[] = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";
// Small, so that a fuzzed input can reach the 413 answer.
constexpr quint64 BodyLimit = 4096;

void checkAnswer(const HttpResponse &response)
{
    fuzz::require(response.status >= 200 && response.status <= 599, "an answer has a final HTTP status");
    if (response.contentType.startsWith("text/plain")) {
        fuzz::require(response.status == 404, "plain text is only the 404 for a path nothing handles");
    } else if (!response.body.isEmpty()) {
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(response.body, &error);
        fuzz::require(error.error == QJsonParseError::NoError && document.isObject(),
                      "a body is a JSON object");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::Signer signer; // an input sees only the keys its own requests made
    Http2Session *session = nullptr;
    Http2Session::Limits limits;
    limits.bodyLimit = BodyLimit;
    Http2Session h2(
        limits, [&signer](const HttpRequest &headers) { return signer.router.screen(headers); },
        [&signer, &session](std::int32_t stream, HttpRequest &request) {
            fuzz::require(!request.method.isEmpty() && !request.target.isEmpty(),
                          "a request handed on has a method and a target");
            HttpResponse response = signer.router.handle(request);
            checkAnswer(response);
            session->answer(stream, std::move(response));
        });
    session = &h2;
    h2.takeOutput(); // our SETTINGS
    bool usable = h2.receive(QByteArrayView(ClientPreface, qsizetype(sizeof ClientPreface - 1)));
    // In pieces, as a socket delivers them: frames split across reads.
    QByteArrayView rest(data, qsizetype(size));
    while (usable && !rest.isEmpty()) {
        const qsizetype piece = std::min<qsizetype>(rest.size(), 1000);
        usable = h2.receive(rest.first(piece));
        rest = rest.sliced(piece);
        h2.takeOutput();
        fuzz::require(h2.openStreams() <= Http2Session::MaxConcurrentStreams + 1,
                      "no more streams open than announced");
    }
    h2.goAway();
    h2.takeOutput();
    return 0;
}
