// Signing Cosmos transactions end to end: the embedded signer runs in this
// process on a loopback port, each vector's private key is imported through
// the keyring, and TxSigner signs the vector's transaction over real HTTP.
// The signature (RFC 6979, so deterministic), TxRaw and hash must equal the
// known answers exactly.
#include "EmbeddedSigner.h"
#include "KeyringFolder.h"
#include "TxVectors.h"
#include "core/crypto/Hex.h"
#include "core/keyring/BaoKeyring.h"
#include "core/tx/TxSigner.h"

#include <QTest>

using baokeys::bao::BaoErrorKind;
using baokeys::keyring::BaoKeyring;
using baokeys::testsupport::EmbeddedSigner;
using baokeys::testsupport::KeyringFolder;
using baokeys::tx::TxErrorKind;
using baokeys::tx::TxSigner;

class TestTxSigning : public QObject {
    Q_OBJECT

private:
    QList<txtest::TxVector> m_vectors;
    std::unique_ptr<EmbeddedSigner> m_signer;
    std::unique_ptr<KeyringFolder> m_folder;
    std::unique_ptr<BaoKeyring> m_keyring;

    // One keyring name per distinct signer: "signer-<first 8 hex of its address>".
    static QString uidFor(const txtest::TxVector &v)
    {
        return QStringLiteral("signer-") + baokeys::crypto::Hex::encode(v.publicKey).mid(2, 8);
    }

private slots:
    void initTestCase()
    {
        m_vectors = txtest::txVectors();
        QVERIFY2(m_vectors.size() == 3, "the txs section of the Cosmos vectors did not load");
        m_signer = std::make_unique<EmbeddedSigner>();
        QVERIFY(m_signer->start());
        m_folder = std::make_unique<KeyringFolder>();
        QVERIFY(m_folder->isValid());
        m_keyring = m_folder->open(m_signer->settings());
        for (const txtest::TxVector &v : m_vectors) {
            if (m_keyring->key(uidFor(v)))
                continue; // two vectors share a signer
            auto imported = m_keyring->importPrivateKey(uidFor(v), v.privateKeyHex);
            QVERIFY2(imported.hasValue(), imported ? "" : qPrintable(imported.error().describe()));
            QCOMPARE(imported->publicKey, v.publicKey);
            QCOMPARE(imported->bech32(v.hrp), v.signer);
        }
    }

    void cleanupTestCase()
    {
        m_keyring.reset();
        m_signer.reset();
        m_folder.reset();
    }

    void signsLikeTheVectors_data()
    {
        QTest::addColumn<int>("index");
        for (qsizetype i = 0; i < m_vectors.size(); ++i)
            QTest::newRow(qPrintable(m_vectors[i].kind)) << int(i);
    }
    void signsLikeTheVectors()
    {
        QFETCH(int, index);
        const txtest::TxVector &v = m_vectors[index];
        auto body = txtest::bodyFor(v);
        QVERIFY(body.has_value());
        const TxSigner signer(*m_keyring);
        auto signedTx = signer.sign(uidFor(v), *body, txtest::feeFor(v), txtest::accountFor(v));
        QVERIFY2(signedTx.hasValue(), signedTx ? "" : qPrintable(signedTx.error().describe()));
        QCOMPARE(signedTx->signDocBytes.toHex(), v.signDocBytes.toHex());
        QCOMPARE(signedTx->publicKey.toHex(), v.publicKey.toHex());
        QCOMPARE(QString::fromLatin1(signedTx->signature.toBase64()),
                 QString::fromLatin1(v.signature.toBase64()));
        QCOMPARE(QString::fromLatin1(signedTx->txRaw.toBase64()), QString::fromLatin1(v.txRaw.toBase64()));
        QCOMPARE(signedTx->txHash, v.txHash);
    }

    // A message whose signer is not the signing key: refused before signing.
    void refusesAnotherAccountsMessage()
    {
        const txtest::TxVector &send = m_vectors[0];
        const txtest::TxVector &other = m_vectors[2];
        QVERIFY(uidFor(send) != uidFor(other));
        auto body = txtest::bodyFor(send);
        QVERIFY(body.has_value());
        const TxSigner signer(*m_keyring);
        auto refused = signer.sign(uidFor(other), *body, txtest::feeFor(send), txtest::accountFor(send));
        QVERIFY(!refused.hasValue());
        QCOMPARE(refused.error().kind, TxErrorKind::SignerMismatch);
    }

    void refusesUnknownKeyAndBadInput()
    {
        const txtest::TxVector &v = m_vectors[0];
        auto body = txtest::bodyFor(v);
        QVERIFY(body.has_value());
        const TxSigner signer(*m_keyring);

        auto unknown = signer.sign(QStringLiteral("nobody"), *body, txtest::feeFor(v), txtest::accountFor(v));
        QCOMPARE(unknown.error().kind, TxErrorKind::Keyring);
        QVERIFY(unknown.error().keyringError.has_value());
        QCOMPARE(unknown.error().keyringError->kind, BaoErrorKind::NotFound);

        auto fee = txtest::feeFor(v);
        fee.gasLimit = 0;
        QCOMPARE(signer.sign(uidFor(v), *body, fee, txtest::accountFor(v)).error().kind,
                 TxErrorKind::InvalidGas);

        auto account = txtest::accountFor(v);
        account.chainId.clear();
        QCOMPARE(signer.sign(uidFor(v), *body, txtest::feeFor(v), account).error().kind,
                 TxErrorKind::InvalidChainId);
    }

    // The signer went away: the keyring's failure comes through, typed.
    void signerUnreachable()
    {
        const txtest::TxVector &v = m_vectors[0];
        KeyringFolder folder;
        auto otherSigner = EmbeddedSigner();
        QVERIFY(otherSigner.start());
        auto keyring = folder.open(otherSigner.settings());
        auto imported = keyring->importPrivateKey(uidFor(v), v.privateKeyHex);
        QVERIFY(imported.hasValue());
        otherSigner.stop(); // nothing listens any more
        auto body = txtest::bodyFor(v);
        QVERIFY(body.has_value());
        auto failed = TxSigner(*keyring).sign(uidFor(v), *body, txtest::feeFor(v), txtest::accountFor(v));
        QVERIFY(!failed.hasValue());
        QCOMPARE(failed.error().kind, TxErrorKind::Keyring);
        QVERIFY(failed.error().keyringError.has_value());
        QCOMPARE(failed.error().keyringError->kind, BaoErrorKind::Transport);
    }
};

QTEST_GUILESS_MAIN(TestTxSigning)
#include "TestTxSigning.moc"
