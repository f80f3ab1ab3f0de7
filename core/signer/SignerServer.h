#pragma once

#include "core/common/Expected.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <chrono>
#include <memory>

namespace baokeys::signer {

// How the embedded signer is started. Mirrors `baokeys-signer` flags.
struct SignerOptions {
    QString listenHost = QStringLiteral("127.0.0.1");
    quint16 port = 0; // 0: pick a free port (read it back with port())
    QString mount = QStringLiteral("secp256k1");
    QString rootToken;     // empty: a random token is generated
    QString dataDir;       // empty: in-memory dev mode
    QByteArray passphrase; // for dataDir; wiped after the key is derived
    bool startSealed = false;
    // Start as a standby of the node at this http(s) origin (see
    // SignerServer::setStandbyOf); empty: active.
    QString standbyOf;
    QString tlsCertFile; // both set: serve HTTPS
    QString tlsKeyFile;
    bool http2 = true;           // over HTTPS, offer HTTP/2 (ALPN), as OpenBao does
    bool insecureListen = false; // allow plain HTTP on a non-loopback address
    int ioThreads = 2;
    // Open connections at most (also kept under the open-file limit); at the
    // cap, idle keep-alive connections are closed to make room.
    int maxConnections = 1024;
    // Request bodies held in memory at once, over all connections: a request
    // that would go over it is answered 503 before its body is read.
    quint64 bodyMemoryBudget = quint64(128) << 20;
    // How long stop() waits for requests in flight to be answered.
    std::chrono::milliseconds shutdownGrace{10000};
};

// Fault and latency injection, settable while the server runs.
struct FaultSettings {
    std::chrono::milliseconds latency{0};
    std::chrono::milliseconds latencyJitter{0};
    QHash<QString, std::chrono::milliseconds> keyLatency; // key name -> latency, replaces `latency` for it
    double failRate = 0.0;                                // share of engine requests answered 500
    // Engine requests per second past which the answer is 429 with
    // Retry-After, like an OpenBao rate-limit quota (0: no limit).
    double rateLimit = 0.0;
};

struct SignerStartError {
    enum class Kind {
        BadOptions,
        BindFailed,
        TlsFailed,
        DataDirUnreadable,
        DataDirLocked, // another signer serves that folder
        WrongPassphrase,
        CorruptKeyFile
    };
    Kind kind = Kind::BadOptions;
    QString message; // names the file or address at fault
};

// The embedded OpenBao-compatible secp256k1 signer: engine + HTTP front on its
// own I/O threads, usable in-process (tests, GUI) or from `baokeys-signer`.
// Thread-safety: every public member may be called from any thread.
class SignerServer {
public:
    explicit SignerServer(SignerOptions options = {});
    ~SignerServer(); // stops and joins
    SignerServer(const SignerServer &) = delete;
    SignerServer &operator=(const SignerServer &) = delete;

    Expected<void, SignerStartError> start();
    // Stops accepting, lets requests in flight answer (up to shutdownGrace),
    // then stops. Keys stay in memory until then.
    void stop();

    bool isRunning() const;
    quint16 port() const;
    QString address() const; // "http://127.0.0.1:8200" (or https)
    QString rootToken() const;
    QString mount() const;

    void setFaults(const FaultSettings &faults);
    FaultSettings faults() const;

    // A standby answers sys/health 429 (standby: true) and redirects every
    // other request with 307 to `activeAddress` + its path and query; empty
    // makes it the active node again (a failover). Takes effect at once.
    void setStandbyOf(const QString &activeAddress);
    QString standbyOf() const;

    void seal();
    bool unseal(const QString &unsealKey); // dev mode's unseal key
    bool isSealed() const;
    QString unsealKey() const;

    // Requests that reached the engine (after auth), per operation, for tests
    // that must prove every request arrived.
    quint64 engineRequestCount() const;

private:
    class Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace baokeys::signer
