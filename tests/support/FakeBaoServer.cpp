#include "FakeBaoServer.h"

#include <QAbstractEventDispatcher>
#include <QEventLoop>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <mutex>

namespace baokeys::testsupport {

QJsonObject FakeRequest::json() const
{
    return QJsonDocument::fromJson(body).object();
}

FakeResponse FakeResponse::data(const QJsonObject &data)
{
    const QJsonObject envelope{
        {QStringLiteral("request_id"), QStringLiteral("00000000-0000-0000-0000-000000000000")},
        {QStringLiteral("lease_id"), QString()},
        {QStringLiteral("renewable"), false},
        {QStringLiteral("lease_duration"), 0},
        {QStringLiteral("data"), data},
        {QStringLiteral("wrap_info"), QJsonValue::Null},
        {QStringLiteral("warnings"), QJsonValue::Null},
        {QStringLiteral("auth"), QJsonValue::Null}};
    return raw(200, QJsonDocument(envelope).toJson(QJsonDocument::Compact));
}

FakeResponse FakeResponse::errors(int status, const QStringList &errors)
{
    const QJsonObject body{{QStringLiteral("errors"), QJsonArray::fromStringList(errors)}};
    return raw(status, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

FakeResponse FakeResponse::raw(int status, QByteArray body, QByteArray contentType)
{
    FakeResponse response;
    response.status = status;
    response.body = std::move(body);
    if (!contentType.isEmpty())
        response.headers.append({QByteArrayLiteral("Content-Type"), contentType});
    return response;
}

FakeResponse FakeResponse::noContent()
{
    FakeResponse response;
    response.status = 204;
    return response;
}

FakeResponse FakeResponse::drop()
{
    FakeResponse response;
    response.action = Action::Drop;
    return response;
}

FakeResponse FakeResponse::hang()
{
    FakeResponse response;
    response.action = Action::Hang;
    return response;
}

struct FakeBaoServer::Shared {
    mutable std::mutex mutex;
    Handler handler;             // guarded by mutex
    QList<FakeRequest> requests; // guarded by mutex
    quint16 port = 0; // written by the server thread before start() returns (ordered by the promise)
};

// Lives on the server thread: the listening socket and its connections.
class FakeBaoServer::Worker : public QObject {
public:
    explicit Worker(std::shared_ptr<Shared> shared) : m_shared(std::move(shared)) {}

    bool listen()
    {
        m_server = new QTcpServer(this);
        connect(m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server->nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readFrom(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        if (!m_server->listen(QHostAddress::LocalHost, 0))
            return false;
        m_shared->port = m_server->serverPort();
        return true;
    }

    void shutdown()
    {
        if (m_server)
            m_server->close();
        for (QTcpSocket *socket : findChildren<QTcpSocket *>())
            socket->abort();
    }

private:
    void readFrom(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            FakeRequest request;
            const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            request.method = requestLine.value(0);
            const QByteArray target = requestLine.value(1);
            const qsizetype question = target.indexOf('?');
            request.path = QString::fromUtf8(question < 0 ? target : target.left(question));
            request.query = question < 0 ? QString() : QString::fromUtf8(target.mid(question + 1));
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0)
                    request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                           lines[i].mid(colon + 1).trimmed());
            }
            const qsizetype length = request.headers.value("content-length", "0").toLongLong();
            if (buffer.size() < headerEnd + 4 + length)
                return;
            request.body = buffer.mid(headerEnd + 4, length);
            buffer.remove(0, headerEnd + 4 + length);

            Handler handler;
            {
                std::lock_guard lock(m_shared->mutex);
                m_shared->requests.append(request);
                handler = m_shared->handler;
            }
            const FakeResponse response = handler ? handler(request) : FakeResponse::errors(404, {});
            if (response.delayMs > 0) {
                QPointer<QTcpSocket> guard(socket);
                QTimer::singleShot(response.delayMs, this, [this, guard, response] {
                    if (guard)
                        answer(guard, response);
                });
            } else {
                answer(socket, response);
            }
            if (response.action != FakeResponse::Action::Answer)
                return;
        }
    }

    void answer(QTcpSocket *socket, const FakeResponse &response)
    {
        switch (response.action) {
        case FakeResponse::Action::Hang:
            return;
        case FakeResponse::Action::Drop:
            socket->abort();
            return;
        case FakeResponse::Action::Answer:
        case FakeResponse::Action::PartialBody:
        case FakeResponse::Action::AnswerThenClose:
            break;
        }
        QByteArray bytes = "HTTP/1.1 " + QByteArray::number(response.status) + " Fake\r\n";
        for (const auto &[name, value] : response.headers)
            bytes += name + ": " + value + "\r\n";
        bytes += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n\r\n";
        if (response.action == FakeResponse::Action::PartialBody) {
            bytes += response.body.left(response.body.size() / 2);
            socket->write(bytes);
            socket->flush();
            socket->disconnectFromHost();
            return;
        }
        bytes += response.body;
        socket->write(bytes);
        if (response.action == FakeResponse::Action::AnswerThenClose) {
            socket->flush();
            socket->disconnectFromHost();
        }
    }

    std::shared_ptr<Shared> m_shared;
    QTcpServer *m_server = nullptr;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

FakeBaoServer::FakeBaoServer(Handler handler) : m_shared(std::make_shared<Shared>())
{
    m_shared->handler = std::move(handler);
}

FakeBaoServer::~FakeBaoServer()
{
    stop();
}

bool FakeBaoServer::start()
{
    if (m_thread.joinable())
        return m_dispatcher != nullptr;
    m_stopping = false;
    std::promise<QAbstractEventDispatcher *> started;
    std::future<QAbstractEventDispatcher *> dispatcher = started.get_future();
    m_thread = std::thread([this, started = std::move(started)]() mutable { serve(started); });
    m_dispatcher = dispatcher.get();
    return m_dispatcher != nullptr;
}

// The server thread: its own event loop, the listening socket and every
// connection live and die here.
void FakeBaoServer::serve(std::promise<QAbstractEventDispatcher *> &started)
{
    QEventLoop loop; // first: it gives this thread its event dispatcher
    Worker worker(m_shared);
    if (!worker.listen()) {
        started.set_value(nullptr);
        return;
    }
    started.set_value(QAbstractEventDispatcher::instance());
    while (!m_stopping.load())
        loop.processEvents(QEventLoop::WaitForMoreEvents);
    worker.shutdown();
    // stop() may still be inside wakeUp(); the dispatcher must outlive that call.
    std::lock_guard lock(m_wakeMutex);
}

void FakeBaoServer::stop()
{
    if (!m_thread.joinable())
        return;
    {
        std::lock_guard lock(m_wakeMutex);
        m_stopping = true;
        if (m_dispatcher)
            m_dispatcher->wakeUp(); // thread-safe; ends the server's processEvents()
    }
    m_thread.join();
    m_dispatcher = nullptr;
}

quint16 FakeBaoServer::port() const
{
    return m_shared->port;
}

QString FakeBaoServer::address() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(port());
}

void FakeBaoServer::setHandler(Handler handler)
{
    std::lock_guard lock(m_shared->mutex);
    m_shared->handler = std::move(handler);
}

int FakeBaoServer::requestCount() const
{
    std::lock_guard lock(m_shared->mutex);
    return int(m_shared->requests.size());
}

QList<FakeRequest> FakeBaoServer::requests() const
{
    std::lock_guard lock(m_shared->mutex);
    return m_shared->requests;
}

} // namespace baokeys::testsupport
