// The embedded signer's HTTP front: the bytes of one or more pipelined
// requests go through the listener's own parser, limits and header screen
// (HttpListener::answerBytes) into the router and engine, with a fresh
// in-memory signer per input. Every answer has a status a client can read
// and a body that is empty or a JSON object, except the plain-text 404 that
// Go's net/http gives a path outside /v1/.
#include "FuzzSigner.h"
#include "FuzzSupport.h"

#include "core/signer/HttpListener.h"

#include <QJsonDocument>

using namespace baokeys;
using namespace baokeys::signer;

namespace {

// Small, so that a fuzzed input can reach the 413 answer.
constexpr quint64 BodyLimit = 4096;
// Requests answered per input at most; the rest of the bytes are ignored.
constexpr int MaxRequests = 16;

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::Signer signer; // an input sees only the keys its own requests made
    const HttpListener::Handler handler = [&signer](HttpRequest &request) {
        return signer.router.handle(request);
    };
    const HttpListener::Screen screen = [&signer](const HttpRequest &headers) {
        return signer.router.screen(headers);
    };
    QByteArrayView rest(data, qsizetype(size));
    for (int i = 0; i < MaxRequests && !rest.isEmpty(); ++i) {
        const auto answer = HttpListener::answerBytes(rest, handler, screen, BodyLimit);
        if (!answer)
            break; // incomplete: a connection would wait for more
        const HttpResponse &response = answer->response;
        fuzz::require(response.status >= 200 && response.status <= 599, "an answer has a final HTTP status");
        fuzz::require(answer->consumed > 0 && answer->consumed <= std::size_t(rest.size()),
                      "a request takes some of the bytes, and no more");
        fuzz::require(response.delay.count() == 0, "no delay without injected faults");
        if (response.contentType.startsWith("text/plain")) {
            fuzz::require(response.status == 404 && response.body == "404 page not found\n",
                          "plain text is only the 404 for a path nothing handles");
        } else if (!response.body.isEmpty()) {
            QJsonParseError error{};
            const QJsonDocument document = QJsonDocument::fromJson(response.body, &error);
            fuzz::require(error.error == QJsonParseError::NoError && document.isObject(),
                          "a body is a JSON object");
        }
        fuzz::require(response.status != 204 || response.body.isEmpty(), "a 204 has no body");
        if (!answer->keepAlive)
            break;
        rest = rest.sliced(qsizetype(answer->consumed));
    }
    return 0;
}
