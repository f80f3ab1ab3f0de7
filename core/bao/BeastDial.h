#pragma once

// Inside core/bao only: what the HTTP/1.1 connections (BeastTransport) and
// the HTTP/2 ones (Http2Pool) share to reach a server: where a URL goes,
// the shared TLS contexts, the process's cache of resolved names, and the
// TLS checks of a new connection.
#include "core/bao/BaoError.h"
#include "core/common/Expected.h"

#include <QString>
#include <QUrl>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>

#include <functional>
#include <memory>
#include <string>
#include <tuple>

namespace baokeys::bao::dial {

namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;
using boost::system::error_code;

// A LIST of 100,000 keys with their key_info is about 25 MB.
constexpr std::uint64_t MaxAnswerBytes = 64ull * 1024 * 1024;

BaoError transportError(const QString &message);
QString text(const error_code &ec);
bool isIpAddress(const std::string &host);

// Where a connection goes; a kept connection is reused only for the same one.
struct Origin {
    bool secure = false;
    std::string host; // without IPv6 brackets
    std::string port;
    bool operator==(const Origin &) const = default;
    bool operator<(const Origin &other) const
    {
        return std::tie(secure, host, port) < std::tie(other.secure, other.host, other.port);
    }
    QString describe() const;
};
Origin originOf(const QUrl &url);

// What a request line names (path and query, percent-encoded; "/" for an
// empty path) and its Host or :authority (the URL's, without user info).
std::string requestTarget(const QUrl &url);
std::string authorityOf(const QUrl &url);

// Zeroes a string that may hold a secret (a token, a private key).
void wipe(std::string &secret);

// Which application protocols a TLS connection offers (ALPN).
enum class Alpn {
    None,  // HTTP/1.1 without ALPN, as before HTTP/2 (BeastTransport's connections)
    Http2, // "h2" only: a server that declines it is spoken to over HTTP/1.1 instead
};

// OpenSSL 3 parses the whole CA bundle when a context learns where it is
// (about 45 ms here): every lane of a batch would pay that on its first
// request. Contexts are shared instead, one per CA choice and ALPN offer,
// for as long as a connection uses them; an SSL_CTX is safe to share once
// it is set up. Thread-safety: any thread.
Expected<std::shared_ptr<ssl::context>, BaoError> tlsContext(const QString &caCertFile, bool verifyPeer,
                                                             Alpn alpn = Alpn::None);

// Host names resolved in the last half minute, shared by every connection
// of the process (see BeastDial.cpp). Thread-safety: any thread.
tcp::resolver::results_type resolve(const net::any_io_executor &executor, const Origin &origin,
                                    error_code &ec);
int nameLookups();

// The addresses in turn until one answers, each socket opened here: asio's
// range connect reports a socket it could not open (no descriptor left:
// EMFILE) as "Operation canceled". `stopped` ends the tries early.
net::awaitable<void> connect(tcp::socket &socket, const tcp::resolver::results_type &endpoints,
                             const std::function<bool()> &stopped, error_code &ec);

// SNI and OpenSSL's own host name (or IP) check, before the handshake.
void prepareTls(SSL *tls, const Origin &origin, bool verifyPeer);
// A failed handshake in words, with the certificate's verdict when it was the cause.
void explainHandshake(BaoError &error, SSL *tls);

} // namespace baokeys::bao::dial
