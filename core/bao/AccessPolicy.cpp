#include "core/bao/AccessPolicy.h"

#include "core/bao/BaoSettings.h"

namespace baokeys::bao {

namespace {

QString block(const QString &path, const QStringList &capabilities, const QString &why)
{
    QStringList quoted;
    for (const QString &capability : capabilities)
        quoted << QLatin1Char('"') + capability + QLatin1Char('"');
    return QStringLiteral("# %1\npath \"%2\" {\n  capabilities = [%3]\n}\n")
        .arg(why, path, quoted.join(QStringLiteral(", ")));
}

} // namespace

AccessPolicy::AccessPolicy(Role role, QString mount, QString ns)
    : m_role(role), m_mount(BaoSettings::mountPath(std::move(mount))), m_namespace(std::move(ns))
{}

AccessPolicy &AccessPolicy::addPrefix(const QString &prefix)
{
    m_prefixes << prefix;
    return *this;
}

AccessPolicy &AccessPolicy::addKey(const QString &name)
{
    m_keys << name;
    return *this;
}

QString AccessPolicy::roleName(Role role)
{
    switch (role) {
    case Role::Sign:
        return QStringLiteral("sign");
    case Role::Provision:
        return QStringLiteral("provision");
    case Role::Admin:
        return QStringLiteral("admin");
    }
    return QStringLiteral("sign");
}

QString AccessPolicy::suggestedName() const
{
    QString scope = m_prefixes.size() == 1 && m_keys.isEmpty()   ? m_prefixes.first()
                    : m_keys.size() == 1 && m_prefixes.isEmpty() ? m_keys.first()
                                                                 : QStringLiteral("keys");
    return QStringLiteral("baokeys-%1-%2").arg(roleName(m_role), scope);
}

QStringList AccessPolicy::keyPatterns() const
{
    QStringList patterns;
    // OpenBao's glob: a trailing '*' matches any rest of the path.
    for (const QString &prefix : m_prefixes)
        patterns << prefix + QStringLiteral("-*");
    patterns << m_keys;
    return patterns;
}

QString AccessPolicy::hcl() const
{
    QString text =
        QStringLiteral("# BaoKeys %1 policy for the secp256k1 engine at \"%2\"%3.\n")
            .arg(roleName(m_role), m_mount,
                 m_namespace.isEmpty() ? QString() : QStringLiteral(" in namespace \"%1\"").arg(m_namespace));
    text += QStringLiteral("# Write it with: bao policy write%1 %2 <this file>\n\n")
                .arg(m_namespace.isEmpty() ? QString() : QStringLiteral(" -namespace=") + m_namespace,
                     suggestedName());
    const QString engine = m_mount + QLatin1Char('/');
    for (const QString &pattern : keyPatterns()) {
        switch (m_role) {
        case Role::Sign:
            text += block(engine + QStringLiteral("sign/") + pattern, {QStringLiteral("update")},
                          QStringLiteral("Sign with %1; nothing else.").arg(pattern));
            break;
        case Role::Provision:
            text +=
                block(engine + QStringLiteral("keys/") + pattern,
                      {QStringLiteral("create"), QStringLiteral("update"), QStringLiteral("read")},
                      QStringLiteral("Create and import %1 (POST), and read them back to adopt a key whose "
                                     "create lost its answer.")
                          .arg(pattern));
            break;
        case Role::Admin:
            text += block(engine + QStringLiteral("keys/") + pattern,
                          {QStringLiteral("create"), QStringLiteral("update"), QStringLiteral("read"),
                           QStringLiteral("delete")},
                          QStringLiteral("Create, import, read and delete %1.").arg(pattern));
            text += block(
                engine + QStringLiteral("export/") + pattern, {QStringLiteral("read")},
                QStringLiteral("Export %1 where the key allows it (rename needs it too).").arg(pattern));
            text += block(engine + QStringLiteral("sign/") + pattern, {QStringLiteral("update")},
                          QStringLiteral("Sign with %1.").arg(pattern));
            text += block(engine + QStringLiteral("verify/") + pattern, {QStringLiteral("update")},
                          QStringLiteral("Verify with %1.").arg(pattern));
            break;
        }
        text += QLatin1Char('\n');
    }
    if (m_role != Role::Sign)
        text +=
            block(engine + QStringLiteral("keys/"), {QStringLiteral("list")},
                  QStringLiteral("List the engine's keys (the names only of other keys are visible too)."));
    return text;
}

} // namespace baokeys::bao
