#include "CryptoTestData.h"
#include "core/crypto/Bip32.h"
#include "core/crypto/Bip39.h"
#include "core/crypto/Bip39WordList.h"
#include "core/crypto/Hex.h"

#include <QJsonArray>
#include <QTest>

using baokeys::crypto::CryptoErrorKind;
namespace Bip32 = baokeys::crypto::Bip32;
namespace Bip39 = baokeys::crypto::Bip39;
namespace Hex = baokeys::crypto::Hex;
namespace td = baokeys::crypto::testdata;

namespace {

const QString kAbandonAbout = QStringLiteral(
    "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about");
const QString kAbandonAboutTrezorSeed =
    QStringLiteral("c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d18264c1e1c92"
                   "f2cf141630c7a3c4ab7c81b2f"
                   "001698e7463b04");

QString seedHex(const QString &mnemonic, const QString &passphrase)
{
    auto seed = Bip39::mnemonicToSeed(mnemonic, passphrase);
    return seed ? Hex::encode(seed->view()) : QStringLiteral("error: ") + seed.error().message;
}

} // namespace

// The official BIP-39 English vectors (trezor/python-mnemonic vectors.json,
// passphrase "TREZOR", with the BIP-32 root xprv of each seed), the word
// list itself, NFKD handling and every typed mnemonic error.
class TestBip39 : public QObject {
    Q_OBJECT

private slots:
    void wordListIsCompleteAndSorted()
    {
        QCOMPARE(Bip39::WordCount, 2048);
        QVERIFY(Bip39::englishWordListIsSorted());
        QCOMPARE(Bip39::englishWord(0), std::string_view("abandon"));
        QCOMPARE(Bip39::englishWord(2047), std::string_view("zoo"));
        for (int i = 0; i < Bip39::WordCount; ++i) {
            const std::string_view word = Bip39::englishWord(i);
            QVERIFY(word.size() >= 3 && word.size() <= 8);
            QCOMPARE(Bip39::indexOfEnglishWord(QString::fromLatin1(word.data(), qsizetype(word.size()))), i);
        }
        QCOMPARE(Bip39::indexOfEnglishWord(u"accuse"), 13);
        QCOMPARE(Bip39::indexOfEnglishWord(u"accuse "), -1);
        QCOMPARE(Bip39::indexOfEnglishWord(u"Abandon"), -1);
        QCOMPARE(Bip39::indexOfEnglishWord(u""), -1);
        QCOMPARE(Bip39::indexOfEnglishWord(u"zoos"), -1);
    }

    void officialVectors()
    {
        const QJsonDocument doc = td::readJson(td::dataPath("bip39-vectors.json"));
        QVERIFY(doc.isObject());
        const QJsonArray english = doc.object().value(QLatin1String("english")).toArray();
        QCOMPARE(english.size(), 24);
        for (const QJsonValue &v : english) {
            const QJsonArray row = v.toArray();
            QCOMPARE(row.size(), 4);
            const QByteArray entropy = td::hex(row.at(0).toString());
            const QString mnemonic = row.at(1).toString();

            auto words = Bip39::entropyToMnemonic(entropy);
            QVERIFY(words);
            QCOMPARE(*words, mnemonic);

            auto back = Bip39::mnemonicToEntropy(mnemonic);
            QVERIFY(back);
            QCOMPARE(back->view(), QByteArrayView(entropy));

            auto seed = Bip39::mnemonicToSeed(mnemonic, QStringLiteral("TREZOR"));
            QVERIFY(seed);
            QCOMPARE(Hex::encode(seed->view()), row.at(2).toString());

            auto root = Bip32::master(*seed);
            QVERIFY(root);
            QCOMPARE(Bip32::serializePrivate(*root), row.at(3).toString());
        }
    }

    void whiteSpaceBetweenWordsDoesNotMatter()
    {
        const QString messy =
            QStringLiteral("  abandon\tabandon abandon  abandon\nabandon abandon abandon abandon "
                           "abandon abandon abandon\u3000about \r\n");
        QVERIFY(Bip39::validateMnemonic(messy));
        QCOMPARE(seedHex(messy, QStringLiteral("TREZOR")), kAbandonAboutTrezorSeed);
    }

    void nfkdNormalisesMnemonicAndPassphrase()
    {
        // Full-width letters decompose (NFKD) to ASCII: same words, same seed.
        const QString fullWidthPassphrase =
            QString::fromUtf8("\xef\xbc\xb4\xef\xbc\xb2\xef\xbc\xa5\xef\xbc\xba"
                              "\xef\xbc\xaf\xef\xbc\xb2"); // ＴＲＥＺＯＲ
        QCOMPARE(seedHex(kAbandonAbout, fullWidthPassphrase), kAbandonAboutTrezorSeed);

        QString fullWidthMnemonic = kAbandonAbout;
        fullWidthMnemonic.replace(QStringLiteral("about"),
                                  QString::fromUtf8("\xef\xbd\x81\xef\xbd\x82\xef\xbd\x8f"
                                                    "\xef\xbd\x95\xef\xbd\x94")); // ａｂｏｕｔ
        QCOMPARE(seedHex(fullWidthMnemonic, QStringLiteral("TREZOR")), kAbandonAboutTrezorSeed);

        // Composed and decomposed accents give one seed, different from ASCII.
        const QString composed = QStringLiteral("caf\u00e9");
        const QString decomposed = QStringLiteral("cafe\u0301");
        QCOMPARE(seedHex(kAbandonAbout, composed), seedHex(kAbandonAbout, decomposed));
        QVERIFY(seedHex(kAbandonAbout, composed) != seedHex(kAbandonAbout, QStringLiteral("cafe")));
    }

