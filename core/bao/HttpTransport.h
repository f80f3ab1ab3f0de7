#pragma once

#include "core/bao/BaoError.h"
#include "core/bao/BaoSettings.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <chrono>
#include <memory>
#include <optional>

namespace baokeys::bao {

class BeastConnection;
class CancelToken;

// One HTTP request as BaoClient sends it, whatever library carries it.
struct HttpCall {
    QByteArray method;                            // GET, POST, PUT, DELETE or OpenBao's LIST
    QUrl url;                                     // http(s), already checked
    QList<QPair<QByteArray, QByteArray>> headers; // besides Host, Content-Type and Content-Length
    QByteArray body; // may hold a private key (import): the transport wipes it once sent
    // False for a call that changes state (create, import, delete): once any
    // byte of it may have reached the server it is never sent again, and a
    // lost answer is BaoErrorKind::OutcomeUnknown (see outcomeUnknown()).
    bool repeatable = true;
};

// What came back: a status and body, or why nothing usable did.
struct HttpAnswer {
    int status = 0; // 0: no HTTP answer
    QByteArray body;
    QString location;
    int retryAfterSeconds = -1;             // the Retry-After header in seconds; -1 when absent
    std::optional<BaoError> transportError; // Transport, Timeout or Cancelled
    // No connection could be opened (refused, unreachable, no such host): the
    // request provably never reached a server, so even a create may go to
    // another node of the cluster.
    bool connectFailed = false;
};

// Carries HttpCalls to one OpenBao address: TLS with the system CAs or the
// settings' CA file (verification off only when the settings say so), the
// settings' per-request timeout, and keep-alive connections for the next call.
//
// Thread-safety: NOT thread-safe. A transport belongs to the thread that
// created it and must be used and destroyed there; exchange() blocks that
// thread. `cancel` (may be null) aborts the exchange from any thread: the
// answer is then Cancelled.
class HttpTransport {
public:
    virtual ~HttpTransport() = default;
    virtual HttpAnswer exchange(HttpCall &call, CancelToken *cancel) = 0;
    // The connection asynchronous calls use (BaoClient on an IoEngine); null
    // for a transport that only blocks.
    virtual BeastConnection *asyncConnection() { return nullptr; }

    // The kind the settings ask for. Beast carries no HTTP proxy: when Qt's
    // proxy settings route the address through one, QtNetwork is used instead.
    static std::unique_ptr<HttpTransport> create(const BaoSettings &settings);
    static HttpTransportKind effectiveKind(const BaoSettings &settings);

    // The same outcome in the same words, whichever transport met it.
    static BaoError timedOut(std::chrono::milliseconds timeout, int httpStatus = 0);
    static BaoError aborted();
    static BaoError unusableCaFile(const QString &caCertFile);
    // `lost` (a dropped connection, a timeout, an abort after sending) for a
    // call that is not repeatable: the server may have done it.
    static BaoError outcomeUnknown(const BaoError &lost);
    // A Retry-After value in whole seconds (an HTTP date counts as absent): -1 when absent or unreadable.
    static int retryAfterSeconds(const QByteArray &value);
};

} // namespace baokeys::bao
