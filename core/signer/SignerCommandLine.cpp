#include "core/signer/SignerCommandLine.h"

#include "core/common/KeyName.h"
#include "core/crypto/SecureBytes.h"

#include <QCommandLineParser>
#include <QFile>
#include <QRegularExpression>
#include <QUrl>
#include <cmath>

namespace baokeys::signer::SignerCommandLine {

Expected<std::chrono::milliseconds, QString> parseDuration(QStringView text)
{
    const QString input = text.trimmed().toString();
    bool isNumber = false;
    const qlonglong bare = input.toLongLong(&isNumber);
    if (isNumber && bare >= 0)
        return std::chrono::milliseconds(bare);
    static const QRegularExpression part(QStringLiteral(R"((\d+(?:\.\d+)?)(ms|s|m|h))"));
    double total = 0;
    if (input.isEmpty())
        return unexpected(QStringLiteral("empty duration"));
    qsizetype pos = 0;
    while (pos < input.size()) {
        const auto match = part.match(input, pos, QRegularExpression::NormalMatch,
                                      QRegularExpression::AnchorAtOffsetMatchOption);
        if (!match.hasMatch())
            return unexpected(
                QStringLiteral("invalid duration \"%1\" (use e.g. 200ms, 1.5s, 2m)").arg(input));
        const double value = match.captured(1).toDouble();
        const QString unit = match.captured(2);
        const double factor = unit == QLatin1String("ms")  ? 1
                              : unit == QLatin1String("s") ? 1000
                              : unit == QLatin1String("m") ? 60000
                                                           : 3600000;
        total += value * factor;
        pos += match.capturedLength(0);
    }
    if (total > 24.0 * 3600000)
        return unexpected(QStringLiteral("duration \"%1\" is longer than a day").arg(input));
    return std::chrono::milliseconds(qint64(std::llround(total)));
}

namespace {

Expected<QPair<QString, quint16>, QString> parseListen(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return unexpected(QStringLiteral("--listen needs HOST:PORT, got \"%1\"").arg(text));
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return unexpected(QStringLiteral("--listen has an invalid port in \"%1\"").arg(text));
    return qMakePair(host, quint16(port));
}

} // namespace

Expected<SignerLaunch, QString> parse(const QStringList &arguments, const QProcessEnvironment &environment)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("An OpenBao-compatible signer serving the secp256k1 secrets engine over HTTP.\n"
                       "Dev mode keeps keys in memory; --data-dir keeps them encrypted on disk."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    const QCommandLineOption dev(QStringLiteral("dev"), QStringLiteral("Dev mode: keys in memory only."));
    const QCommandLineOption rootToken(QStringLiteral("dev-root-token-id"),
                                       QStringLiteral("Root token to accept (default: random, printed)."),
                                       QStringLiteral("token"));
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Address to listen on (127.0.0.1:8200)."),
                                    QStringLiteral("host:port"), QStringLiteral("127.0.0.1:8200"));
    const QCommandLineOption mount(QStringLiteral("mount"), QStringLiteral("Engine mount path (secp256k1)."),
                                   QStringLiteral("path"), QStringLiteral("secp256k1"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("Keep keys encrypted in this folder across restarts."),
                                     QStringLiteral("dir"));
    const QCommandLineOption passphraseFile(
        QStringLiteral("passphrase-file"),
        QStringLiteral("File holding the data folder passphrase (else $BAOKEYS_SIGNER_PASSPHRASE)."),
        QStringLiteral("file"));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"),
                                     QStringLiteral("PEM certificate chain for HTTPS."),
                                     QStringLiteral("file"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"), QStringLiteral("PEM private key for HTTPS."),
                                    QStringLiteral("file"));
    const QCommandLineOption noHttp2(
        QStringLiteral("no-http2"),
        QStringLiteral("Over HTTPS, serve HTTP/1.1 only (as behind an HTTP/1.1 proxy)."));
    const QCommandLineOption insecure(QStringLiteral("insecure-listen"),
                                      QStringLiteral("Allow plain HTTP on a non-loopback address."));
    const QCommandLineOption latency(QStringLiteral("latency"),
                                     QStringLiteral("Delay every engine answer (e.g. 200ms)."),
                                     QStringLiteral("duration"));
    const QCommandLineOption jitter(QStringLiteral("latency-jitter"),
                                    QStringLiteral("Spread the delay by up to +/- this much."),
                                    QStringLiteral("duration"));
    const QCommandLineOption keyLatency(
        QStringLiteral("latency-key"), QStringLiteral("Delay for one key, replacing --latency (repeatable)."),
        QStringLiteral("name=duration"));
    const QCommandLineOption failRate(QStringLiteral("fail-rate"),
                                      QStringLiteral("Share of engine requests answered 500 (0..1)."),
                                      QStringLiteral("rate"));
    const QCommandLineOption rateLimit(
        QStringLiteral("rate-limit"),
        QStringLiteral("Answer engine requests past N per second with 429 and Retry-After (e.g. 200/s)."),
        QStringLiteral("N/s"));
    const QCommandLineOption standbyOf(
        QStringLiteral("standby-of"),
        QStringLiteral("Act as a standby of the active node at URL: sys/health answers 429, every other "
                       "request is redirected there with 307."),
        QStringLiteral("URL"));
    const QCommandLineOption startSealed(QStringLiteral("start-sealed"),
                                         QStringLiteral("Start sealed; unseal with the printed key."));
    const QCommandLineOption ioThreads(QStringLiteral("io-threads"),
                                       QStringLiteral("I/O threads (default 2)."), QStringLiteral("n"),
                                       QStringLiteral("2"));
    const QCommandLineOption maxConnections(
        QStringLiteral("max-connections"),
        QStringLiteral("Open connections at most; idle ones make room for new ones (default 1024)."),
        QStringLiteral("n"), QStringLiteral("1024"));
    const QCommandLineOption shutdownGrace(
        QStringLiteral("shutdown-grace"),
        QStringLiteral("On SIGTERM/SIGINT, how long requests in flight may take to answer (default 10s)."),
        QStringLiteral("duration"), QStringLiteral("10s"));
    parser.addOptions({help,           dev,           rootToken, listen,    mount,       dataDir,
                       passphraseFile, tlsCert,       tlsKey,    insecure,  latency,     jitter,
                       keyLatency,     failRate,      rateLimit, standbyOf, startSealed, ioThreads,
                       maxConnections, shutdownGrace, noHttp2});

    SignerLaunch launch;
    if (!parser.parse(arguments))
        return unexpected(parser.errorText());
    if (parser.isSet(help)) {
        launch.helpRequested = true;
        launch.helpText = parser.helpText();
        return launch;
    }
    if (!parser.positionalArguments().isEmpty())
        return unexpected(
            QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().first()));

