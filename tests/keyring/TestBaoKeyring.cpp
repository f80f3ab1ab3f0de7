// BaoKeyring's accounts API against the embedded signer over loopback:
// create, look up, sign (verified), import (hex and mnemonic, known answers),
// export, remove, rename, sync, a corrupt store rebuilt from the server,
// restart, and recovery of a crashed batch from the journal.
#include "EmbeddedSigner.h"
#include "KeyringFolder.h"
#include "VectorFile.h"

#include "core/bao/BaoClient.h"
#include "core/crypto/CosmosAddress.h"
#include "core/crypto/Hash.h"
#include "core/crypto/Hex.h"
#include "core/crypto/Secp256k1.h"
#include "core/keyring/BaoKeyring.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using baokeys::bao::BaoClient;
using baokeys::bao::BaoErrorKind;
using baokeys::keyring::BaoKeyring;
using baokeys::keyring::BaoStore;
using baokeys::keyring::CreateBatchRequest;
using baokeys::keyring::KeyRecord;
using baokeys::keyring::KeySource;
using baokeys::testsupport::EmbeddedSigner;
using baokeys::testsupport::KeyringFolder;
using baokeys::testsupport::VectorFile;
namespace crypto = baokeys::crypto;

class TestBaoKeyring : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<EmbeddedSigner> m_signer;
    std::unique_ptr<KeyringFolder> m_folder;
    std::unique_ptr<BaoKeyring> m_keyring;

    QString storePath() const { return m_folder->storePath(); }
    std::unique_ptr<BaoKeyring> openKeyring() const { return m_folder->open(m_signer->settings()); }
    // Closes the keyring, puts `bytes` in its store file and opens it again.
    bool reopenWithStoreFile(const QByteArray &bytes)
    {
        m_keyring.reset();
        QFile file(storePath());
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
            return false;
        file.close();
        m_keyring = openKeyring();
        return true;
    }
    QByteArray storeFileBytes() const
    {
        QFile file(storePath());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private slots:
    void init()
    {
        m_signer = std::make_unique<EmbeddedSigner>();
        QVERIFY(m_signer->start());
        m_folder = std::make_unique<KeyringFolder>();
        QVERIFY(m_folder->isValid());
        m_keyring = openKeyring();
        QVERIFY(!m_keyring->storeError());
    }

    void cleanup()
    {
        m_keyring.reset();
        m_signer.reset();
        m_folder.reset();
    }

    void newAccountAndLookups()
    {
        QSignalSpy changed(m_keyring.get(), &BaoKeyring::keysChanged);
        auto alice = m_keyring->newAccount(QStringLiteral("alice"), false);
        QVERIFY2(alice.hasValue(), alice ? "" : qPrintable(alice.error().describe()));
        QCOMPARE(alice->source, KeySource::Generated);
        QCOMPARE(alice->keyPath, QStringLiteral("secp256k1/keys/alice"));
        QCOMPARE(alice->address, crypto::CosmosAddress::fromPublicKey(alice->publicKey));
        QVERIFY(changed.count() >= 1);

        auto server = BaoClient(m_signer->settings()).readKey(QStringLiteral("alice"));
        QVERIFY(server.hasValue());
        QCOMPARE(server->publicKey, alice->publicKey);

        QCOMPARE(m_keyring->key(QStringLiteral("alice"))->publicKey, alice->publicKey);
        QCOMPARE(m_keyring->keyByAddress(alice->address)->uid, QStringLiteral("alice"));
        QCOMPARE(m_keyring->keyByAddress(alice->bech32(QStringLiteral("celestia")))->uid,
                 QStringLiteral("alice"));
        QCOMPARE(m_keyring->keyByAddress(alice->addressHex())->uid, QStringLiteral("alice"));
        QCOMPARE(m_keyring->list().size(), 1);
        QCOMPARE(m_keyring->key(QStringLiteral("bob")).error().kind, BaoErrorKind::NotFound);
        QCOMPARE(m_keyring->keyByAddress(QStringLiteral("nonsense")).error().kind,
                 BaoErrorKind::InvalidInput);

        const quint64 before = m_signer->server().engineRequestCount();
        QCOMPARE(m_keyring->newAccount(QStringLiteral("alice")).error().kind, BaoErrorKind::AlreadyExists);
        QCOMPARE(m_keyring->newAccount(QStringLiteral("bad/name")).error().kind, BaoErrorKind::InvalidName);
        QCOMPARE(m_signer->server().engineRequestCount(), before);
        QVERIFY(m_keyring->store().journalUids().isEmpty());
    }

    void signIsVerifiedLocally()
    {
        auto key = m_keyring->newAccount(QStringLiteral("signer"));
        QVERIFY(key.hasValue());
        const QByteArray message("cosmos sign doc");
        auto signature = m_keyring->sign(QStringLiteral("signer"), message);
        QVERIFY2(signature.hasValue(), signature ? "" : qPrintable(signature.error().describe()));
        QCOMPARE(signature->signature.size(), 64);
        QCOMPARE(signature->publicKey, key->publicKey);
        QCOMPARE(signature->digest, crypto::Hash::sha256(message));
        QVERIFY(crypto::Secp256k1::isLowS(signature->signature));
        QVERIFY(crypto::Secp256k1::verifyDigest(key->publicKey, crypto::Hash::sha256(message),
                                                signature->signature));

        auto byAddress = m_keyring->signByAddress(key->address, message);
        QVERIFY(byAddress.hasValue());
        QCOMPARE(byAddress->signature, signature->signature); // RFC 6979: deterministic

        const quint64 before = m_signer->server().engineRequestCount();
        QCOMPARE(m_keyring->sign(QStringLiteral("nobody"), message).error().kind, BaoErrorKind::NotFound);
        QCOMPARE(m_signer->server().engineRequestCount(), before);

        auto async = m_keyring->signAsync(QStringLiteral("signer"), message);
        async.waitForFinished();
        QVERIFY(async.result().hasValue());
        QCOMPARE(async.result()->signature, signature->signature);
    }

    void knownAnswersFromTheVectors()
    {
        const QJsonObject vectors = VectorFile::cosmos().object();
        QVERIFY(!vectors.isEmpty());
        int index = 0;
        for (const QJsonValue &value : vectors.value(QStringLiteral("keys")).toArray()) {
            const QJsonObject vector = value.toObject();
            const QString uid = QStringLiteral("vector-%1").arg(index++);
            QString hex = vector.value(QStringLiteral("privkey_hex")).toString();
            auto record = m_keyring->importPrivateKey(uid, hex);
            QVERIFY2(record.hasValue(), record ? "" : qPrintable(record.error().describe()));
            QCOMPARE(record->publicKeyHex(), vector.value(QStringLiteral("pubkey_hex")).toString());
            QCOMPARE(record->addressHex(), vector.value(QStringLiteral("address_hex")).toString());
            QCOMPARE(record->bech32(QStringLiteral("celestia")),
                     vector.value(QStringLiteral("celestia")).toString());
            QCOMPARE(record->bech32(QStringLiteral("cosmos")),
                     vector.value(QStringLiteral("cosmos")).toString());
            QCOMPARE(record->source, KeySource::Imported);
        }
        QVERIFY(index > 0);

        int signatures = 0;
        for (const QJsonValue &value : vectors.value(QStringLiteral("signatures")).toArray()) {
            const QJsonObject vector = value.toObject();
            const QString privateKey = vector.value(QStringLiteral("privkey_hex")).toString();
            const QString uid = QStringLiteral("sig-") + privateKey.left(12);
            if (!m_keyring->key(uid))
                QVERIFY(m_keyring->importPrivateKey(uid, privateKey).hasValue());
            const QByteArray message =
                crypto::Hex::decode(vector.value(QStringLiteral("message_hex")).toString()).value();
            auto signature = m_keyring->sign(uid, message);
            QVERIFY2(signature.hasValue(), signature ? "" : qPrintable(signature.error().describe()));
            QCOMPARE(crypto::Hex::encode(signature->signature),
                     vector.value(QStringLiteral("signature_hex")).toString());
            QCOMPARE(crypto::Hex::encode(signature->digest),
                     vector.value(QStringLiteral("sha256_hex")).toString());
            ++signatures;
        }
        QVERIFY(signatures > 0);
    }

    void mnemonicImportMatchesTheVectors()
    {
        const QJsonObject vectors = VectorFile::cosmos().object();
        int count = 0;
        for (const QJsonValue &value : vectors.value(QStringLiteral("mnemonics")).toArray()) {
            const QJsonObject vector = value.toObject();
            for (const QJsonValue &derivedValue : vector.value(QStringLiteral("derived")).toArray()) {
                const QJsonObject derived = derivedValue.toObject();
                const QString uid = QStringLiteral("mnemonic-%1").arg(count++);
                auto record =
                    m_keyring->importMnemonic(uid, vector.value(QStringLiteral("mnemonic")).toString(),
                                              vector.value(QStringLiteral("bip39_passphrase")).toString(),
                                              derived.value(QStringLiteral("hd_path")).toString());
                QVERIFY2(record.hasValue(), record ? "" : qPrintable(record.error().describe()));
                QCOMPARE(record->publicKeyHex(), derived.value(QStringLiteral("pubkey_hex")).toString());
                QCOMPARE(record->bech32(QStringLiteral("celestia")),
                         derived.value(QStringLiteral("celestia")).toString());
            }
        }
        QVERIFY(count > 0);

        const quint64 before = m_signer->server().engineRequestCount();
        auto bad = m_keyring->importMnemonic(QStringLiteral("bad"),
                                             QStringLiteral("window peanut series helmet soccer "
                                                            "document stamp fit argue spice "
                                                            "exchange exchange"));
        QCOMPARE(bad.error().kind, BaoErrorKind::InvalidInput);
        auto badPath = m_keyring->importMnemonic(QStringLiteral("bad"),
                                                 QStringLiteral("abandon abandon abandon abandon "
                                                                "abandon abandon abandon abandon "
                                                                "abandon abandon abandon about"),
                                                 {}, QStringLiteral("m/44'/x"));
        QCOMPARE(badPath.error().kind, BaoErrorKind::InvalidInput);
        QCOMPARE(m_keyring->importPrivateKey(QStringLiteral("bad"), QStringLiteral("zz")).error().kind,
                 BaoErrorKind::InvalidInput);
        QCOMPARE(
            m_keyring->importPrivateKey(QStringLiteral("bad"), QString(64, QLatin1Char('0'))).error().kind,
            BaoErrorKind::InvalidInput);
        QCOMPARE(m_signer->server().engineRequestCount(), before);
    }

    void exportChecksTheKey()
    {
        const QString hex =
            QStringLiteral("7084a92dfa3e79d262bdb04612eaee1eb3be66c0d7fd794f68d5d8f6826323d7");
        baokeys::keyring::ImportOptions options;
        options.exportable = true;
        QVERIFY(m_keyring->importPrivateKey(QStringLiteral("exp"), hex, options).hasValue());
        auto exported = m_keyring->exportPrivateKey(QStringLiteral("exp"));
        QVERIFY2(exported.hasValue(), exported ? "" : qPrintable(exported.error().describe()));
        QVERIFY(exported->equals(crypto::Hex::decodeSecret(hex).value()));

        QVERIFY(m_keyring->newAccount(QStringLiteral("locked"), false).hasValue());
        QCOMPARE(m_keyring->exportPrivateKey(QStringLiteral("locked")).error().kind,
                 BaoErrorKind::NotExportable);
    }

    void removeDeletesOnBothSides()
    {
        QVERIFY(m_keyring->newAccount(QStringLiteral("gone")).hasValue());
        auto removed = m_keyring->removeAsync(QStringLiteral("gone"));
        removed.waitForFinished();
        QVERIFY(removed.result().hasValue());
        QCOMPARE(*removed.result(), BaoKeyring::Removal::DeletedOnServer);
        QVERIFY(!m_keyring->key(QStringLiteral("gone")));
        QCOMPARE(BaoClient(m_signer->settings()).readKey(QStringLiteral("gone")).error().kind,
                 BaoErrorKind::NotFound);
        QCOMPARE(m_keyring->remove(QStringLiteral("gone")).error().kind, BaoErrorKind::NotFound);

        // Deleted on the server behind the store's back: only the entry goes.
        QVERIFY(m_keyring->newAccount(QStringLiteral("lost")).hasValue());
        QVERIFY(BaoClient(m_signer->settings()).deleteKey(QStringLiteral("lost")).hasValue());
        QCOMPARE(m_keyring->remove(QStringLiteral("lost")).value(), BaoKeyring::Removal::NotOnServer);
        QVERIFY(!m_keyring->key(QStringLiteral("lost")));
    }

    // Someone deleted the name and made a new key under it (another store, a
    // colleague): deleting the stored key must not destroy the new one.
    void removeNeverDestroysAnotherKeyUnderTheName()
    {
        QVERIFY(m_keyring->newAccount(QStringLiteral("reused")).hasValue());
        BaoClient client(m_signer->settings());
        QVERIFY(client.deleteKey(QStringLiteral("reused")).hasValue());
        auto theirs = client.createKey(QStringLiteral("reused"), false);
        QVERIFY(theirs.hasValue());

        auto removed = m_keyring->remove(QStringLiteral("reused"));
        QVERIFY2(removed.hasValue(), removed ? "" : qPrintable(removed.error().describe()));
        QCOMPARE(*removed, BaoKeyring::Removal::AnotherKeyOnServer);
        QVERIFY(!m_keyring->key(QStringLiteral("reused")));
        auto left = client.readKey(QStringLiteral("reused"));
        QVERIFY2(left.hasValue(), "the server's key under the name was destroyed");
        QCOMPARE(left->publicKey, theirs->publicKey);
    }

    void renameExportableMovesTheSameKey()
    {
        auto original = m_keyring->newAccount(QStringLiteral("old-name"), true);
        QVERIFY(original.hasValue());
        auto renamed = m_keyring->rename(QStringLiteral("old-name"), QStringLiteral("new-name"));
        QVERIFY2(renamed.hasValue(), renamed ? "" : qPrintable(renamed.error().describe()));
        QCOMPARE(renamed->uid, QStringLiteral("new-name"));
        QCOMPARE(renamed->publicKey, original->publicKey);
        QCOMPARE(renamed->address, original->address);
        QVERIFY(renamed->exportable);
        QVERIFY(!m_keyring->key(QStringLiteral("old-name")));
        BaoClient client(m_signer->settings());
        QCOMPARE(client.readKey(QStringLiteral("old-name")).error().kind, BaoErrorKind::NotFound);
        QCOMPARE(client.readKey(QStringLiteral("new-name"))->publicKey, original->publicKey);
        QVERIFY(m_keyring->sign(QStringLiteral("new-name"), "after rename").hasValue());
        QVERIFY(m_keyring->store().journalUids().isEmpty());
    }

    void renameRefusesWhatItCannotDoSafely()
    {
        auto locked = m_keyring->newAccount(QStringLiteral("locked"), false);
        QVERIFY(locked.hasValue());
        QVERIFY(m_keyring->newAccount(QStringLiteral("taken"), true).hasValue());
        QVERIFY(m_keyring->newAccount(QStringLiteral("movable"), true).hasValue());
        const quint64 before = m_signer->server().engineRequestCount();
        auto refused = m_keyring->rename(QStringLiteral("locked"), QStringLiteral("elsewhere"));
        QCOMPARE(refused.error().kind, BaoErrorKind::Unsupported);
        QVERIFY(refused.error().message.contains(QStringLiteral("not exportable")));
        QCOMPARE(m_signer->server().engineRequestCount(), before); // refused before any request
        QCOMPARE(m_keyring->rename(QStringLiteral("movable"), QStringLiteral("taken")).error().kind,
                 BaoErrorKind::AlreadyExists);
        QCOMPARE(m_keyring->rename(QStringLiteral("movable"), QStringLiteral("bad name")).error().kind,
                 BaoErrorKind::InvalidName);

        // Taken on the server only (not in the store): still refused, nothing lost.
        QVERIFY(BaoClient(m_signer->settings()).createKey(QStringLiteral("server-only"), false));
        QCOMPARE(m_keyring->rename(QStringLiteral("movable"), QStringLiteral("server-only")).error().kind,
                 BaoErrorKind::AlreadyExists);
        QVERIFY(m_keyring->key(QStringLiteral("movable")));
        QVERIFY(m_keyring->sign(QStringLiteral("movable"), "still here").hasValue());
        QCOMPARE(m_keyring->key(QStringLiteral("locked"))->publicKey, locked->publicKey);
    }

    void syncAdoptsAndFlags()
    {
        QVERIFY(m_keyring->newAccount(QStringLiteral("local-1")).hasValue());
        QVERIFY(m_keyring->newAccount(QStringLiteral("local-2")).hasValue());
        BaoClient client(m_signer->settings());
        auto outside = client.createKey(QStringLiteral("made-elsewhere"), true);
        QVERIFY(outside.hasValue());
        QVERIFY(client.deleteKey(QStringLiteral("local-2")).hasValue());

        auto report = m_keyring->sync();
        QVERIFY2(report.hasValue(), report ? "" : qPrintable(report.error().describe()));
        QCOMPARE(report->adopted, QStringList{QStringLiteral("made-elsewhere")});
        QCOMPARE(report->missing, QStringList{QStringLiteral("local-2")});
        auto adopted = m_keyring->key(QStringLiteral("made-elsewhere"));
        QVERIFY(adopted.hasValue());
        QCOMPARE(adopted->source, KeySource::Synced);
        QCOMPARE(adopted->publicKey, outside->publicKey);
        QVERIFY(adopted->exportable);
        QVERIFY(m_keyring->key(QStringLiteral("local-2"))->missingOnServer);
        QVERIFY(!m_keyring->key(QStringLiteral("local-1"))->missingOnServer);

        // A name whose key changed on the server is a conflict, left as stored.
        QVERIFY(client.deleteKey(QStringLiteral("local-1")).hasValue());
        QVERIFY(client.createKey(QStringLiteral("local-1"), false).hasValue());
        const QByteArray stored = m_keyring->key(QStringLiteral("local-1"))->publicKey;
        // Before a sync nothing explains another key: the server is not to be trusted.
        QCOMPARE(m_keyring->sign(QStringLiteral("local-1"), "x").error().kind, BaoErrorKind::SecurityFault);
        auto second = m_keyring->sync();
        QVERIFY(second.hasValue());
        QCOMPARE(second->conflicts, QStringList{QStringLiteral("local-1")});
        QCOMPARE(m_keyring->key(QStringLiteral("local-1"))->publicKey, stored);
        // After it, the stored key is known to be gone from the server.
        QCOMPARE(m_keyring->sign(QStringLiteral("local-1"), "x").error().kind, BaoErrorKind::NotFound);
    }

    // A conflict outlives the sync that found it: every later reader of the
    // store (keys list, the app, another process) sees the stored address is
    // not the server's key, until a sync finds the name holds it again.
    void syncKeepsAConflictInTheStore()
    {
        QVERIFY(m_keyring->newAccount(QStringLiteral("swapped"), true).hasValue());
        const KeyRecord stored = m_keyring->key(QStringLiteral("swapped")).value();
        QVERIFY(stored.heldByServer());
        BaoClient client(m_signer->settings());
        auto exported = client.exportKey(QStringLiteral("swapped"));
        QVERIFY(exported.hasValue());
        QVERIFY(client.deleteKey(QStringLiteral("swapped")).hasValue());
        QVERIFY(
            client.createKey(QStringLiteral("swapped"), true).hasValue()); // exportable: rename could pull it

        QVERIFY(m_keyring->sync().hasValue());
        BaoStore reread(storePath());
        QVERIFY(reread.load().hasValue());
        const KeyRecord flagged = reread.find(QStringLiteral("swapped")).value();
        QVERIFY(flagged.replacedOnServer);
        QVERIFY(!flagged.heldByServer());
        QCOMPARE(flagged.publicKey, stored.publicKey);
        const auto refused = m_keyring->sign(QStringLiteral("swapped"), "x");
        QCOMPARE(refused.error().kind, BaoErrorKind::NotFound);
        QVERIFY2(refused.error().message.contains(QLatin1String("another key under that name")),
                 qPrintable(refused.error().message));
        // Rename would export the server's key under the name: refused before that.
        QCOMPARE(m_keyring->rename(QStringLiteral("swapped"), QStringLiteral("moved")).error().kind,
                 BaoErrorKind::NotFound);
        QCOMPARE(client.readKey(QStringLiteral("moved")).error().kind, BaoErrorKind::NotFound);

        // The original key comes back under its name: the flag goes.
        QVERIFY(client.deleteKey(QStringLiteral("swapped")).hasValue());
        QVERIFY(client.importKey(QStringLiteral("swapped"), exported->privateKey, true).hasValue());
        auto report = m_keyring->sync();
        QVERIFY(report.hasValue());
        QVERIFY(report->conflicts.isEmpty());
        QVERIFY(m_keyring->key(QStringLiteral("swapped"))->heldByServer());
    }

    void aNameTheServerLostIsFreeAgain()
    {
        // A dev signer restarted empty: the store still lists the keys.
        QVERIFY(m_keyring->newAccount(QStringLiteral("lost-1")).hasValue());
        QVERIFY(m_keyring->newAccount(QStringLiteral("lost-2")).hasValue());
        QVERIFY(m_keyring->newAccount(QStringLiteral("lone")).hasValue());
        BaoClient client(m_signer->settings());
        for (const char *name : {"lost-1", "lost-2", "lone"})
            QVERIFY(client.deleteKey(QString::fromLatin1(name)).hasValue());
        CreateBatchRequest request;
        request.prefix = QStringLiteral("lost");
        request.count = 2;
        request.firstIndex = 1;
        // Before a sync the names are taken, as far as the store knows.
        QCOMPARE(m_keyring->batchNames(request).error().kind, BaoErrorKind::AlreadyExists);
        QCOMPARE(m_keyring->newAccount(QStringLiteral("lone")).error().kind, BaoErrorKind::AlreadyExists);

        QVERIFY(m_keyring->sync().hasValue());
        const QByteArray oldKey = m_keyring->key(QStringLiteral("lone"))->publicKey;
        auto names = m_keyring->batchNames(request);
        QVERIFY2(names.hasValue(), names ? "" : qPrintable(names.error().describe()));
        QCOMPARE(*names, (QStringList{QStringLiteral("lost-1"), QStringLiteral("lost-2")}));
        auto again = m_keyring->newAccount(QStringLiteral("lone"));
        QVERIFY2(again.hasValue(), again ? "" : qPrintable(again.error().describe()));
        QVERIFY(!m_keyring->key(QStringLiteral("lone"))->missingOnServer);
        QVERIFY(m_keyring->key(QStringLiteral("lone"))->publicKey != oldKey);
        QVERIFY(m_keyring->sign(QStringLiteral("lone"), "new key").hasValue());
    }

    void corruptStoreIsKeptAndRebuiltBySync()
    {
        QVERIFY(m_keyring->newAccount(QStringLiteral("survivor")).hasValue());
        const QByteArray publicKey = m_keyring->key(QStringLiteral("survivor"))->publicKey;
        const QByteArray garbage("{\"format\": \"baokeys-store\", \"version\": 1, \"keys\": [trunc");
        QVERIFY(reopenWithStoreFile(garbage));
        QVERIFY(m_keyring->storeError().has_value());
        QCOMPARE(m_keyring->storeError()->kind, BaoErrorKind::StoreCorrupt);
        QVERIFY(m_keyring->list().isEmpty());
        QCOMPARE(m_keyring->newAccount(QStringLiteral("blocked")).error().kind, BaoErrorKind::StoreCorrupt);
        QCOMPARE(storeFileBytes(), garbage); // untouched

        auto report = m_keyring->sync();
        QVERIFY2(report.hasValue(), report ? "" : qPrintable(report.error().describe()));
        QVERIFY(!report->corruptBackup.isEmpty());
        QFile backup(report->corruptBackup);
        QVERIFY(backup.open(QIODevice::ReadOnly));
        QCOMPARE(backup.readAll(), garbage);
        QCOMPARE(m_keyring->key(QStringLiteral("survivor"))->publicKey, publicKey);
        QVERIFY(!m_keyring->storeError());
        auto reopened = openKeyring();
        QVERIFY(!reopened->storeError());
        QCOMPARE(reopened->key(QStringLiteral("survivor"))->publicKey, publicKey);
    }

    // Opened by an older build (a rollback), a key list a newer BaoKeys wrote
    // is not rebuilt by sync: the app's sync on open would otherwise set it
    // aside as corrupt and replace it with an older file.
    void syncLeavesAStoreFromANewerVersionAlone()
    {
        QVERIFY(m_keyring->newAccount(QStringLiteral("kept")).hasValue());
        const QByteArray newer("{\"format\": \"baokeys-store\", \"version\": 2, \"keys\": [], \"more\": {}}");
        QVERIFY(reopenWithStoreFile(newer));
        QCOMPARE(m_keyring->storeError()->kind, BaoErrorKind::StoreTooNew);
        auto report = m_keyring->sync();
        QVERIFY(!report.hasValue());
        QCOMPARE(report.error().kind, BaoErrorKind::StoreTooNew);
        QCOMPARE(storeFileBytes(), newer);
        QVERIFY(QDir(QFileInfo(storePath()).path()).entryList({QStringLiteral("*.corrupt-*")}).isEmpty());
    }

    void restartKeepsTheBatch()
    {
        CreateBatchRequest request;
        request.prefix = QStringLiteral("blob-worker");
        request.count = 4;
        auto job = m_keyring->createBatch(request);
        QVERIFY(job.hasValue());
        job->future.waitForFinished();
        QList<QByteArray> addresses;
        for (const auto &result : job->future.results()) {
            QVERIFY(result.ok());
            addresses << result.key->address;
        }
        m_keyring.reset();
        auto restarted = openKeyring();
        QVERIFY(!restarted->storeError());
        const auto keys = restarted->list();
        QCOMPARE(keys.size(), 4);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(keys.at(i).uid, QStringLiteral("blob-worker-%1").arg(i + 1));
            QCOMPARE(keys.at(i).address, addresses.at(i));
        }
        QVERIFY(restarted->store().journalUids().isEmpty());
        QVERIFY(restarted->sign(QStringLiteral("blob-worker-3"), "after restart").hasValue());
    }

    // A retry names the items left; they run as one batch, in range order.
    void batchCreatesOnlyTheNamesItIsGiven()
    {
        CreateBatchRequest request;
        request.prefix = QStringLiteral("w");
        request.count = 8;
        request.only = QStringList{QStringLiteral("w-7"), QStringLiteral("w-2"), QStringLiteral("w-5")};
        auto job = m_keyring->createBatch(request);
        QVERIFY2(job.hasValue(), job ? "" : qPrintable(job.error().describe()));
        job->future.waitForFinished();
        QStringList created;
        for (const auto &result : job->future.results()) {
            QVERIFY(result.ok());
            created << result.uid;
        }
        QCOMPARE(created, (QStringList{QStringLiteral("w-2"), QStringLiteral("w-5"), QStringLiteral("w-7")}));
        QCOMPARE(m_keyring->list().size(), 3);

        request.only = QStringList{QStringLiteral("w-9")};
        auto outside = m_keyring->createBatch(request);
        QVERIFY(!outside.hasValue());
        QCOMPARE(outside.error().kind, BaoErrorKind::InvalidInput);
        QVERIFY(outside.error().message.contains(QStringLiteral("w-9")));
        request.only = QStringList{QStringLiteral("w-1"), QStringLiteral("w-1")};
        auto twice = m_keyring->createBatch(request);
        QVERIFY(!twice.hasValue());
        QCOMPARE(twice.error().kind, BaoErrorKind::InvalidInput);
        QCOMPARE(m_keyring->list().size(), 3); // a refused batch creates nothing
    }

    void crashedBatchIsRecoveredFromTheJournal()
    {
        m_keyring.reset();
        // What a crash mid-batch leaves: the journal names 3 keys, the server
        // has 2 of them, the store none.
        {
            BaoStore store(storePath());
            QVERIFY(store.load().hasValue());
            QVERIFY(store
                        .writeJournal(QStringLiteral("crashed"),
                                      {QStringLiteral("w-1"), QStringLiteral("w-2"), QStringLiteral("w-3")})
                        .hasValue());
        }
        BaoClient client(m_signer->settings());
        auto first = client.createKey(QStringLiteral("w-1"), false);
        QVERIFY(first.hasValue());
        QVERIFY(client.createKey(QStringLiteral("w-2"), false).hasValue());

        m_keyring = openKeyring();
        QCOMPARE(m_keyring->store().journalUids().size(), 3);
        auto recovered = m_keyring->recoverJournal();
        QVERIFY2(recovered.hasValue(), recovered ? "" : qPrintable(recovered.error().describe()));
        QCOMPARE(*recovered, (QStringList{QStringLiteral("w-1"), QStringLiteral("w-2")}));
        QCOMPARE(m_keyring->key(QStringLiteral("w-1"))->publicKey, first->publicKey);
        QCOMPARE(m_keyring->key(QStringLiteral("w-1"))->source, KeySource::Generated);
        QVERIFY(m_keyring->store().journalUids().isEmpty());
        QVERIFY(!QFile::exists(storePath() + QStringLiteral(".journal")));
    }

    void statusAndAsync()
    {
        // Each *Async call gets a freshly opened keyring, so its pool starts a
        // new thread for it, and each future outlives its keyring, whose
        // destructor waits for that pool. The task then reaches its thread
        // through the thread's creation and its result is released last here,
        // both hand-offs ThreadSanitizer follows; a reused pool thread would
        // get the task through QThreadPool's internal lock, which it cannot see.
        auto reopen = [this] {
            m_keyring.reset();
            m_keyring = openKeyring();
        };
        auto status = m_keyring->statusAsync();
        status.waitForFinished();
        QVERIFY(status.result().ok());
        QVERIFY(status.result().token->policies.contains(QStringLiteral("root")));
        reopen();
        auto created = m_keyring->newAccountAsync(QStringLiteral("async-key"), false);
        created.waitForFinished();
        QVERIFY(created.result().hasValue());
        reopen();
        auto synced = m_keyring->syncAsync();
        synced.waitForFinished();
        QVERIFY(synced.result().hasValue());
        QVERIFY(synced.result()->adopted.isEmpty());
        m_keyring.reset();
    }
};

QTEST_GUILESS_MAIN(TestBaoKeyring)
#include "TestBaoKeyring.moc"
