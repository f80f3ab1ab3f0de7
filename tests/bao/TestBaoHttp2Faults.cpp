// Batch lanes over HTTP/2 against a purpose-built faulty server
// (tests/support/FaultyHttp2Server): what the server provably did not
// process (REFUSED_STREAM, a GOAWAY below the stream) goes out again on its
// own; what it may have processed fails that request alone (a reset
// stream; a dropped connection after one more try for a sign, as over
// HTTP/1.1), never resent again and again; a stream that is never
// answered meets the deadline while its neighbours on the same connection
// are answered.
#include "FaultyHttp2Server.h"
#include "LoopbackCertificate.h"

#include "core/bao/BaoClient.h"
#include "core/bao/IoEngine.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <chrono>
#include <future>
#include <memory>
#include <vector>

using namespace baokeys::bao;
using baokeys::testsupport::FaultyHttp2Server;
using Fault = FaultyHttp2Server::Fault;
using namespace std::chrono_literals;

namespace {

// A well-formed sign answer (its signature is not checked at this level).
QByteArray signAnswer()
{
    const QJsonObject data{
        {QStringLiteral("signature"), QString::fromLatin1(QByteArray(64, '\x11').toBase64())},
        {QStringLiteral("public_key"), QStringLiteral("02") + QString(64, QLatin1Char('a'))},
        {QStringLiteral("key_version"), 1}};
    return QJsonDocument(QJsonObject{{QStringLiteral("data"), data}}).toJson(QJsonDocument::Compact);
}

FaultyHttp2Server::Answer answered()
{
    return {Fault::None, 200, signAnswer()};
}

FaultyHttp2Server::Answer failed(Fault fault)
{
    return {fault, 0, {}};
}

} // namespace

class TestBaoHttp2Faults : public QObject {
    Q_OBJECT

private:
    baokeys::testsupport::LoopbackCertificate m_certificate;

    BaoSettings settingsFor(const FaultyHttp2Server &server, std::chrono::milliseconds timeout = 5s) const
    {
        BaoSettings settings;
        settings.address = server.address();
        settings.token = QStringLiteral("t");
        settings.caCertFile = m_certificate.certificateFile();
        settings.timeout = timeout;
        return settings;
    }

    // `count` signs at once, each on a lane client of its own on one engine
    // (so they share the engine's HTTP/2 connections), waited for together.
    static std::vector<BaoResult<SignResponse>> signTogether(const BaoSettings &settings, int count)
    {
        IoEngine engine(2, "h2-faults");
        std::vector<std::unique_ptr<BaoClient>> clients;
        std::vector<std::promise<BaoResult<SignResponse>>> promises;
        promises.resize(std::size_t(count));
        std::vector<std::future<BaoResult<SignResponse>>> futures;
        for (int i = 0; i < count; ++i) {
            clients.push_back(std::make_unique<BaoClient>(settings, engine));
            futures.push_back(promises[std::size_t(i)].get_future());
        }
        for (int i = 0; i < count; ++i)
            clients[std::size_t(i)]->signAsync(
                QStringLiteral("k-%1").arg(i), "m", SignOptions{},
                [&promise = promises[std::size_t(i)]](BaoResult<SignResponse> got) {
                    promise.set_value(std::move(got));
                });
        std::vector<BaoResult<SignResponse>> results;
        for (auto &future : futures)
            results.push_back(future.get());
        clients.clear(); // before the engine they live on
        return results;
    }

private slots:
    void initTestCase() { QVERIFY2(m_certificate.create(), qPrintable(m_certificate.error())); }

    // REFUSED_STREAM means "not processed": the lane sends it again and succeeds.
    void aRefusedStreamIsSentAgain()
    {
        FaultyHttp2Server server(m_certificate.certificateFile(), m_certificate.keyFile(),
                                 [](int number, const QByteArray &, const QByteArray &) {
                                     return number == 1 ? failed(Fault::RefuseStream) : answered();
                                 });
        QVERIFY(server.start());
        const auto results = signTogether(settingsFor(server), 1);
        QVERIFY2(results.front().hasValue(),
                 results.front() ? "" : qPrintable(results.front().error().describe()));
        QCOMPARE(server.requestsSeen(), 2);
    }

