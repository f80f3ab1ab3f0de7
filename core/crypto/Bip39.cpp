#include "core/crypto/Bip39.h"

#include "core/crypto/Bip39WordList.h"
#include "core/crypto/Hash.h"

#include <QStringList>
#include <vector>

namespace baokeys::crypto::Bip39 {

namespace {

constexpr int Pbkdf2Rounds = 2048;
constexpr int SeedSize = 64;

bool bitAt(const unsigned char *bytes, int bit)
{
    return (bytes[bit / 8] >> (7 - bit % 8)) & 1;
}

// NFKD-normalised, lower-case words of a mnemonic, split on any run of white
// space (QString::simplified also folds Unicode spaces such as U+3000).
// Lower case because backups are often written in capitals (on steel plates,
// say) and the list's words are all lower-case: "ABOUT" can only mean
// "about", and the seed is made from the words as the list spells them, so
// it is the one every BIP-39 wallet derives from the canonical mnemonic.
QStringList wordsOf(const QString &mnemonic)
{
    QString normalized = mnemonic.normalized(QString::NormalizationForm_KD).simplified().toLower();
    QStringList words = normalized.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    wipe(normalized);
    return words;
}

void wipeAll(QStringList &words)
{
    for (QString &w : words)
        wipe(w);
    words.clear();
}

// Word indices -> entropy, checking word count, list membership and checksum.
CryptoResult<SecureBytes> decodeWords(const QStringList &words)
{
    const auto count = words.size();
    if (count < 12 || count > 24 || count % 3 != 0)
        return cryptoError(CryptoErrorKind::BadMnemonicWordCount,
                           QStringLiteral("A mnemonic has 12, 15, 18, 21 or 24 words, not %1").arg(count));

    const int totalBits = int(count) * 11;
    const int checksumBits = totalBits / 33;
    const int entropyBits = totalBits - checksumBits;
    // Entropy plus one checksum byte (at most 8 checksum bits for 24 words).
    SecureBytes bits(std::size_t(entropyBits / 8 + 1));
    for (qsizetype w = 0; w < count; ++w) {
        const int index = indexOfEnglishWord(words[w]);
        if (index < 0) {
            // The word's place only, never the word: a mistyped word is most
            // of a secret word, and the message reaches screens, terminals
            // and CI logs (and sits under a masked field in the app).
            return cryptoError(CryptoErrorKind::UnknownMnemonicWord,
                               QStringLiteral("Word %1 is not in the BIP-39 English word list").arg(w + 1));
        }
        for (int b = 0; b < 11; ++b) {
            if ((index >> (10 - b)) & 1) {
                const int bit = int(w) * 11 + b;
                bits.data()[bit / 8] |= static_cast<unsigned char>(1u << (7 - bit % 8));
            }
        }
    }

    SecureBytes entropy(bits.data(), std::size_t(entropyBits / 8));
    const QByteArray hash = Hash::sha256(entropy.view());
    for (int b = 0; b < checksumBits; ++b) {
        if (bitAt(bits.data(), entropyBits + b) !=
            bitAt(reinterpret_cast<const unsigned char *>(hash.constData()), b))
            return cryptoError(CryptoErrorKind::BadMnemonicChecksum,
                               QStringLiteral("The mnemonic checksum does not match; a word may be wrong or "
                                              "out of order"));
    }
    return entropy;
}

} // namespace

CryptoResult<QString> entropyToMnemonic(QByteArrayView entropy)
{
    const auto size = entropy.size();
    if (size < 16 || size > 32 || size % 4 != 0)
        return cryptoError(CryptoErrorKind::InvalidEntropy,
                           QStringLiteral("Entropy must be 16, 20, 24, 28 or 32 bytes, got %1").arg(size));

    const int entropyBits = int(size) * 8;
    const int checksumBits = entropyBits / 32;
    SecureBytes bits(std::size_t(size + 1));
    std::copy(entropy.begin(), entropy.end(), reinterpret_cast<char *>(bits.data()));
    bits.data()[size] = static_cast<unsigned char>(Hash::sha256(entropy).at(0));

    const int wordCount = (entropyBits + checksumBits) / 11;
    QString mnemonic;
    mnemonic.reserve(qsizetype(wordCount) * 9);
    for (int w = 0; w < wordCount; ++w) {
        int index = 0;
        for (int b = 0; b < 11; ++b)
            index = (index << 1) | int(bitAt(bits.data(), w * 11 + b));
        if (w > 0)
            mnemonic += QLatin1Char(' ');
        const std::string_view word = englishWord(index);
        mnemonic += QLatin1StringView(word.data(), qsizetype(word.size()));
    }
    return mnemonic;
}

CryptoResult<SecureBytes> mnemonicToEntropy(const QString &mnemonic)
{
    QStringList words = wordsOf(mnemonic);
    auto entropy = decodeWords(words);
    wipeAll(words);
    return entropy;
}

Expected<void, CryptoError> validateMnemonic(const QString &mnemonic)
{
    auto entropy = mnemonicToEntropy(mnemonic);
    if (!entropy)
        return unexpected(entropy.error());
    return {};
}

CryptoResult<SecureBytes> mnemonicToSeed(const QString &mnemonic, const QString &passphrase)
{
    QStringList words = wordsOf(mnemonic);
    if (auto entropy = decodeWords(words); !entropy) {
        wipeAll(words);
        return unexpected(entropy.error());
    }
    // The PBKDF2 password is the normalised words joined by single spaces, so
    // stray white space in what the user typed does not change the seed.
    QString joined = words.join(QLatin1Char(' '));
    wipeAll(words);
    QByteArray password = joined.toUtf8();
    wipe(joined);

    QString normalizedPassphrase = passphrase.normalized(QString::NormalizationForm_KD);
    QByteArray passphraseUtf8 = normalizedPassphrase.toUtf8();
    wipe(normalizedPassphrase);
    QByteArray salt = QByteArrayLiteral("mnemonic");
    salt += passphraseUtf8;
    wipe(passphraseUtf8);

    SecureBytes seed = Hash::pbkdf2HmacSha512(password, salt, Pbkdf2Rounds, SeedSize);
    wipe(password);
    wipe(salt);
    return seed;
}

} // namespace baokeys::crypto::Bip39
