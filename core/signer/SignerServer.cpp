#include "core/signer/SignerServer.h"

#include "core/common/KeyName.h"
#include "core/crypto/SecureBytes.h"
#include "core/signer/DataDirLock.h"
#include "core/signer/FaultInjector.h"
#include "core/signer/HttpListener.h"
#include "core/signer/KeyFileCipher.h"
#include "core/signer/KeyFileStore.h"
#include "core/signer/KeyStore.h"
#include "core/signer/SecpEngine.h"
#include "core/signer/ServerState.h"
#include "core/signer/VaultRouter.h"

#include <QFileInfo>
#include <QHostAddress>
#include <QUrl>
#include <mutex>

namespace baokeys::signer {

namespace {

Unexpected<SignerStartError> badOptions(QString message)
{
    return {SignerStartError{SignerStartError::Kind::BadOptions, std::move(message)}};
}

bool isLoopback(const QString &host)
{
    if (host == QLatin1String("localhost"))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

// "s." + 24 characters from [A-Za-z0-9], the shape of an OpenBao service token.
QByteArray randomToken()
{
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QByteArray raw = KeyFileCipher::randomBytes(48);
    QByteArray token = "s.";
    for (char c : raw) {
        const unsigned char b = static_cast<unsigned char>(c);
        if (b < 248) // 248 = 4 * 62: keeps the draw uniform
            token.append(alphabet[b % 62]);
        if (token.size() == 26)
            break;
    }
    crypto::wipe(raw);
    return token.size() == 26 ? token : randomToken();
}

} // namespace

class SignerServer::Impl {
public:
    explicit Impl(SignerOptions options) : m_options(std::move(options)) {}
    ~Impl() { crypto::wipe(m_options.passphrase); }

    Expected<void, SignerStartError> start()
    {
        std::lock_guard lock(m_mutex);
        if (m_listener)
            return badOptions(QStringLiteral("the signer is already running"));

        QString mount = m_options.mount;
        while (mount.endsWith(QLatin1Char('/')))
            mount.chop(1);
        while (mount.startsWith(QLatin1Char('/')))
            mount.remove(0, 1);
        const QStringList mountParts = mount.split(QLatin1Char('/'));
        for (const QString &part : mountParts) {
            if (!KeyName::isValid(part) || part == QLatin1String("sys") || part == QLatin1String("auth"))
                return badOptions(QStringLiteral("invalid mount path \"%1\"").arg(m_options.mount));
        }
        if (!m_options.standbyOf.isEmpty()) {
            const QUrl active(m_options.standbyOf, QUrl::StrictMode);
            if (!active.isValid() || active.host().isEmpty() ||
                (!active.path().isEmpty() && active.path() != QLatin1String("/")) ||
                (active.scheme() != QLatin1String("http") && active.scheme() != QLatin1String("https")))
                return badOptions(
                    QStringLiteral("--standby-of needs the active node's http(s) address such as "
                                   "https://10.0.0.1:8200, got \"%1\"")
                        .arg(m_options.standbyOf));
        }
        if (m_options.tlsCertFile.isEmpty() != m_options.tlsKeyFile.isEmpty())
            return badOptions(QStringLiteral("TLS needs both a certificate and a key file"));
        const bool tls = !m_options.tlsCertFile.isEmpty();
        if (!isLoopback(m_options.listenHost) && !tls && !m_options.insecureListen) {
            return badOptions(
                QStringLiteral("refusing plain HTTP on non-loopback address %1: give a TLS certificate "
                               "and key, or allow it explicitly with --insecure-listen")
                    .arg(m_options.listenHost));
        }

        std::unique_ptr<KeyStore> keys;
        std::unique_ptr<DataDirLock> folderLock;
        if (!m_options.dataDir.isEmpty()) {
            // Before the folder is read: a second signer on it would hand out
            // keys the first one overwrites.
            auto locked = DataDirLock::acquire(QFileInfo(m_options.dataDir).absoluteFilePath());
            if (!locked) {
                crypto::wipe(m_options.passphrase);
                return unexpected(locked.error());
            }
            folderLock = std::move(locked).value();
            auto opened = KeyFileStore::open(m_options.dataDir, m_options.passphrase);
            if (!opened)
                return unexpected(opened.error());
            KeyFileStore::Opened files = std::move(opened).value();
            keys = std::make_unique<KeyStore>(std::move(files.store), std::move(files.keys));
        } else {
            keys = std::make_unique<KeyStore>();
        }
        crypto::wipe(m_options.passphrase);

        QByteArray token = m_options.rootToken.isEmpty() ? randomToken() : m_options.rootToken.toUtf8();
        QByteArray unsealRaw = KeyFileCipher::randomBytes(32);
        QByteArray unsealKey = unsealRaw.toBase64();
        crypto::wipe(unsealRaw);
        auto state = std::make_unique<ServerState>(
            std::move(token), std::move(unsealKey), m_options.startSealed,
            keys->isPersistent() ? QStringLiteral("file") : QStringLiteral("inmem"));
        state->setStandbyOf(m_options.standbyOf);
        auto engine = std::make_unique<SecpEngine>(*keys);
        auto router = std::make_unique<VaultRouter>(*state, *engine, m_faults, mount);

        HttpListener::Config config;
        config.host = m_options.listenHost;
        config.port = m_options.port;
        config.tlsCertFile = m_options.tlsCertFile;
        config.tlsKeyFile = m_options.tlsKeyFile;
        config.http2 = m_options.http2;
        config.threads = m_options.ioThreads;
        config.maxConnections = std::size_t(std::max(1, m_options.maxConnections));
        config.bodyBudget = m_options.bodyMemoryBudget;
        config.shutdownGrace = m_options.shutdownGrace;
        VaultRouter *routerPtr = router.get();
        auto listener = std::make_unique<HttpListener>(
            config, [routerPtr](HttpRequest &request) { return routerPtr->handle(request); },
            [routerPtr](const HttpRequest &headers) { return routerPtr->screen(headers); });
        auto port = listener->start();
        if (!port)
            return unexpected(port.error());

        m_dataDirLock = std::move(folderLock);
        m_keys = std::move(keys);
        m_state = std::move(state);
        m_engine = std::move(engine);
        m_router = std::move(router);
        m_listener = std::move(listener);
        m_port = *port;
        m_tls = tls;
        m_mount = mount;
        return {};
    }

