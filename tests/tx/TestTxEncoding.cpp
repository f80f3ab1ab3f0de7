// The protobuf encoding of Cosmos transactions against the shared known
// answers, byte for byte: TxBody, AuthInfo, SignDoc, and TxRaw with the
// vector's signature and its hash. No signer here: encoding only.
#include "TxVectors.h"
#include "core/crypto/Hex.h"
#include "core/tx/AuthInfoEncoder.h"
#include "core/tx/SignDocEncoder.h"
#include "core/tx/TxRawEncoder.h"

#include <QTest>

using baokeys::tx::AuthInfoEncoder;
using baokeys::tx::SignDocEncoder;
using baokeys::tx::TxRawEncoder;

namespace {

QString hexOf(const QByteArray &bytes)
{
    return baokeys::crypto::Hex::encode(bytes);
}

} // namespace

class TestTxEncoding : public QObject {
    Q_OBJECT

private:
    QList<txtest::TxVector> m_vectors;

    void addRows()
    {
        QTest::addColumn<int>("index");
        for (qsizetype i = 0; i < m_vectors.size(); ++i)
            QTest::newRow(qPrintable(m_vectors[i].kind)) << int(i);
    }

private slots:
    void initTestCase()
    {
        m_vectors = txtest::txVectors();
        // MsgSend, MsgGrantAllowance x4, MsgSend with a fee granter.
        QVERIFY2(m_vectors.size() == 3, "the txs section of the Cosmos vectors did not load");
    }

    void bodyBytes_data() { addRows(); }
    void bodyBytes()
    {
        QFETCH(int, index);
        const txtest::TxVector &v = m_vectors[index];
        auto body = txtest::bodyFor(v);
        QVERIFY(body.has_value());
        auto bytes = body->build();
        QVERIFY2(bytes.hasValue(), bytes ? "" : qPrintable(bytes.error().describe()));
        QCOMPARE(hexOf(*bytes), hexOf(v.bodyBytes));
    }

    void authInfoBytes_data() { addRows(); }
    void authInfoBytes()
    {
        QFETCH(int, index);
        const txtest::TxVector &v = m_vectors[index];
        auto bytes =
            AuthInfoEncoder::encode(v.publicKey, txtest::accountFor(v).sequence, txtest::feeFor(v), v.hrp);
        QVERIFY2(bytes.hasValue(), bytes ? "" : qPrintable(bytes.error().describe()));
        QCOMPARE(hexOf(*bytes), hexOf(v.authInfoBytes));
    }

    void signDocBytes_data() { addRows(); }
    void signDocBytes()
    {
        QFETCH(int, index);
        const txtest::TxVector &v = m_vectors[index];
        auto body = txtest::bodyFor(v);
        QVERIFY(body.has_value());
        auto bodyBytes = body->build();
        QVERIFY(bodyBytes.hasValue());
        const auto account = txtest::accountFor(v);
        auto authInfo = AuthInfoEncoder::encode(v.publicKey, account.sequence, txtest::feeFor(v), v.hrp);
        QVERIFY(authInfo.hasValue());
        auto signDoc = SignDocEncoder::encode(*bodyBytes, *authInfo, account.chainId, account.accountNumber);
        QVERIFY2(signDoc.hasValue(), signDoc ? "" : qPrintable(signDoc.error().describe()));
        QCOMPARE(hexOf(*signDoc), hexOf(v.signDocBytes));
    }

    // TxRaw from the vector's own parts and signature: the assembly and the
    // hash alone, apart from signing (tested end to end in test_tx_signing).
    void txRawAndHash_data() { addRows(); }
    void txRawAndHash()
    {
        QFETCH(int, index);
        const txtest::TxVector &v = m_vectors[index];
        QCOMPARE(v.signature.size(), 64);
        auto txRaw = TxRawEncoder::encode(v.bodyBytes, v.authInfoBytes, {v.signature});
        QVERIFY(txRaw.hasValue());
        QCOMPARE(QString::fromLatin1(txRaw->toBase64()), QString::fromLatin1(v.txRaw.toBase64()));
        QCOMPARE(TxRawEncoder::txHash(*txRaw), v.txHash);
    }

    // The optional expiration of a BasicAllowance: google.protobuf.Timestamp
    // as field 2, seconds and nanos, after the spend limit.
    void allowanceExpiration()
    {
        baokeys::tx::TxBodyBuilder with(QStringLiteral("celestia"));
        baokeys::tx::TxBodyBuilder without(QStringLiteral("celestia"));
        const QString granter = QStringLiteral("celestia1p423l7r3as4m2clkf2ef4gy3c37les6x29ndd4");
        const QString grantee = QStringLiteral("celestia1lw2v58r76dam3ek03nw88jx9h3mkdterar8u5l");
        baokeys::tx::BasicAllowance allowance;
        allowance.spendLimit = {{QStringLiteral("utia"), QStringLiteral("5")}};
        QVERIFY(without.addGrantAllowance(granter, grantee, allowance).hasValue());
        // 1700000000.25 s after the epoch: seconds 1700000000 (varint 80 e2 cf aa 06), nanos 250000000
        // (varint 80 e5 9a 77).
        allowance.expiration = QDateTime::fromMSecsSinceEpoch(1700000000250LL, Qt::UTC);
        QVERIFY(with.addGrantAllowance(granter, grantee, allowance).hasValue());
        const QString plain = hexOf(*without.build());
        const QString timed = hexOf(*with.build());
        // spend limit (0a 09 ...) directly followed by the Timestamp (12 0b ...)
        const QString spendLimit = QStringLiteral("0a090a0475746961120135");
        const QString timestamp = QStringLiteral("120b0880e2cfaa061080e59a77");
        QVERIFY2(timed.contains(spendLimit + timestamp), qPrintable(timed));
        QVERIFY(!plain.contains(timestamp));
        QCOMPARE(timed.size() - plain.size(), timestamp.size());
    }
};

QTEST_GUILESS_MAIN(TestTxEncoding)
#include "TestTxEncoding.moc"
