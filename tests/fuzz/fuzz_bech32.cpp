// Bech32 (BIP-173) and Cosmos addresses: a decoded string encodes back to the
// same string (lower case); 8-bit data encodes and decodes to itself; an
// address is 20 bytes under the expected prefix.
#include "FuzzSupport.h"

#include "core/crypto/Bech32.h"
#include "core/crypto/CosmosAddress.h"

using namespace baokeys;
using namespace baokeys::crypto;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString text = fuzz::utf8(data, size);

    const auto words = Bech32::decodeWords(text);
    if (words) {
        const auto again = Bech32::encodeWords(words->hrp, words->words);
        fuzz::require(again.hasValue() && *again == text.toLower(), "decodeWords round-trips");
    } else {
        fuzz::require(!words.error().message.isEmpty(), "a refusal says why");
    }

    const auto decoded = Bech32::decode(text);
    if (decoded) {
        fuzz::require(words.hasValue(), "decode accepts only what decodeWords accepts");
        const auto again = Bech32::encode(decoded->hrp, decoded->data);
        fuzz::require(again.hasValue() && *again == text.toLower(), "decode round-trips (no stray padding)");
    }

    const auto address = CosmosAddress::fromBech32(text, QStringLiteral("celestia"));
    if (address) {
        fuzz::require(address->size() == CosmosAddress::AddressSize, "an address is 20 bytes");
        fuzz::require(decoded.hasValue() && decoded->hrp == QLatin1String("celestia"),
                      "an address has the expected prefix");
    }

    // The same bytes as data to encode.
    const QByteArrayView raw(data, qsizetype(size));
    const auto encoded = Bech32::encode(QStringLiteral("fuzz"), raw);
    if (encoded) {
        const auto back = Bech32::decode(*encoded);
        fuzz::require(back.hasValue() && back->hrp == QLatin1String("fuzz") && back->data == raw,
                      "encoded data decodes to itself");
    }
    return 0;
}
