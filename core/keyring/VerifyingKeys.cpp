#include "core/keyring/VerifyingKeys.h"

#include "core/crypto/Secp256k1.h"

#include <mutex>

namespace baokeys::keyring {

crypto::CryptoResult<crypto::VerifyingKey> VerifyingKeys::get(const QByteArray &publicKey) const
{
    {
        std::shared_lock reading(m_lock);
        if (const auto found = m_keys.constFind(publicKey); found != m_keys.cend())
            return *found;
    }
    auto parsed = crypto::Secp256k1::verifyingKey(publicKey);
    if (!parsed)
        return parsed;
    std::unique_lock writing(m_lock);
    if (m_keys.size() >= m_maxKeys)
        m_keys.clear();
    m_keys.insert(publicKey, *parsed);
    return parsed;
}

int VerifyingKeys::size() const
{
    std::shared_lock reading(m_lock);
    return int(m_keys.size());
}

} // namespace baokeys::keyring
