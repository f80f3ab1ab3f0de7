#pragma once

// Known-answer helpers for the crypto tests. Where the files live is
// tests/support/VectorFile's business.

#include "core/crypto/CryptoError.h"
#include "core/crypto/Hex.h"

#include "VectorFile.h"

#include <QByteArray>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QTest>
#include <optional>

namespace baokeys::crypto::testdata {

inline QString cosmosVectorsPath()
{
    return testsupport::VectorFile::cosmosPath();
}

inline QString dataPath(const char *name)
{
    return testsupport::VectorFile::dataPath(name);
}

// Reads a JSON document; an unreadable or malformed file yields a null
// document, which the callers turn into a test failure.
inline QJsonDocument readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QJsonParseError error{};
    QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        return {};
    return doc;
}

// Strict hex for expected values; a typo in a data file fails loudly.
inline QByteArray hex(const QString &text)
{
    auto bytes = Hex::decode(text);
    if (!bytes) {
        qWarning("bad hex in test data: %s", qPrintable(text));
        return QByteArray("<bad hex>");
    }
    return *bytes;
}

inline SecureBytes secretHex(const QString &text)
{
    auto bytes = Hex::decodeSecret(text);
    return bytes ? std::move(*bytes) : SecureBytes();
}

// The secp256k1 group order n, big-endian.
inline QByteArray curveOrder()
{
    return hex(QStringLiteral("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"));
}

// The malleated twin of a 64-byte r||s signature: r||(n - s). It verifies
// mathematically but is high-S, which our verification must refuse.
inline QByteArray highSTwin(const QByteArray &signature)
{
    const QByteArray n = curveOrder();
    QByteArray twin = signature;
    int borrow = 0;
    for (int i = 31; i >= 0; --i) {
        int d = int(quint8(n[i])) - int(quint8(signature[32 + i])) - borrow;
        borrow = d < 0 ? 1 : 0;
        twin[32 + i] = char(d + (borrow ? 256 : 0));
    }
    return twin;
}

// Maps the kind names used in the data files to the enum; an unknown name
// returns nullopt so a typo in a data file fails the test.
inline std::optional<CryptoErrorKind> kindFromName(const QString &name)
{
    static const QHash<QString, CryptoErrorKind> kinds = {
        {"InvalidPrivateKey", CryptoErrorKind::InvalidPrivateKey},
        {"InvalidPublicKey", CryptoErrorKind::InvalidPublicKey},
        {"InvalidSignature", CryptoErrorKind::InvalidSignature},
        {"InvalidDigest", CryptoErrorKind::InvalidDigest},
        {"InvalidHex", CryptoErrorKind::InvalidHex},
        {"InvalidEntropy", CryptoErrorKind::InvalidEntropy},
        {"UnknownMnemonicWord", CryptoErrorKind::UnknownMnemonicWord},
        {"BadMnemonicChecksum", CryptoErrorKind::BadMnemonicChecksum},
        {"BadMnemonicWordCount", CryptoErrorKind::BadMnemonicWordCount},
        {"Bech32BadChecksum", CryptoErrorKind::Bech32BadChecksum},
        {"Bech32MixedCase", CryptoErrorKind::Bech32MixedCase},
        {"Bech32InvalidCharacter", CryptoErrorKind::Bech32InvalidCharacter},
        {"Bech32TooLong", CryptoErrorKind::Bech32TooLong},
        {"Bech32InvalidHrp", CryptoErrorKind::Bech32InvalidHrp},
        {"Bech32MissingSeparator", CryptoErrorKind::Bech32MissingSeparator},
        {"Bech32InvalidData", CryptoErrorKind::Bech32InvalidData},
        {"Bech32WrongHrp", CryptoErrorKind::Bech32WrongHrp},
        {"MalformedHdPath", CryptoErrorKind::MalformedHdPath},
        {"InvalidDerivation", CryptoErrorKind::InvalidDerivation},
        {"Internal", CryptoErrorKind::Internal},
    };
    const auto it = kinds.constFind(name);
    if (it == kinds.constEnd())
        return std::nullopt;
    return *it;
}

} // namespace baokeys::crypto::testdata
