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

// A length-delimited protobuf field written by hand (field numbers below 16,
// lengths as a varint), so the expected bytes do not come from the encoder.
QByteArray field(int number, const QByteArray &value)
{
    QByteArray out(1, char((number << 3) | 2));
    quint64 length = quint64(value.size());
    while (length >= 0x80) {
        out.append(char((length & 0x7f) | 0x80));
        length >>= 7;
    }
    out.append(char(length));
    return out + value;
}

QByteArray anyOf(const QByteArray &typeUrl, const QByteArray &value)
{
    return field(1, typeUrl) + field(2, value);
}

const QString granterAddress = QStringLiteral("celestia1p423l7r3as4m2clkf2ef4gy3c37les6x29ndd4");
const QString granteeAddress = QStringLiteral("celestia1lw2v58r76dam3ek03nw88jx9h3mkdterar8u5l");

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

    // AllowedMsgAllowance{allowance: Any(BasicAllowance), allowed_messages}
    // inside MsgGrantAllowance.allowance, against bytes built by hand.
    void allowedMsgAllowance()
    {
        baokeys::tx::TxBodyBuilder body(QStringLiteral("celestia"));
        baokeys::tx::FeeAllowance allowance;
        allowance.basic.spendLimit = {{QStringLiteral("utia"), QStringLiteral("5")}};
        allowance.allowedMessages = {QStringLiteral("/celestia.blob.v1.MsgPayForBlobs"),
                                     QStringLiteral("/cosmos.bank.v1beta1.MsgSend")};
        QVERIFY(body.addGrantAllowance(granterAddress, granteeAddress, allowance).hasValue());
        QCOMPARE(body.signers(), QStringList{granterAddress});

        const QByteArray basic = field(1, field(1, "utia") + field(2, "5"));
        const QByteArray allowed = field(1, anyOf("/cosmos.feegrant.v1beta1.BasicAllowance", basic)) +
                                   field(2, "/celestia.blob.v1.MsgPayForBlobs") +
                                   field(2, "/cosmos.bank.v1beta1.MsgSend");
        const QByteArray grant = field(1, granterAddress.toLatin1()) + field(2, granteeAddress.toLatin1()) +
                                 field(3, anyOf("/cosmos.feegrant.v1beta1.AllowedMsgAllowance", allowed));
        const QByteArray expected = field(1, anyOf("/cosmos.feegrant.v1beta1.MsgGrantAllowance", grant));
        const auto built = body.build();
        QVERIFY(built.hasValue());
        QCOMPARE(hexOf(*built), hexOf(expected));
    }

    void allowedMsgAllowanceRefusesBadTypeUrls()
    {
        const auto refused = [](const QStringList &typeUrls) {
            baokeys::tx::TxBodyBuilder body(QStringLiteral("celestia"));
            const auto added = body.addGrantAllowance(granterAddress, granteeAddress,
                                                      baokeys::tx::FeeAllowance{{}, typeUrls});
            return !added && added.error().kind == baokeys::tx::TxErrorKind::InvalidTypeUrl &&
                   body.messageCount() == 0;
        };
        QVERIFY(refused({QStringLiteral("celestia.blob.v1.MsgPayForBlobs")})); // no leading slash
        QVERIFY(refused({QStringLiteral("/MsgPayForBlobs")}));                 // no package
        QVERIFY(refused({QStringLiteral("/a.b c")}));
        QVERIFY(refused({QStringLiteral("/celestia.blob.v1.MsgPayForBlobs\n")})); // '$' before a newline
        QVERIFY(refused({QStringLiteral("/a.B"), QStringLiteral("/a.B")}));       // repeated
    }

    void grantToItselfIsRefused()
    {
        baokeys::tx::TxBodyBuilder body(QStringLiteral("celestia"));
        const auto grant =
            body.addGrantAllowance(granterAddress, granterAddress, baokeys::tx::BasicAllowance{});
        QVERIFY(!grant);
        QCOMPARE(grant.error().kind, baokeys::tx::TxErrorKind::SelfGrant);
        const auto revoke = body.addRevokeAllowance(granterAddress, granterAddress);
        QVERIFY(!revoke);
        QCOMPARE(revoke.error().kind, baokeys::tx::TxErrorKind::SelfGrant);
    }

    void revokeAllowance()
    {
        baokeys::tx::TxBodyBuilder body(QStringLiteral("celestia"));
        QVERIFY(body.addRevokeAllowance(granterAddress, granteeAddress).hasValue());
        QCOMPARE(body.signers(), QStringList{granterAddress});
        const QByteArray revoke = field(1, granterAddress.toLatin1()) + field(2, granteeAddress.toLatin1());
        const QByteArray expected = field(1, anyOf("/cosmos.feegrant.v1beta1.MsgRevokeAllowance", revoke));
        QCOMPARE(hexOf(*body.build()), hexOf(expected));
    }
};

QTEST_GUILESS_MAIN(TestTxEncoding)
#include "TestTxEncoding.moc"
