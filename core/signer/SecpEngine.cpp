#include "core/signer/SecpEngine.h"

#include "core/common/KeyName.h"
#include "core/crypto/CosmosAddress.h"
#include "core/crypto/Hash.h"
#include "core/crypto/Secp256k1.h"
#include "core/signer/GoBool.h"
#include "core/signer/KeyStore.h"

#include <QDateTime>
#include <QJsonArray>
#include <openssl/rand.h>
#include <optional>

namespace baokeys::signer {

namespace {

using crypto::Secp256k1;

// A field read from the request body: absent, present, or malformed.
template <typename T> using Field = Expected<std::optional<T>, QString>;

Field<bool> boolField(const QJsonObject &body, const QString &name)
{
    const QJsonValue value = body.value(name);
    if (value.isUndefined() || value.isNull())
        return std::optional<bool>{};
    if (value.isBool())
        return std::optional<bool>{value.toBool()};
    if (value.isString()) {
        // OpenBao's field decoder is lenient the same way.
        if (auto parsed = parseGoBool(value.toString()))
            return std::optional<bool>{*parsed};
    }
    if (value.isDouble())
        return std::optional<bool>{value.toDouble() != 0.0};
    return unexpected(QStringLiteral("invalid value for field \"%1\": expected a boolean").arg(name));
}

Field<QString> stringField(const QJsonObject &body, const QString &name)
{
    const QJsonValue value = body.value(name);
    if (value.isUndefined() || value.isNull())
        return std::optional<QString>{};
    if (value.isString())
        return std::optional<QString>{value.toString()};
    return unexpected(QStringLiteral("invalid value for field \"%1\": expected a string").arg(name));
}

std::optional<QByteArray> strictBase64(const QString &text)
{
    auto result = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return std::nullopt;
    return std::move(*result);
}

QJsonObject keyJson(const KeyInfo &info)
{
    return QJsonObject{{QStringLiteral("name"), info.name},
                       {QStringLiteral("public_key"), QString::fromLatin1(info.publicKey.toHex())},
                       {QStringLiteral("address"), QString::fromLatin1(info.address.toHex())},
                       {QStringLiteral("exportable"), info.exportable},
                       {QStringLiteral("imported"), info.imported},
                       {QStringLiteral("created_at"), info.createdAt.toString(Qt::ISODate)}};
}

EngineReply storeFailure(const KeyStoreError &error)
{
    if (error.kind == KeyStoreError::Kind::Storage)
        return {500, {}, {QStringLiteral("storage error: %1").arg(error.message)}};
    return EngineReply::badRequest(error.message);
}

// The digest to sign or verify, from input / prehashed / hash_algorithm.
Expected<QByteArray, QString> digestFrom(const QJsonObject &body)
{
    auto input = stringField(body, QStringLiteral("input"));
    if (!input)
        return unexpected(input.error());
    if (!input->has_value())
        return unexpected(QStringLiteral("missing input"));
    const auto message = strictBase64(**input);
    if (!message)
        return unexpected(QStringLiteral("invalid input: not valid base64"));
    auto prehashed = boolField(body, QStringLiteral("prehashed"));
    if (!prehashed)
        return unexpected(prehashed.error());
    auto algorithm = stringField(body, QStringLiteral("hash_algorithm"));
    if (!algorithm)
        return unexpected(algorithm.error());
    const QString hashName = algorithm->value_or(QStringLiteral("sha256"));
    if (hashName != QLatin1String("sha256") && hashName != QLatin1String("keccak256"))
        return unexpected(QStringLiteral("unsupported hash algorithm: %1").arg(hashName));
    if (prehashed->value_or(false)) {
        if (message->size() != Secp256k1::DigestSize)
            return unexpected(QStringLiteral("prehashed input must be 32 bytes"));
        return *message;
    }
    return hashName == QLatin1String("keccak256") ? crypto::Hash::keccak256(*message)
                                                  : crypto::Hash::sha256(*message);
}

// A fresh private key from OpenSSL's private DRBG; a draw outside [1, n-1]
// (probability ~2^-128) is simply drawn again.
crypto::SecureBytes generatePrivateKey()
{
    for (;;) {
        crypto::SecureBytes key(Secp256k1::PrivateKeySize);
        if (RAND_priv_bytes(key.data(), int(key.size())) != 1)
            qFatal("RAND_priv_bytes failed");
        if (Secp256k1::validatePrivateKey(key))
            return key;
    }
}

QDateTime nowUtcSeconds()
{
    QDateTime now = QDateTime::currentDateTimeUtc();
    now.setTime(QTime(now.time().hour(), now.time().minute(), now.time().second()));
    return now;
}

} // namespace

SecpEngine::SecpEngine(KeyStore &keys) : m_keys(keys) {}

QString SecpEngine::keyNameOf(const QString &path)
{
    const QStringList parts = path.split(QLatin1Char('/'));
    if (parts.size() >= 2 && KeyName::isValid(parts.at(1)))
        return parts.at(1);
    return {};
}

EngineReply SecpEngine::handle(Operation op, const QString &path, const QJsonObject &body) const
{
    const QStringList parts = path.split(QLatin1Char('/'));
    const QString head = parts.value(0);

    // keys/?  (LIST only)
    if (head == QLatin1String("keys") && (parts.size() == 1 || (parts.size() == 2 && parts.at(1).isEmpty())))
        return op == Operation::List ? listKeys() : EngineReply::unsupportedOperation();
    if (parts.size() < 2 || !KeyName::isValid(parts.at(1)))
        return EngineReply::unsupportedPath();
    const QString name = parts.at(1);

    if (head == QLatin1String("keys") && parts.size() == 2) {
        switch (op) {
        case Operation::Write:
            return createKey(name, body);
        case Operation::Read:
            return readKey(name);
        case Operation::Delete:
            return deleteKey(name);
        case Operation::List:
            break;
        }
        return EngineReply::unsupportedOperation();
    }
    if (head == QLatin1String("keys") && parts.size() == 3 && parts.at(2) == QLatin1String("import"))
        return op == Operation::Write ? importKey(name, body) : EngineReply::unsupportedOperation();
    if (parts.size() != 2)
        return EngineReply::unsupportedPath();
    if (head == QLatin1String("export"))
        return op == Operation::Read ? exportKey(name) : EngineReply::unsupportedOperation();
    if (head == QLatin1String("sign"))
        return op == Operation::Write ? sign(name, body) : EngineReply::unsupportedOperation();
    if (head == QLatin1String("verify"))
        return op == Operation::Write ? verify(name, body) : EngineReply::unsupportedOperation();
    return EngineReply::unsupportedPath();
}

EngineReply SecpEngine::createKey(const QString &name, const QJsonObject &body) const
{
    auto exportable = boolField(body, QStringLiteral("exportable"));
    if (!exportable)
        return EngineReply::badRequest(exportable.error());
    if (m_keys.info(name))
        return EngineReply::badRequest(QStringLiteral("key already exists"));

    StoredKey record;
    record.privateKey = generatePrivateKey();
    auto publicKey = Secp256k1::derivePublicKey(record.privateKey);
    if (!publicKey)
        return {500, {}, {publicKey.error().message}};
    record.info.name = name;
    record.info.publicKey = *publicKey;
    record.info.address = crypto::CosmosAddress::fromPublicKey(*publicKey);
    record.info.exportable = exportable->value_or(false);
    record.info.imported = false;
    record.info.createdAt = nowUtcSeconds();
    auto added = m_keys.add(std::move(record));
    if (!added)
        return storeFailure(added.error());
    return EngineReply::ok(keyJson(*added));
}

EngineReply SecpEngine::readKey(const QString &name) const
{
    auto info = m_keys.info(name);
    if (!info)
        return EngineReply::badRequest(info.error().message);
    return EngineReply::ok(keyJson(*info));
}

EngineReply SecpEngine::listKeys() const
{
    const QList<KeyInfo> keys = m_keys.list();
    if (keys.isEmpty())
        return EngineReply::emptyNotFound(); // OpenBao answers an empty list with 404
    QJsonArray names;
    QJsonObject info;
    for (const KeyInfo &key : keys) {
        names.append(key.name);
        info.insert(key.name, keyJson(key));
    }
    return EngineReply::ok(QJsonObject{{QStringLiteral("keys"), names}, {QStringLiteral("key_info"), info}});
}

EngineReply SecpEngine::deleteKey(const QString &name) const
{
    auto removed = m_keys.remove(name);
    if (!removed)
        return storeFailure(removed.error());
    return EngineReply::noContent();
}

EngineReply SecpEngine::importKey(const QString &name, const QJsonObject &body) const
{
    auto ciphertext = stringField(body, QStringLiteral("ciphertext"));
    if (!ciphertext)
        return EngineReply::badRequest(ciphertext.error());
    if (!ciphertext->has_value() || (*ciphertext)->isEmpty())
        return EngineReply::badRequest(QStringLiteral("missing ciphertext"));
    auto exportable = boolField(body, QStringLiteral("exportable"));
    if (!exportable)
        return EngineReply::badRequest(exportable.error());
    auto decoded = strictBase64(**ciphertext);
    if (!decoded)
        return EngineReply::badRequest(QStringLiteral("invalid ciphertext: not valid base64"));
    crypto::SecureBytes privateKey = crypto::SecureBytes::takeFrom(*decoded);
    if (privateKey.size() != size_t(Secp256k1::PrivateKeySize)) {
        return EngineReply::badRequest(
            QStringLiteral("invalid secp256k1 key: must be 32 bytes, got %1").arg(privateKey.size()));
    }
    if (auto valid = Secp256k1::validatePrivateKey(privateKey); !valid)
        return EngineReply::badRequest(
            QStringLiteral("invalid secp256k1 key: %1").arg(valid.error().message));
    if (m_keys.info(name))
        return EngineReply::badRequest(QStringLiteral("key already exists"));
    auto publicKey = Secp256k1::derivePublicKey(privateKey);
    if (!publicKey)
        return EngineReply::badRequest(
            QStringLiteral("invalid secp256k1 key: %1").arg(publicKey.error().message));

    StoredKey record;
    record.privateKey = std::move(privateKey);
    record.info.name = name;
    record.info.publicKey = *publicKey;
    record.info.address = crypto::CosmosAddress::fromPublicKey(*publicKey);
    record.info.exportable = exportable->value_or(false);
    record.info.imported = true;
    record.info.createdAt = nowUtcSeconds();
    auto added = m_keys.add(std::move(record));
    if (!added)
        return storeFailure(added.error());
    return EngineReply::ok(keyJson(*added));
}

EngineReply SecpEngine::exportKey(const QString &name) const
{
    auto info = m_keys.info(name);
    if (!info)
        return EngineReply::badRequest(info.error().message);
    if (!info->exportable)
        return EngineReply::badRequest(QStringLiteral("key is not exportable"));
    auto secret = m_keys.privateKey(name);
    if (!secret)
        return EngineReply::badRequest(secret.error().message);
    QByteArray encoded = secret->view().toByteArray().toBase64();
    QJsonObject data = keyJson(*info);
    data.insert(QStringLiteral("keys"), QJsonObject{{QStringLiteral("1"), QString::fromLatin1(encoded)}});
    crypto::wipe(encoded);
    return EngineReply::ok(data);
}

EngineReply SecpEngine::sign(const QString &name, const QJsonObject &body) const
{
    auto digest = digestFrom(body);
    if (!digest)
        return EngineReply::badRequest(digest.error());
    auto format = stringField(body, QStringLiteral("output_format"));
    if (!format)
        return EngineReply::badRequest(format.error());
    const QString outputFormat = format->value_or(QStringLiteral("cosmos"));
    if (outputFormat != QLatin1String("cosmos") && outputFormat != QLatin1String("der"))
        return EngineReply::badRequest(QStringLiteral("unsupported output format: %1").arg(outputFormat));

    auto info = m_keys.info(name);
    if (!info)
        return EngineReply::badRequest(info.error().message);
    QByteArray signature;
    {
        auto secret = m_keys.privateKey(name); // wiped at the end of this scope
        if (!secret)
            return EngineReply::badRequest(secret.error().message);
        auto signed_ = Secp256k1::signDigest(*secret, *digest);
        if (!signed_)
            return {500, {}, {signed_.error().message}};
        signature = *signed_;
    }
    if (outputFormat == QLatin1String("der")) {
        auto der = Secp256k1::compactToDer(signature);
        if (!der)
            return {500, {}, {der.error().message}};
        signature = *der;
    }
    return EngineReply::ok(
        QJsonObject{{QStringLiteral("signature"), QString::fromLatin1(signature.toBase64())},
                    {QStringLiteral("public_key"), QString::fromLatin1(info->publicKey.toHex())},
                    {QStringLiteral("key_version"), 1}});
}

EngineReply SecpEngine::verify(const QString &name, const QJsonObject &body) const
{
    auto digest = digestFrom(body);
    if (!digest)
        return EngineReply::badRequest(digest.error());
    auto signatureText = stringField(body, QStringLiteral("signature"));
    if (!signatureText)
        return EngineReply::badRequest(signatureText.error());
    if (!signatureText->has_value() || (*signatureText)->isEmpty())
        return EngineReply::badRequest(QStringLiteral("missing signature"));
    auto signature = strictBase64(**signatureText);
    if (!signature)
        return EngineReply::badRequest(QStringLiteral("invalid signature: not valid base64"));
    if (signature->size() != Secp256k1::CompactSignatureSize) {
        auto compact = Secp256k1::derToCompact(*signature);
        if (!compact)
            return EngineReply::badRequest(
                QStringLiteral("invalid signature: not a 64-byte r||s or DER signature"));
        signature = *compact;
    }
    auto info = m_keys.info(name);
    if (!info)
        return EngineReply::badRequest(info.error().message);
    const bool valid = Secp256k1::verifyDigest(info->publicKey, *digest, *signature);
    return EngineReply::ok(
        QJsonObject{{QStringLiteral("valid"), valid},
                    {QStringLiteral("public_key"), QString::fromLatin1(info->publicKey.toHex())}});
}

} // namespace baokeys::signer
