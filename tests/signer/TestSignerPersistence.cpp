// Persistent mode: keys survive restarts, encrypted at rest; a wrong
// passphrase or a damaged file refuses the start, names the file and leaves
// every file as it was.
#include "SignerHttp.h"
#include "core/signer/SignerServer.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using baokeys::signer::SignerOptions;
using baokeys::signer::SignerServer;
using baokeys::signer::SignerStartError;

namespace {

const QByteArray Passphrase = "correct horse battery staple";
const QByteArray VectorKey =
    QByteArray::fromHex("9ec50871a46cc259640e3a842ba545d63f17d0f884a865221731e51464c3c90c");

SignerOptions optionsFor(const QString &dir, const QByteArray &passphrase = Passphrase)
{
    SignerOptions options;
    options.dataDir = dir;
    options.passphrase = passphrase;
    options.rootToken = QStringLiteral("persist-token");
    return options;
}

// Every file under the folder with a hash of its content, to prove that a
// refused start changed nothing.
QMap<QString, QByteArray> snapshot(const QString &dir)
{
    QMap<QString, QByteArray> out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        file.open(QIODevice::ReadOnly);
        out.insert(path, QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256));
    }
    return out;
}

int mode(const QString &path)
{
    struct stat st {};
    ::stat(QFile::encodeName(path).constData(), &st);
    return int(st.st_mode & 0777);
}

} // namespace

class TestSignerPersistence : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_dir;
    QString m_publicKey;
    QString m_signature;

    // A folder with two keys: "created" (exportable) and "imported" (a vector key).
    void populate()
    {
        SignerServer server(optionsFor(m_dir));
        auto started = server.start();
        QVERIFY2(started.hasValue(), started ? "" : qPrintable(started.error().message));
        SignerHttp http(server.address(), server.rootToken());
        const HttpResult created =
            http.post(QStringLiteral("secp256k1/keys/created"), {{QStringLiteral("exportable"), true}});
        QCOMPARE(created.status, 200);
        m_publicKey = created.data().value(QStringLiteral("public_key")).toString();
        QCOMPARE(http.post(QStringLiteral("secp256k1/keys/imported/import"),
                           {{QStringLiteral("ciphertext"), QString::fromLatin1(VectorKey.toBase64())}})
                     .status,
                 200);
        const HttpResult sig = http.post(QStringLiteral("secp256k1/sign/created"),
                                         {{QStringLiteral("input"), QStringLiteral("aGk=")}});
        m_signature = sig.data().value(QStringLiteral("signature")).toString();
        QVERIFY(!m_signature.isEmpty());
    }

    void expectRefused(SignerStartError::Kind kind, const QString &fileInMessage,
                       const QByteArray &passphrase = Passphrase)
    {
        const auto before = snapshot(m_dir);
        SignerServer server(optionsFor(m_dir, passphrase));
        auto started = server.start();
        QVERIFY(!started.hasValue());
        QCOMPARE(int(started.error().kind), int(kind));
        QVERIFY2(started.error().message.contains(fileInMessage), qPrintable(started.error().message));
        QVERIFY(!server.isRunning());
        QCOMPARE(snapshot(m_dir), before);
    }

    QString keyFile(const QString &name) const
    {
        return m_dir + QStringLiteral("/keys/") + name + QStringLiteral(".json");
    }