    void stop()
    {
        std::lock_guard lock(m_mutex);
        if (m_listener)
            m_listener->stop(); // joins the I/O threads: nothing uses the engine after this
        m_listener.reset();
        m_router.reset();
        m_engine.reset();
        m_keys.reset(); // wipes the keys held in memory
        m_dataDirLock.reset();
        // m_state stays so rootToken()/unsealKey() still answer after stop.
    }

    bool isRunning() const
    {
        std::lock_guard lock(m_mutex);
        return m_listener != nullptr;
    }
    quint16 port() const
    {
        std::lock_guard lock(m_mutex);
        return m_port;
    }
    QString address() const
    {
        std::lock_guard lock(m_mutex);
        QString host = m_options.listenHost;
        if (host.contains(QLatin1Char(':')))
            host = QLatin1Char('[') + host + QLatin1Char(']');
        return QStringLiteral("%1://%2:%3")
            .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"), host)
            .arg(m_port);
    }
    QString rootToken() const
    {
        std::lock_guard lock(m_mutex);
        return m_state ? QString::fromUtf8(m_state->rootToken()) : m_options.rootToken;
    }
    QString mount() const
    {
        std::lock_guard lock(m_mutex);
        return m_mount.isEmpty() ? m_options.mount : m_mount;
    }
    void setStandbyOf(const QString &activeAddress)
    {
        std::lock_guard lock(m_mutex);
        m_options.standbyOf = activeAddress;
        if (m_state)
            m_state->setStandbyOf(activeAddress);
    }
    QString standbyOf() const
    {
        std::lock_guard lock(m_mutex);
        return m_options.standbyOf;
    }
    void seal()
    {
        std::lock_guard lock(m_mutex);
        if (m_state)
            m_state->seal();
    }
    bool unseal(const QString &key)
    {
        std::lock_guard lock(m_mutex);
        return m_state && m_state->unseal(key.toUtf8());
    }
    bool isSealed() const
    {
        std::lock_guard lock(m_mutex);
        return m_state ? m_state->isSealed() : m_options.startSealed;
    }
    QString unsealKey() const
    {
        std::lock_guard lock(m_mutex);
        return m_state ? QString::fromLatin1(m_state->unsealKey()) : QString();
    }
    quint64 engineRequestCount() const
    {
        std::lock_guard lock(m_mutex);
        return m_router ? m_router->engineRequestCount() : 0;
    }

    FaultInjector m_faults; // thread-safe on its own; outlives every start/stop

private:
    mutable std::mutex m_mutex;
    SignerOptions m_options;
    std::unique_ptr<DataDirLock> m_dataDirLock;
    std::unique_ptr<KeyStore> m_keys;
    std::unique_ptr<ServerState> m_state;
    std::unique_ptr<SecpEngine> m_engine;
    std::unique_ptr<VaultRouter> m_router;
    std::unique_ptr<HttpListener> m_listener;
    quint16 m_port = 0;
    bool m_tls = false;
    QString m_mount;
};

SignerServer::SignerServer(SignerOptions options) : m_impl(std::make_unique<Impl>(std::move(options))) {}

SignerServer::~SignerServer()
{
    m_impl->stop();
}

Expected<void, SignerStartError> SignerServer::start()
{
    return m_impl->start();
}

void SignerServer::stop()
{
    m_impl->stop();
}

bool SignerServer::isRunning() const
{
    return m_impl->isRunning();
}

quint16 SignerServer::port() const
{
    return m_impl->port();
}

QString SignerServer::address() const
{
    return m_impl->address();
}

QString SignerServer::rootToken() const
{
    return m_impl->rootToken();
}

QString SignerServer::mount() const
{
    return m_impl->mount();
}

void SignerServer::setFaults(const FaultSettings &faults)
{
    m_impl->m_faults.setSettings(faults);
}

FaultSettings SignerServer::faults() const
{
    return m_impl->m_faults.settings();
}

void SignerServer::setStandbyOf(const QString &activeAddress)
{
    m_impl->setStandbyOf(activeAddress);
}

QString SignerServer::standbyOf() const
{
    return m_impl->standbyOf();
}

void SignerServer::seal()
{
    m_impl->seal();
}

bool SignerServer::unseal(const QString &unsealKey)
{
    return m_impl->unseal(unsealKey);
}

bool SignerServer::isSealed() const
{
    return m_impl->isSealed();
}

QString SignerServer::unsealKey() const
{
    return m_impl->unsealKey();
}

quint64 SignerServer::engineRequestCount() const
{
    return m_impl->engineRequestCount();
}

} // namespace baokeys::signer
