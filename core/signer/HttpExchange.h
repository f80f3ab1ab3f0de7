#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <chrono>
#include <optional>

namespace baokeys::signer {

// One HTTP request as the front hands it to the router: the raw method string
// (so LIST survives), the raw target (path + query, still percent-encoded),
// header names in lower case, and the body. Plain value type.
struct HttpRequest {
    QByteArray method;
    QByteArray target;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    // First value of a header, by lower-case name; null if absent.
    QByteArray header(const QByteArray &lowerName) const
    {
        for (const auto &h : headers) {
            if (h.first == lowerName)
                return h.second;
        }
        return {};
    }
    bool hasHeader(const QByteArray &lowerName) const
    {
        for (const auto &h : headers) {
            if (h.first == lowerName)
                return true;
        }
        return false;
    }
};

// The answer. `delay` asks the front to hold the answer back (injected
// latency) without blocking a thread. An empty body is sent without a
// Content-Type (204). The front sends no body at all when the request was HEAD.
struct HttpResponse {
    int status = 200;
    QByteArray body;
    std::chrono::milliseconds delay{0};
    std::optional<int> retryAfterSeconds; // sent as Retry-After (a rate-limit answer)
    QByteArray location;                  // sent as Location (a standby's redirect)
    QByteArray contentType = QByteArrayLiteral("application/json"); // of a body, when there is one
};

// The front's own refusals, in OpenBao's error shape, the same over HTTP/1.1
// and HTTP/2.
inline HttpResponse errorAnswer(int status, const char *message)
{
    HttpResponse response;
    response.status = status;
    response.body = QByteArray(R"({"errors":[")") + message + R"("]})";
    return response;
}
inline HttpResponse bodyTooLarge()
{
    return errorAnswer(413, "http: request body too large");
}
inline HttpResponse bodyBudgetSpent()
{
    return errorAnswer(503, "too many large requests in flight; retry later");
}

} // namespace baokeys::signer
