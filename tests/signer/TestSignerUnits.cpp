// The small pieces under the server: key name rule, Go's ParseBool, Go-style
// durations, command-line parsing, and the at-rest cipher.
#include "core/common/KeyName.h"
#include "core/crypto/SecureBytes.h"
#include "core/signer/GoBool.h"
#include "core/signer/KeyFileCipher.h"
#include "core/signer/SignerCommandLine.h"

#include <QTest>

using namespace baokeys::signer;
using namespace std::chrono_literals;
namespace KeyName = baokeys::KeyName;

class TestSignerUnits : public QObject {
    Q_OBJECT

private slots:
    void keyNames()
    {
        for (const char *good : {"a", "_", "9", "ab", "a-b", "a.b", "a..b", "worker-1", "A_b.c-D"})
            QVERIFY2(KeyName::isValid(QString::fromLatin1(good)), good);
        for (const char *bad :
             {"", "-", ".", "-a", "a-", ".a", "a.", "..", "a/b", "a b", "a%2Fb", "a\\b", "a:b", "\xc3\xa9"})
            QVERIFY2(!KeyName::isValid(QString::fromUtf8(bad)), bad);
        QVERIFY(KeyName::isValid(QString(KeyName::MaxLength, QLatin1Char('k'))));
        QVERIFY(!KeyName::isValid(QString(KeyName::MaxLength + 1, QLatin1Char('k'))));
    }

    void goParseBool()
    {
        for (const char *t : {"1", "t", "T", "TRUE", "true", "True"})
            QCOMPARE(parseGoBool(QString::fromLatin1(t)), std::optional<bool>(true));
        for (const char *f : {"0", "f", "F", "FALSE", "false", "False"})
            QCOMPARE(parseGoBool(QString::fromLatin1(f)), std::optional<bool>(false));
        for (const char *x : {"", "yes", "tRUE", "2", " true"})
            QVERIFY(!parseGoBool(QString::fromLatin1(x)).has_value());
    }

    void durations()
    {
        QCOMPARE(*SignerCommandLine::parseDuration(u"200ms"), 200ms);
        QCOMPARE(*SignerCommandLine::parseDuration(u"1.5s"), 1500ms);
        QCOMPARE(*SignerCommandLine::parseDuration(u"2m"), 120000ms);
        QCOMPARE(*SignerCommandLine::parseDuration(u"1m30s"), 90000ms);
        QCOMPARE(*SignerCommandLine::parseDuration(u"250"), 250ms);
        QCOMPARE(*SignerCommandLine::parseDuration(u"0"), 0ms);
        for (const char16_t *bad : {u"", u"soon", u"5 ms", u"-1s", u"1d", u"25h"})
            QVERIFY(!SignerCommandLine::parseDuration(bad).hasValue());
    }

    void commandLine()
    {
        const QProcessEnvironment env;
        auto launch = SignerCommandLine::parse(
            {QStringLiteral("baokeys-signer"), QStringLiteral("--dev"), QStringLiteral("--listen"),
             QStringLiteral("[::1]:8300"), QStringLiteral("--latency"), QStringLiteral("200ms"),
             QStringLiteral("--latency-jitter"), QStringLiteral("50ms"), QStringLiteral("--latency-key"),
             QStringLiteral("worker-1=500ms"), QStringLiteral("--latency-key"), QStringLiteral("worker-2=1s"),
             QStringLiteral("--fail-rate"), QStringLiteral("0.05"), QStringLiteral("--start-sealed")},
            env);
        QVERIFY2(launch.hasValue(), launch ? "" : qPrintable(launch.error()));
        QVERIFY(launch->dev);
        QCOMPARE(launch->options.listenHost, QStringLiteral("::1"));
        QCOMPARE(launch->options.port, quint16(8300));
        QCOMPARE(launch->faults.latency, 200ms);
        QCOMPARE(launch->faults.latencyJitter, 50ms);
        QCOMPARE(launch->faults.keyLatency.value(QStringLiteral("worker-1")), 500ms);
        QCOMPARE(launch->faults.keyLatency.value(QStringLiteral("worker-2")), 1000ms);
        QCOMPARE(launch->faults.failRate, 0.05);
        QVERIFY(launch->options.startSealed);

        auto defaults =
            SignerCommandLine::parse({QStringLiteral("baokeys-signer"), QStringLiteral("--dev")}, env);
        QVERIFY(defaults.hasValue());
        QCOMPARE(defaults->options.listenHost, QStringLiteral("127.0.0.1"));
        QCOMPARE(defaults->options.port, quint16(8200));
        QCOMPARE(defaults->options.mount, QStringLiteral("secp256k1"));

        QProcessEnvironment withPass;
        withPass.insert(QStringLiteral("BAOKEYS_SIGNER_PASSPHRASE"), QStringLiteral("pw"));
        auto persistent = SignerCommandLine::parse(
            {QStringLiteral("baokeys-signer"), QStringLiteral("--data-dir"), QStringLiteral("/tmp/d")},
            withPass);
        QVERIFY(persistent.hasValue());
        QCOMPARE(persistent->options.passphrase, QByteArray("pw"));
        QVERIFY(!SignerCommandLine::parse({QStringLiteral("baokeys-signer"), QStringLiteral("--data-dir"),
                                           QStringLiteral("/tmp/d")},
                                          env)
                     .hasValue());
    }

    void cipherRoundTripAndTamper()
    {
        KeyFileCipher::ScryptParams fast;
        fast.n = 1024; // the format stores N; a small one keeps this test quick
        const QByteArray salt = KeyFileCipher::randomBytes(KeyFileCipher::SaltSize);
        auto key = KeyFileCipher::deriveKey("pass", salt, fast);
        QVERIFY(key.hasValue());
        auto again = KeyFileCipher::deriveKey("pass", salt, fast);
        QVERIFY(key->equals(*again));
        auto other = KeyFileCipher::deriveKey("pasS", salt, fast);
        QVERIFY(!key->equals(*other));

        const QByteArray secret(32, '\x42');
        auto sealed = KeyFileCipher::seal(*key, secret, "aad");
        QVERIFY(sealed.hasValue());
        QCOMPARE(sealed->size(), KeyFileCipher::NonceSize + 32 + KeyFileCipher::TagSize);
        QVERIFY(!sealed->contains(secret));
        auto opened = KeyFileCipher::open(*key, *sealed, "aad");
        QVERIFY(opened.hasValue());
        QCOMPARE(opened->view(), QByteArrayView(secret));
        QVERIFY(!KeyFileCipher::open(*key, *sealed, "aaD").hasValue());
        QVERIFY(!KeyFileCipher::open(*other, *sealed, "aad").hasValue());
        for (int i : {0, 12, int(sealed->size()) - 1}) {
            QByteArray flipped = *sealed;
            flipped[i] = char(flipped[i] ^ 0x80);
            QVERIFY(!KeyFileCipher::open(*key, flipped, "aad").hasValue());
        }
        QVERIFY(!KeyFileCipher::open(*key, sealed->left(20), "aad").hasValue());
        // Two seals of the same secret differ (fresh nonce).
        QVERIFY(*KeyFileCipher::seal(*key, secret, "aad") != *sealed);
    }
};

QTEST_GUILESS_MAIN(TestSignerUnits)
#include "TestSignerUnits.moc"
