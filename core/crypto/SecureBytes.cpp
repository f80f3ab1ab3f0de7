#include "core/crypto/SecureBytes.h"

#include <QByteArray>
#include <QDebug>
#include <QString>
#include <cstring>
#include <openssl/crypto.h>
#include <utility>

namespace baokeys::crypto {

namespace {

void cleanse(std::vector<unsigned char> &bytes)
{
    if (!bytes.empty())
        OPENSSL_cleanse(bytes.data(), bytes.size());
}

} // namespace

SecureBytes::SecureBytes(std::size_t size) : m_bytes(size, 0) {}

SecureBytes::SecureBytes(const unsigned char *data, std::size_t size) : m_bytes(data, data + size) {}

SecureBytes::SecureBytes(QByteArrayView bytes)
    : m_bytes(reinterpret_cast<const unsigned char *>(bytes.data()),
              reinterpret_cast<const unsigned char *>(bytes.data()) + bytes.size())
{}

SecureBytes::~SecureBytes()
{
    cleanse(m_bytes);
}

// Moving a std::vector hands over its heap block, so no secret copy is left
// behind in `other`; the storage we give up is wiped first.
SecureBytes::SecureBytes(SecureBytes &&other) noexcept : m_bytes(std::move(other.m_bytes))
{
    other.m_bytes.clear();
}

SecureBytes &SecureBytes::operator=(SecureBytes &&other) noexcept
{
    if (this != &other) {
        cleanse(m_bytes);
        m_bytes = std::move(other.m_bytes);
        other.m_bytes.clear();
    }
    return *this;
}

SecureBytes SecureBytes::takeFrom(QByteArray &source)
{
    SecureBytes result{QByteArrayView(source)};
    crypto::wipe(source); // the free function; the member wipe() would shadow it
    return result;
}

SecureBytes SecureBytes::clone() const
{
    return SecureBytes(m_bytes.data(), m_bytes.size());
}

void SecureBytes::wipe()
{
    cleanse(m_bytes);
    // Swap with an empty vector so the (already zeroed) block is released now.
    std::vector<unsigned char>().swap(m_bytes);
}

bool SecureBytes::equals(const SecureBytes &other) const
{
    if (m_bytes.size() != other.m_bytes.size())
        return false;
    if (m_bytes.empty())
        return true;
    return CRYPTO_memcmp(m_bytes.data(), other.m_bytes.data(), m_bytes.size()) == 0;
}

void wipe(QString &secret)
{
    if (secret.isEmpty()) {
        secret.clear();
        return;
    }
    // detach() first: with implicit sharing, writing through data() of a shared
    // string would copy it and wipe only the copy.
    secret.detach();
    OPENSSL_cleanse(secret.data(), std::size_t(secret.size()) * sizeof(QChar));
    // resize(0) keeps the (now zeroed) allocation rather than freeing it with
    // the secret still readable; it is released with the string.
    secret.resize(0);
}

void wipe(QByteArray &secret)
{
    if (secret.isEmpty()) {
        secret.clear();
        return;
    }
    secret.detach();
    OPENSSL_cleanse(secret.data(), std::size_t(secret.size()));
    secret.resize(0);
}

QDebug operator<<(QDebug debug, const SecureBytes &secret)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "SecureBytes(" << secret.size() << " bytes, redacted)";
    return debug;
}

} // namespace baokeys::crypto
