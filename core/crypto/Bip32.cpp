#include "core/crypto/Bip32.h"

#include "core/crypto/Hash.h"
#include "core/crypto/Secp256k1.h"

#include <QStringList>
#include <algorithm>
#include <array>

namespace baokeys::crypto {

namespace {

constexpr quint32 VersionXprv = 0x0488ADE4u;
constexpr quint32 VersionXpub = 0x0488B21Eu;

void appendBe32(QByteArray &out, quint32 v)
{
    out.append(char(v >> 24));
    out.append(char(v >> 16));
    out.append(char(v >> 8));
    out.append(char(v));
}

quint32 readBe32(QByteArrayView bytes)
{
    return (quint32(quint8(bytes[0])) << 24) | (quint32(quint8(bytes[1])) << 16) |
           (quint32(quint8(bytes[2])) << 8) | quint32(quint8(bytes[3]));
}

// Base58 (Bitcoin alphabet) of `payload` plus its 4-byte double-SHA-256 checksum.
QString base58Check(QByteArray payload)
{
    static constexpr char Alphabet[] = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    payload += Hash::sha256(Hash::sha256(payload)).first(4);

    qsizetype zeros = 0;
    while (zeros < payload.size() && payload[zeros] == 0)
        ++zeros;
    // Repeated division of the big-endian number by 58; digits come out
    // least significant first. log(256)/log(58) < 1.38.
    QByteArray digits(payload.size() * 138 / 100 + 1, 0);
    qsizetype used = 0;
    for (qsizetype i = zeros; i < payload.size(); ++i) {
        int carry = quint8(payload[i]);
        for (qsizetype j = 0; j < used || carry != 0; ++j) {
            carry += 256 * quint8(digits[j]);
            digits[j] = char(carry % 58);
            carry /= 58;
            if (j + 1 > used)
                used = j + 1;
        }
    }
    wipe(payload);

    QString out(zeros, QLatin1Char('1'));
    out.reserve(zeros + used);
    for (qsizetype j = used - 1; j >= 0; --j)
        out += QLatin1Char(Alphabet[quint8(digits[j])]);
    wipe(digits);
    return out;
}

QByteArray serialize(const ExtendedPrivateKey &key, quint32 version, QByteArrayView keyData)
{
    QByteArray payload;
    payload.reserve(78);
    appendBe32(payload, version);
    payload.append(char(key.depth));
    appendBe32(payload, key.parentFingerprint);
    appendBe32(payload, key.childNumber);
    payload.append(key.chainCode.view());
    payload.append(keyData);
    return payload;
}

} // namespace

CryptoResult<HdPath> HdPath::parse(QStringView text)
{
    const auto malformed = [&text](const QString &why) {
        return cryptoError(CryptoErrorKind::MalformedHdPath,
                           QStringLiteral("Invalid derivation path \"%1\": %2").arg(text.toString(), why));
    };
    const QList<QStringView> segments = text.split(QLatin1Char('/'));
    if (segments.first() != u"m")
        return malformed(QStringLiteral("it must start with \"m\""));

    HdPath path;
    for (qsizetype s = 1; s < segments.size(); ++s) {
        QStringView segment = segments[s];
        bool hardened = false;
        if (segment.endsWith(QLatin1Char('\'')) || segment.endsWith(QLatin1Char('h')) ||
            segment.endsWith(QLatin1Char('H'))) {
            hardened = true;
            segment.chop(1);
        }
        if (segment.isEmpty())
            return malformed(QStringLiteral("segment %1 has no index").arg(s));
        // Digits only: no signs, spaces or other junk that toUInt would allow.
        quint64 value = 0;
        for (const QChar c : segment) {
            if (c < QLatin1Char('0') || c > QLatin1Char('9'))
                return malformed(QStringLiteral("segment %1 is not a number").arg(s));
            value = value * 10 + quint64(c.unicode() - u'0');
            if (value >= HardenedBit)
                return malformed(QStringLiteral("index in segment %1 is 2^31 or more").arg(s));
        }
        path.m_indices.append(quint32(value) | (hardened ? HardenedBit : 0u));
    }
    return path;
}

QString HdPath::toString() const
{
    QString out = QStringLiteral("m");
    for (const quint32 index : m_indices) {
        out += QLatin1Char('/');
        out += QString::number(index & ~HardenedBit);
        if (index & HardenedBit)
            out += QLatin1Char('\'');
    }
    return out;
}

namespace Bip32 {

CryptoResult<ExtendedPrivateKey> master(const SecureBytes &seed)
{
    if (seed.size() < 16 || seed.size() > 64)
        return cryptoError(CryptoErrorKind::InvalidDerivation,
                           QStringLiteral("A BIP-32 seed must be 16 to 64 bytes, got %1").arg(seed.size()));
    const SecureBytes i = Hash::hmacSha512(QByteArrayView("Bitcoin seed"), seed.view());
    ExtendedPrivateKey out;
    out.key = SecureBytes(i.data(), 32);
    out.chainCode = SecureBytes(i.data() + 32, 32);
    if (!Secp256k1::validatePrivateKey(out.key))
        return cryptoError(CryptoErrorKind::InvalidDerivation,
                           QStringLiteral("This seed gives an invalid master key; use another seed"));
    return out;
}

CryptoResult<ExtendedPrivateKey> deriveChild(const ExtendedPrivateKey &parent, quint32 index)
{
    if (parent.chainCode.size() != 32)
        return cryptoError(CryptoErrorKind::InvalidDerivation,
                           QStringLiteral("The chain code must be 32 bytes"));
    if (parent.depth == 255)
        return cryptoError(CryptoErrorKind::InvalidDerivation,
                           QStringLiteral("BIP-32 depth is limited to 255"));
    auto parentPublic = Secp256k1::derivePublicKey(parent.key);
    if (!parentPublic)
        return unexpected(parentPublic.error());

    // Hardened: 0x00 || k || index; normal: serP(K) || index.
    SecureBytes data(37);
    if (index & HdPath::HardenedBit) {
        std::copy_n(parent.key.data(), 32, data.data() + 1);
    } else {
        std::copy_n(reinterpret_cast<const unsigned char *>(parentPublic->constData()), 33, data.data());
    }
    for (int b = 0; b < 4; ++b)
        data.data()[33 + b] = static_cast<unsigned char>(index >> (24 - 8 * b));

    const SecureBytes i = Hash::hmacSha512(parent.chainCode.view(), data.view());
    auto childKey = Secp256k1::privateKeyTweakAdd(parent.key, i.view().first(32));
    if (!childKey)
        return cryptoError(CryptoErrorKind::InvalidDerivation,
                           QStringLiteral("Child %1 is invalid for this key; use the next index").arg(index));

    ExtendedPrivateKey child;
    child.key = std::move(*childKey);
    child.chainCode = SecureBytes(i.data() + 32, 32);
    child.depth = quint8(parent.depth + 1);
    child.parentFingerprint = readBe32(Hash::ripemd160(Hash::sha256(*parentPublic)));
    child.childNumber = index;
    return child;
}

CryptoResult<ExtendedPrivateKey> derive(const SecureBytes &seed, const HdPath &path)
{
    auto key = master(seed);
    for (const quint32 index : path.indices()) {
        if (!key)
            break;
        key = deriveChild(*key, index);
    }
    return key;
}

QString serializePrivate(const ExtendedPrivateKey &key)
{
    if (!Secp256k1::validatePrivateKey(key.key) || key.chainCode.size() != 32)
        return {};
    QByteArray keyData(1, 0);
    keyData.append(key.key.view());
    QString out = base58Check(serialize(key, VersionXprv, keyData));
    wipe(keyData);
    return out;
}

QString serializePublic(const ExtendedPrivateKey &key)
{
    auto pub = Secp256k1::derivePublicKey(key.key);
    if (!pub || key.chainCode.size() != 32)
        return {};
    return base58Check(serialize(key, VersionXpub, *pub));
}

} // namespace Bip32

} // namespace baokeys::crypto
