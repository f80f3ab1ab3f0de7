#include "core/crypto/Bech32.h"

#include <array>
#include <vector>

namespace baokeys::crypto::Bech32 {

namespace {

constexpr qsizetype MaxLength = 90; // BIP-173 overall limit
constexpr qsizetype ChecksumLength = 6;
constexpr qsizetype MaxHrpLength = MaxLength - 1 - ChecksumLength; // 83
constexpr char Charset[] = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

// Charset index of a lower-case character, or -1.
int charsetIndex(char16_t c)
{
    for (int i = 0; i < 32; ++i) {
        if (char16_t(Charset[i]) == c)
            return i;
    }
    return -1;
}

quint32 polymod(const std::vector<quint8> &values)
{
    static constexpr std::array<quint32, 5> gen = {0x3b6a57b2u, 0x26508e6du, 0x1ea119fau, 0x3d4233ddu,
                                                   0x2a1462b3u};
    quint32 chk = 1;
    for (const quint8 v : values) {
        const quint32 top = chk >> 25;
        chk = ((chk & 0x1ffffffu) << 5) ^ v;
        for (int i = 0; i < 5; ++i) {
            if ((top >> i) & 1u)
                chk ^= gen[std::size_t(i)];
        }
    }
    return chk;
}

// hrp (lower case, ASCII 33..126) expanded as BIP-173 specifies, followed by data.
std::vector<quint8> checksumInput(const QString &hrp, QByteArrayView words)
{
    std::vector<quint8> values;
    values.reserve(std::size_t(hrp.size() * 2 + 1 + words.size() + ChecksumLength));
    for (const QChar c : hrp)
        values.push_back(quint8(c.unicode() >> 5));
    values.push_back(0);
    for (const QChar c : hrp)
        values.push_back(quint8(c.unicode() & 31));
    for (const char w : words)
        values.push_back(quint8(w));
    return values;
}

Expected<void, CryptoError> checkHrp(QStringView hrp)
{
    if (hrp.isEmpty())
        return cryptoError(CryptoErrorKind::Bech32InvalidHrp, QStringLiteral("The bech32 prefix is empty"));
    if (hrp.size() > MaxHrpLength)
        return cryptoError(
            CryptoErrorKind::Bech32InvalidHrp,
            QStringLiteral("The bech32 prefix is longer than %1 characters").arg(MaxHrpLength));
    for (qsizetype i = 0; i < hrp.size(); ++i) {
        const char16_t c = hrp[i].unicode();
        if (c < 33 || c > 126)
            return cryptoError(CryptoErrorKind::Bech32InvalidHrp,
                               QStringLiteral("The bech32 prefix has a character outside ASCII 33..126 at "
                                              "position %1")
                                   .arg(i));
    }
    return {};
}

// Regroups bits; `pad` adds zero bits at the end (encoding), otherwise any
// leftover must be fewer than `from` zero bits (decoding, per BIP-173).
CryptoResult<QByteArray> convertBits(QByteArrayView in, int from, int to, bool pad)
{
    QByteArray out;
    out.reserve(in.size() * from / to + 1);
    quint32 acc = 0;
    int bits = 0;
    const quint32 maxv = (1u << to) - 1;
    for (const char ch : in) {
        const auto value = quint32(quint8(ch));
        if (value >> from)
            return cryptoError(CryptoErrorKind::Bech32InvalidData,
                               QStringLiteral("A value does not fit in %1 bits").arg(from));
        acc = (acc << from) | value;
        bits += from;
        while (bits >= to) {
            bits -= to;
            out.append(char((acc >> bits) & maxv));
        }
    }
    if (pad) {
        if (bits > 0)
            out.append(char((acc << (to - bits)) & maxv));
    } else if (bits >= from || ((acc << (to - bits)) & maxv) != 0) {
        return cryptoError(CryptoErrorKind::Bech32InvalidData,
                           QStringLiteral("The bech32 data has invalid padding"));
    }
    return out;
}

} // namespace

CryptoResult<QString> encodeWords(const QString &hrp, const QByteArray &words)
{
    if (auto ok = checkHrp(hrp); !ok)
        return unexpected(ok.error());
    const QString lowerHrp = hrp.toLower();
    for (const char w : words) {
        if (quint8(w) > 31)
            return cryptoError(CryptoErrorKind::Bech32InvalidData,
                               QStringLiteral("A bech32 word must be below 32"));
    }
    const qsizetype total = lowerHrp.size() + 1 + words.size() + ChecksumLength;
    if (total > MaxLength)
        return cryptoError(CryptoErrorKind::Bech32TooLong,
                           QStringLiteral("The bech32 string would be %1 characters, over the %2 limit")
                               .arg(total)
                               .arg(MaxLength));

    std::vector<quint8> values = checksumInput(lowerHrp, words);
    values.insert(values.end(), std::size_t(ChecksumLength), 0);
    const quint32 mod = polymod(values) ^ 1u;

    QString out;
    out.reserve(total);
    out += lowerHrp;
    out += QLatin1Char('1');
    for (const char w : words)
        out += QLatin1Char(Charset[quint8(w)]);
    for (int i = 0; i < ChecksumLength; ++i)
        out += QLatin1Char(Charset[(mod >> (5 * (5 - i))) & 31u]);
    return out;
}

CryptoResult<Words> decodeWords(QStringView text)
{
    if (text.size() > MaxLength)
        return cryptoError(CryptoErrorKind::Bech32TooLong,
                           QStringLiteral("The bech32 string is %1 characters, over the %2 limit")
                               .arg(text.size())
                               .arg(MaxLength));
    const qsizetype sep = text.lastIndexOf(QLatin1Char('1'));

    bool hasLower = false;
    bool hasUpper = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c < 33 || c > 126) {
            if (sep > i)
                return cryptoError(
                    CryptoErrorKind::Bech32InvalidHrp,
                    QStringLiteral("The bech32 prefix has a character outside ASCII 33..126 at "
                                   "position %1")
                        .arg(i));
            return cryptoError(CryptoErrorKind::Bech32InvalidCharacter,
                               QStringLiteral("Invalid bech32 character at position %1").arg(i));
        }
        hasLower = hasLower || (c >= u'a' && c <= u'z');
        hasUpper = hasUpper || (c >= u'A' && c <= u'Z');
    }
    if (hasLower && hasUpper)
        return cryptoError(CryptoErrorKind::Bech32MixedCase,
                           QStringLiteral("The bech32 string mixes upper and lower case"));
    if (sep < 0)
        return cryptoError(CryptoErrorKind::Bech32MissingSeparator,
                           QStringLiteral("The bech32 string has no '1' separator"));

    const QString lower = text.toString().toLower();
    const QString hrp = lower.left(sep);
    if (auto ok = checkHrp(hrp); !ok)
        return unexpected(ok.error());

    const QStringView dataPart = QStringView(lower).sliced(sep + 1);
    QByteArray values;
    values.reserve(dataPart.size());
    for (qsizetype i = 0; i < dataPart.size(); ++i) {
        const int v = charsetIndex(dataPart[i].unicode());
        if (v < 0)
            return cryptoError(CryptoErrorKind::Bech32InvalidCharacter,
                               QStringLiteral("'%1' at position %2 is not a bech32 data character")
                                   .arg(dataPart[i])
                                   .arg(sep + 1 + i));
        values.append(char(v));
    }
    if (values.size() < ChecksumLength)
        return cryptoError(CryptoErrorKind::Bech32BadChecksum,
                           QStringLiteral("The bech32 checksum is shorter than 6 characters"));
    if (polymod(checksumInput(hrp, values)) != 1u)
        return cryptoError(CryptoErrorKind::Bech32BadChecksum,
                           QStringLiteral("The bech32 checksum does not match"));

    values.chop(ChecksumLength);
    return Words{hrp, values};
}

CryptoResult<QString> encode(const QString &hrp, QByteArrayView data)
{
    auto words = convertBits(data, 8, 5, true);
    if (!words)
        return unexpected(words.error());
    return encodeWords(hrp, *words);
}

CryptoResult<Decoded> decode(QStringView text)
{
    auto words = decodeWords(text);
    if (!words)
        return unexpected(words.error());
    auto data = convertBits(words->words, 5, 8, false);
    if (!data)
        return unexpected(data.error());
    return Decoded{words->hrp, *data};
}

} // namespace baokeys::crypto::Bech32
