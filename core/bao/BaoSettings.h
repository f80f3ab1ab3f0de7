#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

class QProcessEnvironment;

namespace baokeys::bao {

// What carries the HTTP requests (see HttpTransport).
enum class HttpTransportKind {
    QtNetwork, // QNetworkAccessManager: Qt's proxy settings, HTTP/2 where offered
    Beast,     // Boost.Beast on the calling thread: the lean one, for batch lanes
};

// Where and how to reach OpenBao (or the embedded signer). A plain value.
//
// fromEnvironment() reads the same variables as OpenBao's own CLI, with the
// VAULT_* names as fallbacks: BAO_ADDR, BAO_TOKEN, BAO_NAMESPACE, BAO_CACERT,
// BAO_SKIP_VERIFY, BAO_CLIENT_TIMEOUT ("30", "30s", "500ms", "2m"), and one
// of ours: BAOKEYS_HTTP2=0 keeps batch lanes on HTTP/1.1 (see `http2`).
// The token is a secret: it is never logged, and describe() leaves it out.
struct BaoSettings {
    // One address, or the nodes of a cluster comma-separated in the order to
    // try them ("https://bao-1:8200,https://bao-2:8200"); see addresses().
    QString address = QStringLiteral("https://127.0.0.1:8200"); // bao CLI default
    QString token;
    QString ns;                                  // X-Vault-Namespace; empty: none
    QString mount = QStringLiteral("secp256k1"); // engine mount path, no slashes at the ends
    QString caCertFile;                          // PEM; empty: the system CAs
    bool tlsSkipVerify = false;                  // only when explicitly asked (warned once)
    std::chrono::milliseconds timeout{30000};    // per request (transfer timeout)
    HttpTransportKind transport = HttpTransportKind::QtNetwork;
    // Batch lanes (Beast on an IoEngine) to an https address: HTTP/2 when the
    // server offers it, a few shared connections instead of one per lane.
    // False keeps them on HTTP/1.1 (a proxy that mishandles HTTP/2).
    bool http2 = true;

    static BaoSettings fromEnvironment();
    static BaoSettings fromEnvironment(const QProcessEnvironment &env);
    // "30" (seconds), "30s", "500ms", "2m", "1h": the forms BAO_CLIENT_TIMEOUT
    // takes. Nothing for text that is not a positive duration.
    static std::optional<std::chrono::milliseconds> parseDuration(const QString &text);

    // What is wrong with one node's address, judged before any request: a
    // user name or password in it (OpenBao takes a token, and addresses are
    // shown in status lines and errors), or not an http(s) URL with a host
    // ("127.0.0.1:8200", a port past 65535, two addresses run together).
    enum class AddressProblem { None, HoldsUserInfo, NotHttpUrl };
    static AddressProblem addressProblem(const QString &address);

    // The nodes `address` names, trimmed, without trailing slashes, never
    // empty (an empty address stays one empty entry, refused when used).
    QStringList addresses() const;
    // The node requests go to first (the first one listed).
    QString firstAddress() const { return addresses().constFirst(); }

    // "https://bao:8200 ns=team mount=secp256k1 token=set": never the token itself.
    QString describe() const;

    // Why the token or the namespace cannot go into an HTTP header, or empty
    // when both can. A line break (or any other control character) would end
    // the header and start one of the sender's choosing. Never quotes the token.
    QString headerProblem() const;
    static bool hasControlCharacter(const QString &text);
    // Why a mount path or a namespace is not plain segments between slashes
    // (letters, digits, "_", "-", "."; no "." or ".." segment), or empty when
    // it is. Both end up in URLs, in the policies an operator applies and in
    // the command printed to apply them, where a quote, a space or a line
    // break would change what they say.
    static QString pathProblem(const QString &path);
    // A mount path as typed ("/secp256k1/", "team/secp256k1") as the engine's
    // URLs use it: without slashes at either end.
    static QString mountPath(QString typed);
    // A namespace as typed, without the trailing slash OpenBao prints after
    // one ("team-a/"): the form pathProblem judges.
    static QString namespacePath(QString typed);
};

} // namespace baokeys::bao

Q_DECLARE_METATYPE(baokeys::bao::HttpTransportKind)
