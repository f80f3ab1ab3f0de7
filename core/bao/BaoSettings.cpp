#include "core/bao/BaoSettings.h"

#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <optional>

namespace baokeys::bao {

namespace {

// BAO_X, else VAULT_X (OpenBao's CLI reads both, BAO_ first).
QString lookup(const QProcessEnvironment &env, const QString &suffix)
{
    const QString bao = env.value(QStringLiteral("BAO_") + suffix);
    if (!bao.isEmpty())
        return bao;
    return env.value(QStringLiteral("VAULT_") + suffix);
}

// Go's strconv.ParseBool, which the bao CLI uses for BAO_SKIP_VERIFY.
bool parseGoBool(const QString &text)
{
    static const QStringList truthy = {QStringLiteral("1"),    QStringLiteral("t"),
                                       QStringLiteral("T"),    QStringLiteral("true"),
                                       QStringLiteral("True"), QStringLiteral("TRUE")};
    return truthy.contains(text);
}

} // namespace

BaoSettings BaoSettings::fromEnvironment()
{
    return fromEnvironment(QProcessEnvironment::systemEnvironment());
}

BaoSettings BaoSettings::fromEnvironment(const QProcessEnvironment &env)
{
    BaoSettings settings;
    if (const QString addr = lookup(env, QStringLiteral("ADDR")); !addr.isEmpty())
        settings.address = addr;
    settings.token = lookup(env, QStringLiteral("TOKEN"));
    settings.ns = lookup(env, QStringLiteral("NAMESPACE"));
    settings.caCertFile = lookup(env, QStringLiteral("CACERT"));
    settings.tlsSkipVerify = parseGoBool(lookup(env, QStringLiteral("SKIP_VERIFY")));
    if (const auto timeout = parseDuration(lookup(env, QStringLiteral("CLIENT_TIMEOUT"))))
        settings.timeout = *timeout;
    // Ours, not the bao CLI's: "0" or "false" keeps batch lanes on HTTP/1.1.
    if (const QString http2 = env.value(QStringLiteral("BAOKEYS_HTTP2")); !http2.isEmpty())
        settings.http2 = parseGoBool(http2);
    return settings;
}

QStringList BaoSettings::addresses() const
{
    QStringList nodes;
    for (QString node : address.split(QLatin1Char(','))) {
        node = node.trimmed();
        while (node.endsWith(QLatin1Char('/')))
            node.chop(1);
        if (!node.isEmpty() && !nodes.contains(node))
            nodes << node;
    }
    if (nodes.isEmpty())
        nodes << QString();
    return nodes;
}

QString BaoSettings::describe() const
{
    QString text = address;
    if (!ns.isEmpty())
        text += QStringLiteral(" ns=") + ns;
    text += QStringLiteral(" mount=") + mount;
    text += token.isEmpty() ? QStringLiteral(" token=none") : QStringLiteral(" token=set");
    if (!caCertFile.isEmpty())
        text += QStringLiteral(" cacert=") + caCertFile;
    if (tlsSkipVerify)
        text += QStringLiteral(" tls-verify=OFF");
    if (!http2)
        text += QStringLiteral(" http2=off");
    return text;
}

QString BaoSettings::headerProblem() const
{
    if (hasControlCharacter(token))
        return QStringLiteral("the token holds a line break or another control character");
    if (hasControlCharacter(ns))
        return QStringLiteral("the namespace holds a line break or another control character");
    return {};
}

bool BaoSettings::hasControlCharacter(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(),
                       [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; });
}

BaoSettings::AddressProblem BaoSettings::addressProblem(const QString &address)
{
    if (!QUrl(address).userInfo().isEmpty())
        return AddressProblem::HoldsUserInfo;
    const QUrl url(address, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return AddressProblem::NotHttpUrl;
    return AddressProblem::None;
}

QString BaoSettings::mountPath(QString typed)
{
    while (typed.startsWith(QLatin1Char('/')))
        typed.remove(0, 1);
    while (typed.endsWith(QLatin1Char('/')))
        typed.chop(1);
    return typed;
}

QString BaoSettings::namespacePath(QString typed)
{
    if (typed.endsWith(QLatin1Char('/')))
        typed.chop(1);
    return typed;
}

QString BaoSettings::pathProblem(const QString &path)
{
    static const QRegularExpression segment(QStringLiteral("^[A-Za-z0-9_.-]+$"));
    if (path.isEmpty())
        return QStringLiteral("it is empty");
    for (const QString &part : path.split(QLatin1Char('/'))) {
        if (part.isEmpty())
            return QStringLiteral("it has an empty segment (\"//\", or a slash at an end)");
        if (part == QLatin1String(".") || part == QLatin1String(".."))
            return QStringLiteral("it has a \"%1\" segment").arg(part);
        if (!segment.match(part).hasMatch())
            return QStringLiteral("use letters, digits, \"_\", \"-\" and \".\" between slashes");
    }
    return {};
}

std::optional<std::chrono::milliseconds> BaoSettings::parseDuration(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?\\s*$"));
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const double value = match.captured(1).toDouble();
    const QString unit = match.captured(2);
    double ms = value * 1000.0;
    if (unit == QLatin1String("ms"))
        ms = value;
    else if (unit == QLatin1String("m"))
        ms = value * 60'000.0;
    else if (unit == QLatin1String("h"))
        ms = value * 3'600'000.0;
    if (ms <= 0)
        return std::nullopt;
    return std::chrono::milliseconds(qint64(ms));
}

} // namespace baokeys::bao