    SignerOptions &options = launch.options;
    launch.dev = parser.isSet(dev);
    if (launch.dev && parser.isSet(dataDir))
        return unexpected(
            QStringLiteral("--dev keeps keys in memory; it cannot be combined with --data-dir"));
    if (!launch.dev && !parser.isSet(dataDir))
        return unexpected(
            QStringLiteral("give --dev (keys in memory) or --data-dir DIR (keys encrypted on disk)"));

    auto address = parseListen(parser.value(listen));
    if (!address)
        return unexpected(address.error());
    options.listenHost = address->first;
    options.port = address->second;
    options.mount = parser.value(mount);
    options.rootToken = parser.value(rootToken);
    options.tlsCertFile = parser.value(tlsCert);
    options.tlsKeyFile = parser.value(tlsKey);
    options.insecureListen = parser.isSet(insecure);
    options.http2 = !parser.isSet(noHttp2);
    options.startSealed = parser.isSet(startSealed);
    options.standbyOf = parser.value(standbyOf).trimmed();
    while (options.standbyOf.endsWith(QLatin1Char('/')))
        options.standbyOf.chop(1);
    if (parser.isSet(standbyOf)) {
        const QUrl active(options.standbyOf, QUrl::StrictMode);
        if (!active.isValid() || active.host().isEmpty() || !active.path().isEmpty() ||
            (active.scheme() != QLatin1String("http") && active.scheme() != QLatin1String("https")))
            return unexpected(QStringLiteral("--standby-of needs the active node's http(s) address such as "
                                             "https://10.0.0.1:8200, got \"%1\"")
                                  .arg(parser.value(standbyOf)));
    }
    bool ok = false;
    options.ioThreads = parser.value(ioThreads).toInt(&ok);
    if (!ok || options.ioThreads < 1 || options.ioThreads > 64)
        return unexpected(QStringLiteral("--io-threads must be 1..64"));
    options.maxConnections = parser.value(maxConnections).toInt(&ok);
    if (!ok || options.maxConnections < 1 || options.maxConnections > 1000000)
        return unexpected(QStringLiteral("--max-connections must be 1..1000000"));
    auto grace = parseDuration(parser.value(shutdownGrace));
    if (!grace)
        return unexpected(QStringLiteral("--shutdown-grace: %1").arg(grace.error()));
    options.shutdownGrace = *grace;

