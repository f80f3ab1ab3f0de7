// Known answers from shared/vectors/cosmos-vectors.json (made by an
// independent implementation), reproduced byte for byte over HTTP.
#include "EmbeddedSigner.h"
#include "SignerHttp.h"
#include "VectorFile.h"
#include "core/crypto/Hash.h"
#include "core/crypto/Secp256k1.h"

#include <QJsonArray>
#include <QTest>

using baokeys::testsupport::EmbeddedSigner;
using baokeys::testsupport::VectorFile;
namespace crypto = baokeys::crypto;

class TestSignerVectors : public QObject {
    Q_OBJECT

private:
    EmbeddedSigner m_signer;
    std::unique_ptr<SignerHttp> m_http;
    VectorFile m_vectors;
    QHash<QString, QString> m_nameByPrivateKey;

    QString importOnce(const QString &privateKeyHex)
    {
        if (m_nameByPrivateKey.contains(privateKeyHex))
            return m_nameByPrivateKey.value(privateKeyHex);
        const QString name = QStringLiteral("vector-%1").arg(m_nameByPrivateKey.size());
        const QString ciphertext =
            QString::fromLatin1(QByteArray::fromHex(privateKeyHex.toLatin1()).toBase64());
        const HttpResult r = m_http->post(QStringLiteral("secp256k1/keys/%1/import").arg(name),
                                          QJsonObject{{QStringLiteral("ciphertext"), ciphertext}});
        if (r.status != 200)
            qWarning() << "import failed" << r.status << r.body;
        m_nameByPrivateKey.insert(privateKeyHex, name);
        return name;
    }

    QJsonObject sign(const QString &name, const QJsonObject &body)
    {
        const HttpResult r = m_http->post(QStringLiteral("secp256k1/sign/") + name, body);
        if (r.status != 200)
            qWarning() << "sign failed" << r.status << r.body;
        return r.data();
    }

private slots:
    void initTestCase()
    {
        m_vectors = VectorFile::cosmos();
        QVERIFY2(m_vectors.isValid(), qPrintable(m_vectors.path()));
        QVERIFY(!m_vectors.section("signatures").isEmpty());
        QVERIFY(m_signer.start());
        m_http = std::make_unique<SignerHttp>(m_signer.server().address(), m_signer.server().rootToken());
    }

    void cleanupTestCase()
    {
        m_http.reset();
        m_signer.stop();
    }

    void importedKeysGiveVectorPublicKeyAndAddress()
    {
        const QJsonArray keys = m_vectors.section("keys");
        QVERIFY(keys.size() >= 3);
        for (const QJsonValue &v : keys) {
            const QJsonObject key = v.toObject();
            const QString name = importOnce(key.value(QStringLiteral("privkey_hex")).toString());
            const HttpResult read = m_http->get(QStringLiteral("secp256k1/keys/") + name);
            QCOMPARE(read.status, 200);
            QCOMPARE(read.data().value(QStringLiteral("public_key")).toString(),
                     key.value(QStringLiteral("pubkey_hex")).toString());
            QCOMPARE(read.data().value(QStringLiteral("address")).toString(),
                     key.value(QStringLiteral("address_hex")).toString());
            QCOMPARE(read.data().value(QStringLiteral("imported")).toBool(), true);
        }
    }