private slots:
    void init()
    {
        QVERIFY(m_tmp.isValid());
        m_dir = m_tmp.path() + QStringLiteral("/") + QString::fromLatin1(QTest::currentTestFunction());
        populate();
    }

    void keysSurviveRestart()
    {
        {
            SignerServer server(optionsFor(m_dir));
            QVERIFY(server.start().hasValue());
            SignerHttp http(server.address(), server.rootToken());
            const HttpResult list = http.list(QStringLiteral("secp256k1/keys"));
            QCOMPARE(list.status, 200);
            QCOMPARE(list.data().value(QStringLiteral("keys")).toVariant().toStringList(),
                     (QStringList{QStringLiteral("created"), QStringLiteral("imported")}));
            const HttpResult read = http.get(QStringLiteral("secp256k1/keys/created"));
            QCOMPARE(read.data().value(QStringLiteral("public_key")).toString(), m_publicKey);
            QCOMPARE(read.data().value(QStringLiteral("exportable")).toBool(), true);
            const HttpResult sig = http.post(QStringLiteral("secp256k1/sign/created"),
                                             {{QStringLiteral("input"), QStringLiteral("aGk=")}});
            QCOMPARE(sig.data().value(QStringLiteral("signature")).toString(), m_signature);
            const HttpResult imported = http.get(QStringLiteral("secp256k1/keys/imported"));
            QCOMPARE(imported.data().value(QStringLiteral("public_key")).toString(),
                     QStringLiteral("02ac301ef3117116e34df184f20290db6f85a5e13042092c2a36d640242ac02948"));
            QCOMPARE(imported.data().value(QStringLiteral("imported")).toBool(), true);
            QCOMPARE(http.get(QStringLiteral("secp256k1/export/imported")).status, 400); // not exportable
            QCOMPARE(http.send("GET", QStringLiteral("sys/seal-status"), {}, {}, false)
                         .json.value(QStringLiteral("storage_type"))
                         .toString(),
                     QStringLiteral("file"));
            QCOMPARE(http.del(QStringLiteral("secp256k1/keys/imported")).status, 204);
            QVERIFY(!QFile::exists(keyFile(QStringLiteral("imported"))));
        }
        SignerServer again(optionsFor(m_dir));
        QVERIFY(again.start().hasValue());
        SignerHttp http(again.address(), again.rootToken());
        QCOMPARE(http.list(QStringLiteral("secp256k1/keys"))
                     .data()
                     .value(QStringLiteral("keys"))
                     .toVariant()
                     .toStringList(),
                 QStringList{QStringLiteral("created")});
    }

    void secretsAreNotInTheFilesAndPermissionsAreTight()
    {
        QCOMPARE(mode(m_dir), 0700);
        QCOMPARE(mode(m_dir + QStringLiteral("/keys")), 0700);
        QCOMPARE(mode(m_dir + QStringLiteral("/vault.json")), 0600);
        for (const QString &name : {QStringLiteral("created"), QStringLiteral("imported")}) {
            QCOMPARE(mode(keyFile(name)), 0600);
            QFile file(keyFile(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray content = file.readAll();
            QVERIFY(!content.contains(VectorKey.toHex()));
            QVERIFY(!content.contains(VectorKey.toBase64()));
            QVERIFY(!content.contains(VectorKey));
        }
        QVERIFY(QDir(m_dir + QStringLiteral("/keys"))
                    .entryList({QStringLiteral("*.tmp")}, QDir::Files)
                    .isEmpty());
    }

    void wrongPassphraseRefused()
    {
        expectRefused(SignerStartError::Kind::WrongPassphrase, m_dir + QStringLiteral("/vault.json"),
                      "wrong passphrase");
    }

    void emptyPassphraseRefused() { expectRefused(SignerStartError::Kind::BadOptions, m_dir, QByteArray()); }

    void tamperedSecretRefused()
    {
        const QString path = keyFile(QStringLiteral("imported"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        QByteArray sealed =
            QByteArray::fromBase64(object.value(QStringLiteral("sealed")).toString().toLatin1());
        sealed[20] = char(sealed[20] ^ 0x01);
        object.insert(QStringLiteral("sealed"), QString::fromLatin1(sealed.toBase64()));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(object).toJson());
        file.close();
        expectRefused(SignerStartError::Kind::CorruptKeyFile, path);
    }

    void tamperedMetadataRefused()
    {
        // Making a key exportable by editing its file must not work.
        const QString path = keyFile(QStringLiteral("imported"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        QCOMPARE(object.value(QStringLiteral("exportable")).toBool(true), false);
        object.insert(QStringLiteral("exportable"), true);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(object).toJson());
        file.close();
        expectRefused(SignerStartError::Kind::CorruptKeyFile, path);
    }

    void truncatedKeyFileRefused()
    {
        const QString path = keyFile(QStringLiteral("created"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.resize(file.size() / 2));
        file.close();
        expectRefused(SignerStartError::Kind::CorruptKeyFile, path);
    }

    void truncatedVaultFileRefused()
    {
        const QString path = m_dir + QStringLiteral("/vault.json");
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.resize(10));
        file.close();
        expectRefused(SignerStartError::Kind::CorruptKeyFile, path);
    }

    void missingVaultFileWithKeysRefused()
    {
        const QString path = m_dir + QStringLiteral("/vault.json");
        QVERIFY(QFile::remove(path));
        expectRefused(SignerStartError::Kind::CorruptKeyFile, path);
    }
};

QTEST_GUILESS_MAIN(TestSignerPersistence)
#include "TestSignerPersistence.moc"