    if (parser.isSet(dataDir)) {
        options.dataDir = parser.value(dataDir);
        if (parser.isSet(passphraseFile)) {
            QFile file(parser.value(passphraseFile));
            if (!file.open(QIODevice::ReadOnly))
                return unexpected(QStringLiteral("cannot read passphrase file %1: %2")
                                      .arg(file.fileName(), file.errorString()));
            options.passphrase = file.readAll();
            // A trailing newline from `echo` is not part of the passphrase.
            while (options.passphrase.endsWith('\n') || options.passphrase.endsWith('\r'))
                options.passphrase.chop(1);
        } else {
            options.passphrase = environment.value(QStringLiteral("BAOKEYS_SIGNER_PASSPHRASE")).toUtf8();
        }
        if (options.passphrase.isEmpty())
            return unexpected(QStringLiteral("--data-dir needs a passphrase: --passphrase-file FILE or "
                                             "BAOKEYS_SIGNER_PASSPHRASE"));
    }

    FaultSettings &faults = launch.faults;
    if (parser.isSet(latency)) {
        auto value = parseDuration(parser.value(latency));
        if (!value)
            return unexpected(QStringLiteral("--latency: %1").arg(value.error()));
        faults.latency = *value;
    }
    if (parser.isSet(jitter)) {
        auto value = parseDuration(parser.value(jitter));
        if (!value)
            return unexpected(QStringLiteral("--latency-jitter: %1").arg(value.error()));
        faults.latencyJitter = *value;
    }
    for (const QString &entry : parser.values(keyLatency)) {
        const qsizetype eq = entry.indexOf(QLatin1Char('='));
        const QString name = entry.left(eq);
        if (eq <= 0 || !KeyName::isValid(name))
            return unexpected(QStringLiteral("--latency-key needs NAME=DURATION, got \"%1\"").arg(entry));
        auto value = parseDuration(QStringView(entry).mid(eq + 1));
        if (!value)
            return unexpected(QStringLiteral("--latency-key %1: %2").arg(name, value.error()));
        faults.keyLatency.insert(name, *value);
    }
    if (parser.isSet(rateLimit)) {
        QString text = parser.value(rateLimit);
        if (text.endsWith(QLatin1String("/s")))
            text.chop(2);
        const double perSecond = text.toDouble(&ok);
        if (!ok || perSecond <= 0.0)
            return unexpected(
                QStringLiteral("--rate-limit needs N/s with N > 0, got \"%1\"").arg(parser.value(rateLimit)));
        faults.rateLimit = perSecond;
    }
    if (parser.isSet(failRate)) {
        const double rate = parser.value(failRate).toDouble(&ok);
        if (!ok || rate < 0.0 || rate > 1.0)
            return unexpected(QStringLiteral("--fail-rate must be a number from 0 to 1"));
        faults.failRate = rate;
    }
    return launch;
}

} // namespace baokeys::signer::SignerCommandLine
