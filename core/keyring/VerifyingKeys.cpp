#include "keyring/VerifyingKeys.h"

#include "crypto/Secp256k1.h"

namespace baokeys::keyring {

crypto::CryptoResult<crypto::VerifyingKey> VerifyingKeys::get(QByteArrayView publicKey) const
{
    const QByteArray bytes = publicKey.toByteArray();
    {
        QReadLocker reading(&m_lock);
        if (const auto found = m_keys.constFind(bytes); found != m_keys.cend())
            return *found;
    }
    auto parsed = crypto::Secp256k1::verifyingKey(bytes);
    if (!parsed)
        return parsed;
    QWriteLocker writing(&m_lock);
    if (m_keys.size() >= MaxKeys)
        m_keys.clear();
    m_keys.insert(bytes, *parsed);
    return parsed;
}

} // namespace baokeys::keyring