    void emptyPassphraseDiffersFromTrezor()
    {
        QCOMPARE(
            seedHex(kAbandonAbout, QString()),
            QStringLiteral(
                "5eb00bbddcf069084889a8ab9155568165f5c453ccb85e70811aaed6f6da5fc19a5ac40b389cd370d086206dec"
                "8aa6c43daea6690f20ad3d8d48b2d2ce9e38e4"));
    }

    void rejectsBadEntropy_data()
    {
        QTest::addColumn<int>("size");
        for (int size : {0, 4, 12, 15, 17, 30, 33, 36, 64})
            QTest::newRow(qPrintable(QString::number(size))) << size;
    }
    void rejectsBadEntropy()
    {
        QFETCH(int, size);
        auto words = Bip39::entropyToMnemonic(QByteArray(size, '\x42'));
        QVERIFY(!words);
        QCOMPARE(words.error().kind, CryptoErrorKind::InvalidEntropy);
    }

    // The message named the word ("Word 12 (\"returnx\")"): a typo is most of
    // a secret word, and the message reaches terminals and CI logs.
    void unknownWordMessageNamesItsPlaceNotTheWord()
    {
        const QString pastedKey =
            QStringLiteral("9ec50871a46cc259640e3a842ba545d63f17d0f884a865221731e51464c3c90c");
        for (const QString &word : {QStringLiteral("abouy"), pastedKey}) {
            QString mnemonic = kAbandonAbout;
            mnemonic.replace(QStringLiteral("about"), word);
            auto valid = Bip39::validateMnemonic(mnemonic);
            QVERIFY(!valid);
            QCOMPARE(valid.error().kind, CryptoErrorKind::UnknownMnemonicWord);
            QCOMPARE(valid.error().message, QStringLiteral("Word 12 is not in the BIP-39 English word list"));
            auto seed = Bip39::mnemonicToSeed(mnemonic, QString());
            QVERIFY(!seed);
            QVERIFY2(!seed.error().message.contains(word.left(3)), qPrintable(seed.error().message));
        }
    }

    // A backup written in capitals is the same mnemonic: the same entropy
    // and the same seed as the list's lower-case spelling (it was refused).
    void capitalsAreTheSameWords()
    {
        const QString shouted = kAbandonAbout.toUpper();
        QString mixed = kAbandonAbout;
        mixed.replace(0, 7, QStringLiteral("Abandon"));
        for (const QString &mnemonic : {shouted, mixed}) {
            QVERIFY2(Bip39::validateMnemonic(mnemonic), qPrintable(mnemonic));
            QCOMPARE(seedHex(mnemonic, QStringLiteral("TREZOR")), kAbandonAboutTrezorSeed);
            auto entropy = Bip39::mnemonicToEntropy(mnemonic);
            QVERIFY(entropy);
            QCOMPARE(Hex::encode(entropy->view()), QStringLiteral("00000000000000000000000000000000"));
        }
    }

    void rejectsBadMnemonics_data()
    {
        QTest::addColumn<QString>("mnemonic");
        QTest::addColumn<CryptoErrorKind>("kind");
        QTest::addColumn<QString>("messageMentions");
        const QString eleven = QStringLiteral("abandon ").repeated(10) + QStringLiteral("about");
        QTest::newRow("empty") << QString() << CryptoErrorKind::BadMnemonicWordCount << QStringLiteral("0");
        QTest::newRow("11 words") << eleven << CryptoErrorKind::BadMnemonicWordCount << QStringLiteral("11");
        QTest::newRow("13 words") << kAbandonAbout + QStringLiteral(" abandon")
                                  << CryptoErrorKind::BadMnemonicWordCount << QStringLiteral("13");
        QTest::newRow("27 words") << QStringLiteral("abandon ").repeated(26) + QStringLiteral("art")
                                  << CryptoErrorKind::BadMnemonicWordCount << QStringLiteral("27");
        QString typo = kAbandonAbout;
        typo.replace(0, 7, QStringLiteral("abandn"));
        QTest::newRow("unknown word")
            << typo << CryptoErrorKind::UnknownMnemonicWord << QStringLiteral("Word 1 ");
        QTest::newRow("punctuation") << kAbandonAbout + QLatin1Char('.')
                                     << CryptoErrorKind::UnknownMnemonicWord << QStringLiteral("Word 12 ");
        QTest::newRow("bad checksum") << QStringLiteral("abandon ").repeated(11) + QStringLiteral("abandon")
                                      << CryptoErrorKind::BadMnemonicChecksum << QStringLiteral("checksum");
        QTest::newRow("swapped words")
            << QStringLiteral("legal winner thank year wave sausage worth useful legal winner yellow thank")
            << CryptoErrorKind::BadMnemonicChecksum << QStringLiteral("checksum");
    }
    void rejectsBadMnemonics()
    {
        QFETCH(QString, mnemonic);
        QFETCH(CryptoErrorKind, kind);
        QFETCH(QString, messageMentions);
        auto valid = Bip39::validateMnemonic(mnemonic);
        QVERIFY(!valid);
        QCOMPARE(valid.error().kind, kind);
        QVERIFY2(valid.error().message.contains(messageMentions), qPrintable(valid.error().message));
        auto entropy = Bip39::mnemonicToEntropy(mnemonic);
        QVERIFY(!entropy);
        QCOMPARE(entropy.error().kind, kind);
        auto seed = Bip39::mnemonicToSeed(mnemonic, QString());
        QVERIFY(!seed);
        QCOMPARE(seed.error().kind, kind);
    }
};

QTEST_GUILESS_MAIN(TestBip39)
#include "TestBip39.moc"
