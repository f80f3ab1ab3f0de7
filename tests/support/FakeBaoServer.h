#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>

class QAbstractEventDispatcher;

namespace baokeys::testsupport {

// One HTTP request as the fake server saw it. Header names are lower case.
struct FakeRequest {
    QByteArray method;
    QString path;  // without the query, e.g. "/v1/secp256k1/sign/k"
    QString query; // without '?'
    QHash<QByteArray, QByteArray> headers;
    QByteArray body;
    QJsonObject json() const; // the body as a JSON object (empty if it is not one)
};

// What the fake server does with a request.
struct FakeResponse {
    enum class Action {
        Answer,          // send status + headers + body
        Drop,            // close the connection without answering
        Hang,            // keep the connection open and never answer
        PartialBody,     // announce the full Content-Length, send half of the body, close
        AnswerThenClose, // answer in full (keep-alive framing), then close: an idle timeout
    };
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    Action action = Action::Answer;
    int delayMs = 0; // answer after this long (without blocking other connections)

    // OpenBao's success envelope around `data`.
    static FakeResponse data(const QJsonObject &data);
    static FakeResponse errors(int status, const QStringList &errors);
    static FakeResponse raw(int status, QByteArray body, QByteArray contentType = "application/json");
    static FakeResponse noContent();
    static FakeResponse drop();
    static FakeResponse hang();
};

// A small purpose-built HTTP/1.1 server for fault cases (garbage JSON, 5xx,
// sealed, dropped connections, timeouts, lying signers) that the real
// embedded signer never produces. It listens on 127.0.0.1:<free port> and
// runs on its own thread with keep-alive, so blocking clients on the test
// thread and many parallel clients work against it.
//
// The server thread is a std::thread that owns its sockets from start to end;
// start() learns the port through a std::promise and stop() raises an atomic
// flag, wakes the thread's event loop and joins it. Nothing crosses threads
// through Qt's queued calls or QThread::wait, whose synchronisation lives in
// the uninstrumented Qt library, so ThreadSanitizer sees every hand-off.
//
// Thread-safety: start() and stop() belong to the thread that owns the
// object; the other members may be called from any thread. The handler is
// called on the server's thread, one request at a time.
class FakeBaoServer {
public:
    using Handler = std::function<FakeResponse(const FakeRequest &)>;

    explicit FakeBaoServer(Handler handler = {});
    ~FakeBaoServer();
    FakeBaoServer(const FakeBaoServer &) = delete;
    FakeBaoServer &operator=(const FakeBaoServer &) = delete;

    bool start();
    void stop();
    quint16 port() const;
    QString address() const; // "http://127.0.0.1:<port>"

    void setHandler(Handler handler);
    int requestCount() const;
    QList<FakeRequest> requests() const; // every request seen, in order

private:
    class Worker;
    struct Shared;
    void serve(std::promise<QAbstractEventDispatcher *> &started);

    std::shared_ptr<Shared> m_shared;
    std::thread m_thread;
    std::atomic<bool> m_stopping{false};
    std::mutex m_wakeMutex; // keeps the dispatcher alive while stop() wakes it
    QAbstractEventDispatcher *m_dispatcher =
        nullptr; // the server thread's; written by start(), read by stop()
};

} // namespace baokeys::testsupport
