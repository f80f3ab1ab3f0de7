#include "core/signer/ServerState.h"

#include "core/crypto/SecureBytes.h"

#include <QUuid>
#include <openssl/crypto.h>

namespace baokeys::signer {

namespace {
bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size() || a.isEmpty())
        return false;
    return CRYPTO_memcmp(a.data(), b.data(), size_t(a.size())) == 0;
}
} // namespace

ServerState::ServerState(QByteArray rootToken, QByteArray unsealKey, bool sealed, QString storageType)
    : m_rootToken(std::move(rootToken)), m_unsealKey(std::move(unsealKey)), m_sealed(sealed),
      m_storageType(std::move(storageType)), m_clusterId(QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

ServerState::~ServerState()
{
    crypto::wipe(m_rootToken);
    crypto::wipe(m_unsealKey);
}

bool ServerState::tokenMatches(QByteArrayView token) const
{
    return constantTimeEquals(token, m_rootToken);
}

bool ServerState::unsealKeyMatches(QByteArrayView key) const
{
    if (constantTimeEquals(key, m_unsealKey))
        return true;
    // OpenBao also takes the key as hex.
    QByteArray raw = QByteArray::fromBase64(m_unsealKey);
    QByteArray hex = raw.toHex();
    const bool match = constantTimeEquals(key, hex);
    crypto::wipe(raw);
    crypto::wipe(hex);
    return match;
}

bool ServerState::unseal(QByteArrayView key)
{
    if (!unsealKeyMatches(key))
        return false;
    m_sealed.store(false, std::memory_order_release);
    return true;
}

void ServerState::setStandbyOf(const QString &activeAddress)
{
    QString origin = activeAddress;
    while (origin.endsWith(QLatin1Char('/')))
        origin.chop(1); // the request's path follows
    std::lock_guard lock(m_standbyMutex);
    m_standbyOf = origin;
}

QString ServerState::standbyOf() const
{
    std::lock_guard lock(m_standbyMutex);
    return m_standbyOf;
}

} // namespace baokeys::signer
