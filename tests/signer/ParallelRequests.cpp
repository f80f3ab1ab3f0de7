#include "ParallelRequests.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTcpSocket>
#include <QTimer>
#include <arpa/inet.h>
#include <memory>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

int connectToLoopback(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

ParallelResult runParallel(quint16 port, const QList<QByteArray> &requests, int timeoutMs)
{
    ParallelResult result;
    result.statuses = QList<int>(requests.size(), 0);
    result.finishedMs = QList<qint64>(requests.size(), -1);
    QEventLoop loop;
    QElapsedTimer clock;
    int pending = int(requests.size());
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    std::vector<QByteArray> received(size_t(requests.size()));
    clock.start();
    for (int i = 0; i < requests.size(); ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        QTcpSocket *s = socket.get();
        QObject::connect(s, &QTcpSocket::connected, s, [s, request = requests.at(i)] { s->write(request); });
        QObject::connect(s, &QTcpSocket::readyRead, s,
                         [s, &received, i] { received[size_t(i)] += s->readAll(); });
        auto finish = [&, s, i] {
            if (result.finishedMs[i] >= 0)
                return;
            received[size_t(i)] += s->readAll();
            result.finishedMs[i] = clock.elapsed();
            const QByteArray &r = received[size_t(i)];
            const QList<QByteArray> parts = r.left(r.indexOf("\r\n")).split(' ');
            result.statuses[i] = parts.size() >= 2 ? parts.at(1).toInt() : 0;
            if (--pending == 0)
                loop.quit();
        };
        QObject::connect(s, &QTcpSocket::disconnected, s, finish);
        QObject::connect(s, &QTcpSocket::errorOccurred, s, finish);
        sockets.push_back(std::move(socket));
    }
    for (auto &socket : sockets)
        socket->connectToHost(QStringLiteral("127.0.0.1"), port);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (pending > 0)
        loop.exec();
    result.totalMs = clock.elapsed();
    return result;
}

QByteArray signRequest(const QByteArray &mount, const QByteArray &key, const QByteArray &token,
                       AfterAnswer after)
{
    const QByteArray body = R"({"input":"aGVsbG8gd29ybGQ="})";
    return "POST /v1/" + mount + "/sign/" + key + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Vault-Token: " + token +
           "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
           (after == AfterAnswer::Close ? "\r\nConnection: close\r\n\r\n" : "\r\n\r\n") + body;
}