    void signaturesMatchByteForByte()
    {
        const QJsonArray signatures = m_vectors.section("signatures");
        for (const QJsonValue &v : signatures) {
            const QJsonObject vec = v.toObject();
            const QString name = importOnce(vec.value(QStringLiteral("privkey_hex")).toString());
            const QByteArray message =
                QByteArray::fromHex(vec.value(QStringLiteral("message_hex")).toString().toLatin1());
            const QByteArray expected =
                QByteArray::fromHex(vec.value(QStringLiteral("signature_hex")).toString().toLatin1());
            QCOMPARE(expected.size(), 64);

            // Message hashed by the engine (sha256 is the default).
            const QJsonObject plain =
                sign(name, {{QStringLiteral("input"), QString::fromLatin1(message.toBase64())}});
            QCOMPARE(plain.value(QStringLiteral("signature")).toString(),
                     vec.value(QStringLiteral("signature_b64")).toString());
            QCOMPARE(QByteArray::fromBase64(plain.value(QStringLiteral("signature")).toString().toLatin1()),
                     expected);
            QVERIFY(crypto::Secp256k1::isLowS(expected));

            // The same digest sent prehashed.
            const QByteArray digest =
                QByteArray::fromHex(vec.value(QStringLiteral("sha256_hex")).toString().toLatin1());
            const QJsonObject pre =
                sign(name, {{QStringLiteral("input"), QString::fromLatin1(digest.toBase64())},
                            {QStringLiteral("prehashed"), true}});
            QCOMPARE(QByteArray::fromBase64(pre.value(QStringLiteral("signature")).toString().toLatin1()),
                     expected);

            // DER output carries the same r and s.
            const QJsonObject der =
                sign(name, {{QStringLiteral("input"), QString::fromLatin1(message.toBase64())},
                            {QStringLiteral("output_format"), QStringLiteral("der")}});
            const QByteArray derBytes =
                QByteArray::fromBase64(der.value(QStringLiteral("signature")).toString().toLatin1());
            QCOMPARE(derBytes.at(0), char(0x30));
            auto compact = crypto::Secp256k1::derToCompact(derBytes);
            QVERIFY(compact.hasValue());
            QCOMPARE(*compact, expected);

            // verify accepts both encodings and refuses another message.
            for (const QByteArray &encoded : {expected, derBytes}) {
                const HttpResult ok =
                    m_http->post(QStringLiteral("secp256k1/verify/") + name,
                                 {{QStringLiteral("input"), QString::fromLatin1(message.toBase64())},
                                  {QStringLiteral("signature"), QString::fromLatin1(encoded.toBase64())}});
                QCOMPARE(ok.status, 200);
                QCOMPARE(ok.data().value(QStringLiteral("valid")).toBool(), true);
            }
            const HttpResult bad =
                m_http->post(QStringLiteral("secp256k1/verify/") + name,
                             {{QStringLiteral("input"), QString::fromLatin1((message + "x").toBase64())},
                              {QStringLiteral("signature"), QString::fromLatin1(expected.toBase64())}});
            QCOMPARE(bad.data().value(QStringLiteral("valid")).toBool(true), false);
        }
    }

    void keccak256HashesWithKeccak()
    {
        const QJsonObject vec = m_vectors.section("signatures").at(1).toObject();
        const QString name = importOnce(vec.value(QStringLiteral("privkey_hex")).toString());
        const QByteArray message =
            QByteArray::fromHex(vec.value(QStringLiteral("message_hex")).toString().toLatin1());
        const QByteArray keccak = crypto::Hash::keccak256(message);
        QVERIFY(keccak != crypto::Hash::sha256(message));
        const QJsonObject viaEngine =
            sign(name, {{QStringLiteral("input"), QString::fromLatin1(message.toBase64())},
                        {QStringLiteral("hash_algorithm"), QStringLiteral("keccak256")}});
        const QJsonObject prehashed =
            sign(name, {{QStringLiteral("input"), QString::fromLatin1(keccak.toBase64())},
                        {QStringLiteral("prehashed"), true}});
        QCOMPARE(viaEngine.value(QStringLiteral("signature")), prehashed.value(QStringLiteral("signature")));
        const QByteArray signature =
            QByteArray::fromBase64(viaEngine.value(QStringLiteral("signature")).toString().toLatin1());
        const QByteArray pub =
            QByteArray::fromHex(viaEngine.value(QStringLiteral("public_key")).toString().toLatin1());
        QVERIFY(crypto::Secp256k1::verifyDigest(pub, keccak, signature));
        QVERIFY(!crypto::Secp256k1::verifyDigest(pub, crypto::Hash::sha256(message), signature));
        const HttpResult verified =
            m_http->post(QStringLiteral("secp256k1/verify/") + name,
                         {{QStringLiteral("input"), QString::fromLatin1(message.toBase64())},
                          {QStringLiteral("signature"), QString::fromLatin1(signature.toBase64())},
                          {QStringLiteral("hash_algorithm"), QStringLiteral("keccak256")}});
        QCOMPARE(verified.data().value(QStringLiteral("valid")).toBool(), true);
    }

    void exportReturnsTheImportedBytes()
    {
        const QJsonObject key = m_vectors.section("keys").at(0).toObject();
        const QByteArray secret =
            QByteArray::fromHex(key.value(QStringLiteral("privkey_hex")).toString().toLatin1());
        const HttpResult r =
            m_http->post(QStringLiteral("secp256k1/keys/exp-vector/import"),
                         {{QStringLiteral("ciphertext"), QString::fromLatin1(secret.toBase64())},
                          {QStringLiteral("exportable"), true}});
        QCOMPARE(r.status, 200);
        const HttpResult exported = m_http->get(QStringLiteral("secp256k1/export/exp-vector"));
        QCOMPARE(exported.status, 200);
        QCOMPARE(QByteArray::fromBase64(exported.data()
                                            .value(QStringLiteral("keys"))
                                            .toObject()
                                            .value(QStringLiteral("1"))
                                            .toString()
                                            .toLatin1()),
                 secret);
        QCOMPARE(exported.data().value(QStringLiteral("public_key")).toString(),
                 key.value(QStringLiteral("pubkey_hex")).toString());
    }
};

QTEST_GUILESS_MAIN(TestSignerVectors)
#include "TestSignerVectors.moc"
