#include "core/crypto/Hex.h"

namespace baokeys::crypto::Hex {

namespace {

int nibble(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

// Decodes into `out` (pre-sized by the caller) so that a secret never passes
// through an intermediate QByteArray.
Expected<void, CryptoError> decodeInto(QStringView hex, unsigned char *out)
{
    for (qsizetype i = 0; i < hex.size(); i += 2) {
        const int hi = nibble(hex[i]);
        const int lo = nibble(hex[i + 1]);
        if (hi < 0 || lo < 0) {
            const qsizetype bad = hi < 0 ? i : i + 1;
            return cryptoError(CryptoErrorKind::InvalidHex,
                               QStringLiteral("Invalid hex character at position %1").arg(bad));
        }
        out[i / 2] = static_cast<unsigned char>((hi << 4) | lo);
    }
    return {};
}

CryptoResult<QStringView> stripAndCheck(QStringView hex)
{
    if (hex.startsWith(u"0x") || hex.startsWith(u"0X"))
        hex = hex.mid(2);
    if (hex.size() % 2 != 0)
        return cryptoError(CryptoErrorKind::InvalidHex,
                           QStringLiteral("Hex string has an odd number of digits (%1)").arg(hex.size()));
    return hex;
}

} // namespace

CryptoResult<QByteArray> decode(QStringView hex)
{
    auto digits = stripAndCheck(hex);
    if (!digits)
        return unexpected(digits.error());
    QByteArray out(digits->size() / 2, Qt::Uninitialized);
    if (auto ok = decodeInto(*digits, reinterpret_cast<unsigned char *>(out.data())); !ok)
        return unexpected(ok.error());
    return out;
}

CryptoResult<SecureBytes> decodeSecret(QStringView hex)
{
    auto digits = stripAndCheck(hex);
    if (!digits)
        return unexpected(digits.error());
    SecureBytes out(std::size_t(digits->size() / 2));
    if (auto ok = decodeInto(*digits, out.data()); !ok)
        return unexpected(ok.error()); // `out` wipes itself
    return out;
}

namespace {
constexpr char LowerDigits[] = "0123456789abcdef";
}

QString encode(QByteArrayView bytes)
{
    const char *digits = LowerDigits;
    QString out(bytes.size() * 2, Qt::Uninitialized);
    QChar *p = out.data();
    for (const char b : bytes) {
        const auto v = static_cast<unsigned char>(b);
        *p++ = QLatin1Char(digits[v >> 4]);
        *p++ = QLatin1Char(digits[v & 0x0f]);
    }
    return out;
}

SecureBytes encodeSecret(const SecureBytes &secret)
{
    SecureBytes hex(secret.size() * 2);
    for (std::size_t i = 0; i < secret.size(); ++i) {
        hex.data()[2 * i] = static_cast<unsigned char>(LowerDigits[secret.data()[i] >> 4]);
        hex.data()[2 * i + 1] = static_cast<unsigned char>(LowerDigits[secret.data()[i] & 0x0f]);
    }
    return hex;
}

} // namespace baokeys::crypto::Hex
