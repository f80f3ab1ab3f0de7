#include "MiniEngine.h"

#include "core/crypto/CosmosAddress.h"
#include "core/crypto/Hash.h"
#include "core/crypto/Hex.h"
#include "core/crypto/Secp256k1.h"

#include <QJsonArray>
#include <QRandomGenerator>

namespace baokeys::testsupport {

namespace {

crypto::SecureBytes randomKey()
{
    for (;;) {
        crypto::SecureBytes key(32);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()), 8);
        if (crypto::Secp256k1::validatePrivateKey(key))
            return key;
    }
}

// n - s for a 32-byte big-endian s (secp256k1 group order n).
QByteArray negateScalar(const QByteArray &s)
{
    static const QByteArray n =
        QByteArray::fromHex("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141");
    QByteArray out(32, '\0');
    int borrow = 0;
    for (int i = 31; i >= 0; --i) {
        int value = int(quint8(n[i])) - int(quint8(s[i])) - borrow;
        borrow = value < 0 ? 1 : 0;
        out[i] = char(value + (borrow ? 256 : 0));
    }
    return out;
}

} // namespace

MiniEngine::MiniEngine(QString mount) : m_mount(std::move(mount)) {}

void MiniEngine::setLie(Lie lie)
{
    std::lock_guard lock(m_mutex);
    m_lie = lie;
}

void MiniEngine::addKey(const QString &name, crypto::SecureBytes privateKey, bool exportable)
{
    std::lock_guard lock(m_mutex);
    Key key;
    key.publicKey = crypto::Secp256k1::derivePublicKey(privateKey).value();
    key.privateKey = std::move(privateKey);
    key.exportable = exportable;
    m_keys[name] = std::move(key);
}

bool MiniEngine::hasKey(const QString &name) const
{
    std::lock_guard lock(m_mutex);
    return m_keys.count(name) != 0;
}

QJsonObject MiniEngine::keyInfoLocked(const QString &name) const
{
    const Key &key = m_keys.at(name);
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("public_key"), crypto::Hex::encode(key.publicKey)},
        {QStringLiteral("address"), crypto::Hex::encode(crypto::CosmosAddress::fromPublicKey(key.publicKey))},
        {QStringLiteral("exportable"), key.exportable},
        {QStringLiteral("imported"), key.imported},
        {QStringLiteral("created_at"), QStringLiteral("2026-01-02T03:04:05.123456789Z")}};
}

FakeBaoServer::Handler MiniEngine::handler()
{
    return [this](const FakeRequest &request) { return handle(request); };
}

FakeResponse MiniEngine::handle(const FakeRequest &request)
{
    const QString prefix = QStringLiteral("/v1/") + m_mount + QLatin1Char('/');
    if (!request.path.startsWith(prefix))
        return FakeResponse::errors(404, {QStringLiteral("no handler for route")});
    const QString path = request.path.mid(prefix.size());
    std::lock_guard lock(m_mutex);

    if (path == QLatin1String("keys/") && request.method == "LIST") {
        if (m_keys.empty())
            return FakeResponse::errors(404, {});
        QJsonArray names;
        QJsonObject info;
        for (const auto &[name, key] : m_keys) {
            names.append(name);
            info.insert(name, keyInfoLocked(name));
        }
        return FakeResponse::data({{QStringLiteral("keys"), names}, {QStringLiteral("key_info"), info}});
    }
    if (path.startsWith(QLatin1String("keys/")) && path.endsWith(QLatin1String("/import")) &&
        request.method == "POST") {
        const QString name = path.mid(5, path.size() - 5 - 7);
        if (m_keys.count(name))
            return FakeResponse::errors(400, {QStringLiteral("key already exists")});
        const QByteArray secret =
            QByteArray::fromBase64(request.json().value(QStringLiteral("ciphertext")).toString().toLatin1());
        Key key;
        key.privateKey = crypto::SecureBytes(reinterpret_cast<const unsigned char *>(secret.constData()),
                                             std::size_t(secret.size()));
        auto publicKey = crypto::Secp256k1::derivePublicKey(key.privateKey);
        if (!publicKey)
            return FakeResponse::errors(400, {QStringLiteral("invalid private key")});
        key.publicKey = *publicKey;
        key.exportable = request.json().value(QStringLiteral("exportable")).toBool();
        key.imported = true;
        m_keys[name] = std::move(key);
        return FakeResponse::data(keyInfoLocked(name));
    }
    if (path.startsWith(QLatin1String("keys/"))) {
        const QString name = path.mid(5);
        if (request.method == "POST") {
            if (m_keys.count(name))
                return FakeResponse::errors(400, {QStringLiteral("key already exists")});
            Key key;
            key.privateKey = randomKey();
            key.publicKey = crypto::Secp256k1::derivePublicKey(key.privateKey).value();
            key.exportable = request.json().value(QStringLiteral("exportable")).toBool();
            m_keys[name] = std::move(key);
            return FakeResponse::data(keyInfoLocked(name));
        }
        if (!m_keys.count(name))
            return FakeResponse::errors(request.method == "GET" ? 404 : 400,
                                        {QStringLiteral("key not found")});
        if (request.method == "GET")
            return FakeResponse::data(keyInfoLocked(name));
        if (request.method == "DELETE") {
            m_keys.erase(name);
            return FakeResponse::noContent();
        }
    }
    if (path.startsWith(QLatin1String("sign/")) && request.method == "POST") {
        const QString name = path.mid(5);
        if (!m_keys.count(name))
            return FakeResponse::errors(400, {QStringLiteral("key not found")});
        const Key &key = m_keys.at(name);
        const QJsonObject body = request.json();
        QByteArray input = QByteArray::fromBase64(body.value(QStringLiteral("input")).toString().toLatin1());
        if (m_lie == Lie::WrongSignature)
            input += "tampered";
        const QByteArray digest =
            body.value(QStringLiteral("prehashed")).toBool() && m_lie != Lie::WrongSignature
                ? input
                : crypto::Hash::sha256(input);
        crypto::SecureBytes other = randomKey();
        QByteArray signature =
            crypto::Secp256k1::signDigest(m_lie == Lie::OtherKeySigns ? other : key.privateKey, digest)
                .value();
        if (m_lie == Lie::HighS)
            signature = signature.left(32) + negateScalar(signature.mid(32));
        QByteArray publicKey = key.publicKey;
        if (m_lie == Lie::WrongPublicKey)
            publicKey = crypto::Secp256k1::derivePublicKey(other).value();
        else if (m_lie == Lie::KeyOffTheCurve)
            publicKey = QByteArray(1, '\x02') + QByteArray(32, '\xff'); // x >= p: no point
        return FakeResponse::data({{QStringLiteral("signature"), QString::fromLatin1(signature.toBase64())},
                                   {QStringLiteral("public_key"), crypto::Hex::encode(publicKey)},
                                   {QStringLiteral("key_version"), 1}});
    }
    return FakeResponse::errors(405, {QStringLiteral("1 error occurred:\n\t* unsupported operation\n\n")});
}

} // namespace baokeys::testsupport
