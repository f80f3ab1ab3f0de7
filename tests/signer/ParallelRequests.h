#pragma once

#include <QByteArray>
#include <QList>

// Fires N raw HTTP/1.1 requests at once, each on its own socket, all from
// one thread's event loop, so N are really in flight together (one
// QNetworkAccessManager opens only 6 connections per host). Not thread-safe.
struct ParallelResult {
    QList<int> statuses;      // per request; 0 if it failed
    QList<qint64> finishedMs; // per request, since the start
    qint64 totalMs = 0;
};

ParallelResult runParallel(quint16 port, const QList<QByteArray> &requests, int timeoutMs = 20000);
// A blocking TCP socket connected to 127.0.0.1:port, or -1 (for tests that
// drive raw HTTP from threads of their own); the caller closes it.
int connectToLoopback(quint16 port);
// A sign request: Connection: close for runParallel, or kept alive for a
// client that sends the next one on the same connection.
enum class AfterAnswer { Close, KeepAlive };
QByteArray signRequest(const QByteArray &mount, const QByteArray &key, const QByteArray &token,
                       AfterAnswer after = AfterAnswer::Close);
