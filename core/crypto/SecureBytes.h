#pragma once

#include <QByteArrayView>
#include <QtGlobal>

#include <cstddef>
#include <vector>

class QDebug;
class QString;
class QByteArray;

namespace baokeys::crypto {

// A buffer for secret bytes (private keys, seeds, chain codes). Its storage is
// wiped with OPENSSL_cleanse when it is destroyed or reassigned. It is
// move-only so a secret is never silently duplicated; clone() makes a copy
// explicit. It has no printing or hex conversion on purpose.
//
// Thread-safety: a SecureBytes is a plain value; distinct objects may be used
// from different threads, one object needs external synchronisation.
class SecureBytes {
public:
    SecureBytes() = default;
    explicit SecureBytes(std::size_t size); // zero-filled
    SecureBytes(const unsigned char *data, std::size_t size);
    explicit SecureBytes(QByteArrayView bytes);
    ~SecureBytes();

    SecureBytes(SecureBytes &&other) noexcept;
    SecureBytes &operator=(SecureBytes &&other) noexcept;
    SecureBytes(const SecureBytes &) = delete;
    SecureBytes &operator=(const SecureBytes &) = delete;

    // Copies `source` and then wipes it, for secrets that arrive in a QByteArray.
    static SecureBytes takeFrom(QByteArray &source);

    SecureBytes clone() const;
    void wipe(); // zero and release now

    unsigned char *data() { return m_bytes.data(); }
    const unsigned char *data() const { return m_bytes.data(); }
    std::size_t size() const { return m_bytes.size(); }
    bool isEmpty() const { return m_bytes.empty(); }
    QByteArrayView view() const { return QByteArrayView(m_bytes.data(), qsizetype(m_bytes.size())); }

    // Constant-time comparison.
    bool equals(const SecureBytes &other) const;

private:
    std::vector<unsigned char> m_bytes;
};

// Overwrites the characters of a string or byte array that held a secret
// (a mnemonic, a passphrase, a hex key) before it is released.
void wipe(QString &secret);
void wipe(QByteArray &secret);

// Prints "SecureBytes(<n> bytes, redacted)", never the content.
QDebug operator<<(QDebug debug, const SecureBytes &secret);

} // namespace baokeys::crypto