    // A GOAWAY whose last stream is below ours: the server did not process
    // it, so it goes out again, on a new connection.
    void aGoAwayBeforeTheStreamSendsItAgainElsewhere()
    {
        FaultyHttp2Server server(m_certificate.certificateFile(), m_certificate.keyFile(),
                                 [](int number, const QByteArray &, const QByteArray &) {
                                     return number == 1 ? failed(Fault::GoAwayFirst) : answered();
                                 });
        QVERIFY(server.start());
        const auto results = signTogether(settingsFor(server), 1);
        QVERIFY2(results.front().hasValue(),
                 results.front() ? "" : qPrintable(results.front().error().describe()));
        QCOMPARE(server.requestsSeen(), 2);
        QVERIFY(server.connectionsAccepted() >= 2);
    }

    // A reset stream may have been processed: that request fails, once, with
    // a transport error naming the reset; the others on the connection succeed.
    void aResetStreamFailsThatRequestAlone()
    {
        FaultyHttp2Server server(m_certificate.certificateFile(), m_certificate.keyFile(),
                                 [](int, const QByteArray &, const QByteArray &path) {
                                     return path.endsWith("/k-2") ? failed(Fault::ResetStream) : answered();
                                 });
        QVERIFY(server.start());
        const auto results = signTogether(settingsFor(server), 4);
        for (int i = 0; i < 4; ++i) {
            if (i == 2) {
                QVERIFY(!results[2].hasValue());
                QCOMPARE(results[2].error().kind, BaoErrorKind::Transport);
                QVERIFY2(results[2].error().message.contains(QLatin1String("reset")),
                         qPrintable(results[2].error().message));
            } else {
                QVERIFY2(results[std::size_t(i)].hasValue(),
                         results[std::size_t(i)] ? ""
                                                 : qPrintable(results[std::size_t(i)].error().describe()));
            }
        }
        QCOMPARE(server.requestsSeen(), 4); // the reset one was not sent again
    }

    // The connection dies with a sign in it and no answer: a sign is safe to
    // repeat, so it goes out once more on a new connection (the server or a
    // proxy may close a kept connection just as a request goes out), as over
    // HTTP/1.1; once, not again, and without waiting for its deadline.
    void aDroppedConnectionSendsASignOnceMore()
    {
        FaultyHttp2Server server(m_certificate.certificateFile(), m_certificate.keyFile(),
                                 [](int number, const QByteArray &, const QByteArray &) {
                                     return number == 1 ? failed(Fault::DropConnection) : answered();
                                 });
        QVERIFY(server.start());
        const auto results = signTogether(settingsFor(server), 1);
        QVERIFY2(results.front().hasValue(),
                 results.front() ? "" : qPrintable(results.front().error().describe()));
        QCOMPARE(server.requestsSeen(), 2);

        FaultyHttp2Server dropsAll(
            m_certificate.certificateFile(), m_certificate.keyFile(),
            [](int, const QByteArray &, const QByteArray &) { return failed(Fault::DropConnection); });
        QVERIFY(dropsAll.start());
        QElapsedTimer timer;
        timer.start();
        const auto lost = signTogether(settingsFor(dropsAll, 10s), 1);
        QVERIFY(!lost.front().hasValue());
        QCOMPARE(lost.front().error().kind, BaoErrorKind::Transport);
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QStringLiteral("%1 ms").arg(timer.elapsed())));
        QCOMPARE(dropsAll.requestsSeen(), 2);
    }

    // One stream never answered: it times out on its own deadline, and its
    // neighbours on the same connection are answered at once.
    void aHangingStreamTimesOutAlone()
    {
        FaultyHttp2Server server(m_certificate.certificateFile(), m_certificate.keyFile(),
                                 [](int, const QByteArray &, const QByteArray &path) {
                                     return path.endsWith("/k-0") ? failed(Fault::Hang) : answered();
                                 });
        QVERIFY(server.start());
        QElapsedTimer timer;
        timer.start();
        const auto results = signTogether(settingsFor(server, 400ms), 3);
        QVERIFY(!results[0].hasValue());
        QCOMPARE(results[0].error().kind, BaoErrorKind::Timeout);
        QVERIFY(results[1].hasValue());
        QVERIFY(results[2].hasValue());
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QStringLiteral("%1 ms").arg(timer.elapsed())));
        QCOMPARE(server.requestsSeen(), 3);
    }
};

QTEST_GUILESS_MAIN(TestBaoHttp2Faults)
#include "TestBaoHttp2Faults.moc"
