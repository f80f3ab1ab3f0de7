#include "core/bao/BeastDial.h"

#include "core/bao/HttpTransport.h"

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <openssl/crypto.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <chrono>
#include <map>
#include <mutex>

namespace baokeys::bao::dial {

BaoError transportError(const QString &message)
{
    return BaoError{BaoErrorKind::Transport, message, 0, {}};
}

QString text(const error_code &ec)
{
    return QString::fromStdString(ec.message());
}

bool isIpAddress(const std::string &host)
{
    error_code ec;
    (void)net::ip::make_address(host, ec);
    return !ec;
}

QString Origin::describe() const
{
    return QStringLiteral("%1:%2").arg(QString::fromStdString(host), QString::fromStdString(port));
}

Origin originOf(const QUrl &url)
{
    Origin origin;
    origin.secure = url.scheme() == QLatin1String("https");
    origin.host = url.host(QUrl::FullyEncoded).toStdString();
    origin.port = std::to_string(url.port(origin.secure ? 443 : 80));
    return origin;
}

std::string requestTarget(const QUrl &url)
{
    QString target = url.path(QUrl::FullyEncoded);
    if (target.isEmpty())
        target = QStringLiteral("/");
    if (url.hasQuery())
        target += QLatin1Char('?') + url.query(QUrl::FullyEncoded);
    return target.toStdString();
}

std::string authorityOf(const QUrl &url)
{
    QUrl withoutUser = url;
    withoutUser.setUserInfo(QString());
    return withoutUser.authority(QUrl::FullyEncoded).toStdString();
}

void wipe(std::string &secret)
{
    OPENSSL_cleanse(secret.data(), secret.size());
}

namespace {

class TlsContexts {
public:
    static TlsContexts &shared()
    {
        static TlsContexts contexts;
        return contexts;
    }

    Expected<std::shared_ptr<ssl::context>, BaoError> find(const QString &caCertFile, bool verifyPeer,
                                                           Alpn alpn)
    {
        QString key = verifyPeer ? QStringLiteral("verify:") + caCertFile : QStringLiteral("none");
        if (alpn == Alpn::Http2)
            key.prepend(QStringLiteral("h2 "));
        std::lock_guard lock(m_mutex);
        if (auto shared = m_contexts[key].lock())
            return shared;
        auto context = std::make_shared<ssl::context>(ssl::context::tls_client);
        context->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                             ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
        if (alpn == Alpn::Http2) {
            static const unsigned char h2[] = "\x02h2";
            SSL_CTX_set_alpn_protos(context->native_handle(), h2, sizeof h2 - 1);
        }
        if (verifyPeer) {
            context->set_verify_mode(ssl::verify_peer);
            error_code ec;
            if (caCertFile.isEmpty())
                context->set_default_verify_paths(ec);
            else
                context->load_verify_file(caCertFile.toStdString(), ec);
            if (ec && !caCertFile.isEmpty())
                return unexpected(HttpTransport::unusableCaFile(caCertFile));
            if (ec)
                return unexpected(transportError(
                    QStringLiteral("the system CA certificates cannot be loaded: %1").arg(text(ec))));
        }
        m_contexts[key] = context;
        return context;
    }

private:
    std::mutex m_mutex;
    std::map<QString, std::weak_ptr<ssl::context>> m_contexts; // guarded by m_mutex
};

// A cold batch opens hundreds of connections to one server at once, and
// each would otherwise call getaddrinfo, which blocks the loop thread it runs
// on (no deadline of ours reaches it) for a DNS round trip: a thousand lanes
// to https://bao.internal:8200 would wait seconds on the DNS, the warm lanes
// on the same thread with them. A failure is not kept.
class ResolvedNames {
public:
    static ResolvedNames &shared()
    {
        static ResolvedNames names;
        return names;
    }

    tcp::resolver::results_type resolve(const net::any_io_executor &executor, const std::string &host,
                                        const std::string &port, error_code &ec)
    {
        // Held across the lookup: a connection that needs the same name
        // waits for this answer instead of asking the DNS too.
        std::lock_guard lock(m_mutex);
        const auto now = std::chrono::steady_clock::now();
        const auto key = std::make_pair(host, port);
        if (const auto found = m_names.find(key); found != m_names.end() && now - found->second.at < KeptFor)
            return found->second.endpoints;
        ++m_lookups;
        tcp::resolver resolver(executor);
        auto endpoints = resolver.resolve(host, port, ec);
        if (ec)
            m_names.erase(key);
        else
            m_names[key] = Entry{endpoints, now};
        return endpoints;
    }

    int lookups() const
    {
        std::lock_guard lock(m_mutex);
        return m_lookups;
    }

private:
    static constexpr std::chrono::seconds KeptFor{30};
    struct Entry {
        tcp::resolver::results_type endpoints;
        std::chrono::steady_clock::time_point at;
    };
    mutable std::mutex m_mutex;
    std::map<std::pair<std::string, std::string>, Entry> m_names; // guarded by m_mutex
    int m_lookups = 0;                                            // guarded by m_mutex
};

} // namespace

Expected<std::shared_ptr<ssl::context>, BaoError> tlsContext(const QString &caCertFile, bool verifyPeer,
                                                             Alpn alpn)
{
    return TlsContexts::shared().find(caCertFile, verifyPeer, alpn);
}

tcp::resolver::results_type resolve(const net::any_io_executor &executor, const Origin &origin,
                                    error_code &ec)
{
    if (isIpAddress(origin.host))
        return tcp::resolver::results_type::create(
            tcp::endpoint(net::ip::make_address(origin.host), net::ip::port_type(std::stoi(origin.port))),
            origin.host, origin.port);
    // getaddrinfo blocks without our deadline: asked once for all the
    // connections opened within half a minute, which are kept afterwards.
    return ResolvedNames::shared().resolve(executor, origin.host, origin.port, ec);
}

int nameLookups()
{
    return ResolvedNames::shared().lookups();
}

net::awaitable<void> connect(tcp::socket &socket, const tcp::resolver::results_type &endpoints,
                             const std::function<bool()> &stopped, error_code &ec)
{
    ec = net::error::not_found;
    for (const auto &entry : endpoints) {
        error_code ignored;
        socket.close(ignored);
        socket.open(entry.endpoint().protocol(), ec);
        if (ec)
            co_return; // the next address would meet the same limit
        co_await socket.async_connect(entry.endpoint(), net::redirect_error(net::use_awaitable, ec));
        if (!ec || stopped())
            co_return;
    }
}

void prepareTls(SSL *tls, const Origin &origin, bool verifyPeer)
{
    if (!isIpAddress(origin.host))
        SSL_set_tlsext_host_name(tls, origin.host.c_str()); // SNI
    if (!verifyPeer)
        return;
    // OpenSSL's own check, so that a mismatch is named in the verdict.
    X509_VERIFY_PARAM *check = SSL_get0_param(tls);
    if (isIpAddress(origin.host)) {
        X509_VERIFY_PARAM_set1_ip_asc(check, origin.host.c_str());
    } else {
        X509_VERIFY_PARAM_set_hostflags(check, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
        X509_VERIFY_PARAM_set1_host(check, origin.host.c_str(), 0);
    }
}

void explainHandshake(BaoError &error, SSL *tls)
{
    const long verdict = SSL_get_verify_result(tls);
    if (error.kind == BaoErrorKind::Transport && verdict != X509_V_OK)
        error.message += QStringLiteral(": ") + QString::fromLatin1(X509_verify_cert_error_string(verdict));
}

} // namespace baokeys::bao::dial
