// BIP-39 mnemonics: validation and decoding agree, a decoded mnemonic's
// entropy gives a mnemonic that decodes to the same entropy, and the raw
// input, taken as entropy, is refused unless it is 16..32 bytes in steps of 4.
#include "FuzzSupport.h"

#include "core/crypto/Bip39.h"

using namespace baokeys;
using namespace baokeys::crypto;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString text = fuzz::utf8(data, size);
    const auto valid = Bip39::validateMnemonic(text);
    const auto entropy = Bip39::mnemonicToEntropy(text);
    fuzz::require(valid.hasValue() == entropy.hasValue(), "validate and decode accept the same mnemonics");
    if (entropy) {
        const auto again = Bip39::entropyToMnemonic(entropy->view());
        fuzz::require(again.hasValue(), "decoded entropy is valid entropy");
        const auto back = Bip39::mnemonicToEntropy(*again);
        fuzz::require(back.hasValue() && back->equals(*entropy), "entropy round-trips");
    } else {
        fuzz::require(!entropy.error().message.isEmpty(), "a refusal says why");
        // The seed is refused for the same reason (PBKDF2 is not run for
        // valid mnemonics: 2048 rounds would slow the fuzzer a thousandfold).
        const auto seed = Bip39::mnemonicToSeed(text, QString());
        fuzz::require(!seed.hasValue() && seed.error().kind == entropy.error().kind,
                      "mnemonicToSeed refuses what mnemonicToEntropy refuses");
    }

    const QByteArrayView raw(data, qsizetype(size));
    const auto words = Bip39::entropyToMnemonic(raw);
    const bool goodSize = size >= 16 && size <= 32 && size % 4 == 0;
    fuzz::require(words.hasValue() == goodSize, "entropy of 16..32 bytes in steps of 4, and only that");
    if (words) {
        const auto back = Bip39::mnemonicToEntropy(*words);
        fuzz::require(back.hasValue() && back->view() == raw, "a generated mnemonic decodes to its entropy");
    } else {
        fuzz::require(words.error().kind == CryptoErrorKind::InvalidEntropy, "bad entropy is InvalidEntropy");
    }
    return 0;
}
