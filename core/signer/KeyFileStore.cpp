#include "core/signer/KeyFileStore.h"

#include "core/common/KeyName.h"
#include "core/crypto/CosmosAddress.h"
#include "core/crypto/Secp256k1.h"
#include "core/signer/AtomicFile.h"
#include "core/signer/KeyFileCipher.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <sys/stat.h>

namespace baokeys::signer {

namespace {

constexpr auto VaultFormat = "baokeys-signer-vault";
constexpr auto KeyFormat = "baokeys-signer-key";
constexpr auto VerifierText = "baokeys-signer passphrase verifier v1";

Unexpected<SignerStartError> startError(SignerStartError::Kind kind, QString message)
{
    return {SignerStartError{kind, std::move(message)}};
}

// Binds the sealed secret to every public field, so editing the name, the
// flags or the public key in the file breaks the tag.
QByteArray associatedData(const KeyInfo &info)
{
    return QByteArray(KeyFormat) + "/v1\n" + info.name.toUtf8() + '\n' + info.publicKey.toHex() + '\n' +
           (info.exportable ? "1" : "0") + '\n' + (info.imported ? "1" : "0") + '\n' +
           info.createdAt.toString(Qt::ISODate).toUtf8();
}

bool makePrivateDir(const QString &path, QString *error)
{
    QFileInfo fi(path);
    if (fi.exists() && !fi.isDir()) {
        *error = QStringLiteral("%1 exists and is not a folder").arg(path);
        return false;
    }
    if (!fi.exists() && !QDir().mkpath(path)) {
        *error = QStringLiteral("cannot create folder %1").arg(path);
        return false;
    }
    if (::chmod(QFile::encodeName(path).constData(), 0700) != 0) {
        *error = QStringLiteral("cannot set permissions 0700 on %1").arg(path);
        return false;
    }
    return true;
}

Expected<QJsonObject, QString> readJsonObject(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return unexpected(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return unexpected(
            QStringLiteral("%1 is truncated or not valid JSON (%2)").arg(path, parseError.errorString()));
    return doc.object();
}

} // namespace

KeyFileStore::KeyFileStore(QString dir, crypto::SecureBytes key)
    : m_dir(std::move(dir)), m_key(std::move(key))
{}

QString KeyFileStore::keyPath(const QString &name) const
{
    return m_dir + QStringLiteral("/keys/") + name + QStringLiteral(".json");
}

Expected<KeyFileStore::Opened, SignerStartError> KeyFileStore::open(const QString &dirIn,
                                                                    QByteArray &passphrase)
{
    using Kind = SignerStartError::Kind;
    struct Wiper {
        QByteArray &secret;
        ~Wiper() { crypto::wipe(secret); }
    } wiper{passphrase};

    if (passphrase.isEmpty())
        return startError(Kind::BadOptions,
                          QStringLiteral("a passphrase is needed for the data folder %1").arg(dirIn));
    const QString dir = QFileInfo(dirIn).absoluteFilePath();
    QString error;
    if (!makePrivateDir(dir, &error))
        return startError(Kind::DataDirUnreadable, error);
    const QString keysDir = dir + QStringLiteral("/keys");
    const QString vaultPath = dir + QStringLiteral("/vault.json");

    KeyFileCipher::ScryptParams params;
    crypto::SecureBytes key;
    if (QFileInfo::exists(vaultPath)) {
        auto vault = readJsonObject(vaultPath);
        if (!vault)
            return startError(Kind::CorruptKeyFile, vault.error());
        const QJsonObject kdf = vault->value(QStringLiteral("kdf")).toObject();
        const QByteArray salt =
            QByteArray::fromBase64(kdf.value(QStringLiteral("salt")).toString().toLatin1());
        const QByteArray verifier =
            QByteArray::fromBase64(vault->value(QStringLiteral("verifier")).toString().toLatin1());
        params.n = quint64(kdf.value(QStringLiteral("n")).toInteger());
        params.r = quint64(kdf.value(QStringLiteral("r")).toInteger());
        params.p = quint64(kdf.value(QStringLiteral("p")).toInteger());
        const bool sane = vault->value(QStringLiteral("format")).toString() == QLatin1String(VaultFormat) &&
                          kdf.value(QStringLiteral("name")).toString() == QLatin1String("scrypt") &&
                          salt.size() == KeyFileCipher::SaltSize && params.n >= 2 && params.n <= (1u << 20) &&
                          (params.n & (params.n - 1)) == 0 && params.r >= 1 && params.r <= 32 &&
                          params.p >= 1 && params.p <= 16 && !verifier.isEmpty();
        if (!sane)
            return startError(Kind::CorruptKeyFile,
                              QStringLiteral("%1 is damaged: missing or invalid fields").arg(vaultPath));
        auto derived = KeyFileCipher::deriveKey(passphrase, salt, params);
        if (!derived)
            return startError(Kind::DataDirUnreadable, derived.error());
        key = std::move(derived).value();
        if (!KeyFileCipher::open(key, verifier, QByteArray(VaultFormat)))
            return startError(
                Kind::WrongPassphrase,
                QStringLiteral("wrong passphrase for %1 (the verifier does not open)").arg(vaultPath));
    } else {
        // A folder with keys but no vault.json was not made by us, or lost
        // its vault file: refuse rather than start an empty signer over it.
        if (QDir(keysDir).exists() &&
            !QDir(keysDir).entryList({QStringLiteral("*.json")}, QDir::Files).isEmpty())
            return startError(Kind::CorruptKeyFile,
                              QStringLiteral("%1 is missing but %2 holds keys").arg(vaultPath, keysDir));
        const QByteArray salt = KeyFileCipher::randomBytes(KeyFileCipher::SaltSize);
        auto derived = KeyFileCipher::deriveKey(passphrase, salt, params);
        if (!derived)
            return startError(Kind::DataDirUnreadable, derived.error());
        key = std::move(derived).value();
        auto verifier = KeyFileCipher::seal(key, QByteArray(VerifierText), QByteArray(VaultFormat));
        if (!verifier)
            return startError(Kind::DataDirUnreadable, verifier.error());
        QJsonObject kdf{{QStringLiteral("name"), QStringLiteral("scrypt")},
                        {QStringLiteral("n"), qint64(params.n)},
                        {QStringLiteral("r"), qint64(params.r)},
                        {QStringLiteral("p"), qint64(params.p)},
                        {QStringLiteral("salt"), QString::fromLatin1(salt.toBase64())}};
        QJsonObject vault{{QStringLiteral("format"), QLatin1String(VaultFormat)},
                          {QStringLiteral("version"), 1},
                          {QStringLiteral("kdf"), kdf},
                          {QStringLiteral("cipher"), QStringLiteral("aes-256-gcm")},
                          {QStringLiteral("verifier"), QString::fromLatin1(verifier->toBase64())}};
        auto written = AtomicFile::write(vaultPath, QJsonDocument(vault).toJson());
        if (!written)
            return startError(Kind::DataDirUnreadable, written.error());
    }
    if (!makePrivateDir(keysDir, &error))
        return startError(Kind::DataDirUnreadable, error);

    Opened opened;
    opened.store.reset(new KeyFileStore(dir, std::move(key)));
    const QStringList files = QDir(keysDir).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &fileName : files) {
        const QString path = keysDir + QLatin1Char('/') + fileName;
        auto object = readJsonObject(path);
        if (!object)
            return startError(Kind::CorruptKeyFile, object.error());
        StoredKey record;
        record.info.name = object->value(QStringLiteral("name")).toString();
        record.info.publicKey =
            QByteArray::fromHex(object->value(QStringLiteral("public_key")).toString().toLatin1());
        record.info.exportable = object->value(QStringLiteral("exportable")).toBool();
        record.info.imported = object->value(QStringLiteral("imported")).toBool();
        record.info.createdAt =
            QDateTime::fromString(object->value(QStringLiteral("created_at")).toString(), Qt::ISODate)
                .toUTC();
        const QByteArray sealed =
            QByteArray::fromBase64(object->value(QStringLiteral("sealed")).toString().toLatin1());
        if (object->value(QStringLiteral("format")).toString() != QLatin1String(KeyFormat) ||
            !KeyName::isValid(record.info.name) || fileName != record.info.name + QStringLiteral(".json") ||
            record.info.publicKey.size() != crypto::Secp256k1::CompressedPublicKeySize ||
            !record.info.createdAt.isValid() || sealed.isEmpty()) {
            return startError(Kind::CorruptKeyFile,
                              QStringLiteral("%1 is damaged: missing or invalid fields").arg(path));
        }
        auto secret = KeyFileCipher::open(opened.store->m_key, sealed, associatedData(record.info));
        if (!secret)
            return startError(
                Kind::CorruptKeyFile,
                QStringLiteral("%1 was altered or is corrupt (authentication failed)").arg(path));
        auto publicKey = crypto::Secp256k1::derivePublicKey(*secret);
        if (!publicKey || *publicKey != record.info.publicKey)
            return startError(
                Kind::CorruptKeyFile,
                QStringLiteral("%1 holds a private key that does not match its public key").arg(path));
        record.info.address = crypto::CosmosAddress::fromPublicKey(record.info.publicKey);
        record.privateKey = std::move(secret).value();
        opened.keys.push_back(std::move(record));
    }
    return opened;
}

Expected<void, QString> KeyFileStore::save(const StoredKey &record)
{
    auto sealed = KeyFileCipher::seal(m_key, record.privateKey.view(), associatedData(record.info));
    if (!sealed)
        return unexpected(sealed.error());
    QJsonObject object{{QStringLiteral("format"), QLatin1String(KeyFormat)},
                       {QStringLiteral("version"), 1},
                       {QStringLiteral("name"), record.info.name},
                       {QStringLiteral("public_key"), QString::fromLatin1(record.info.publicKey.toHex())},
                       {QStringLiteral("exportable"), record.info.exportable},
                       {QStringLiteral("imported"), record.info.imported},
                       {QStringLiteral("created_at"), record.info.createdAt.toString(Qt::ISODate)},
                       {QStringLiteral("sealed"), QString::fromLatin1(sealed->toBase64())}};
    return AtomicFile::write(keyPath(record.info.name), QJsonDocument(object).toJson());
}

Expected<void, QString> KeyFileStore::remove(const QString &name)
{
    return AtomicFile::remove(keyPath(name));
}

} // namespace baokeys::signer
