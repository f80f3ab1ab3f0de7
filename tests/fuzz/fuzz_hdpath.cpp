// BIP-32 paths ("m/44'/118'/0'/0/0"): a parsed path prints as a path that
// parses to the same indices, and a short one derives a key from a fixed seed.
#include "FuzzSupport.h"

#include "core/crypto/Bip32.h"

using namespace baokeys;
using namespace baokeys::crypto;

namespace {
// BIP-32 test vector 1's seed.
const SecureBytes &seed()
{
    static const SecureBytes bytes(
        QByteArrayView("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f", 16));
    return bytes;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString text = fuzz::utf8(data, size);
    const auto path = HdPath::parse(text);
    if (!path) {
        fuzz::require(path.error().kind == CryptoErrorKind::MalformedHdPath, "a refusal is MalformedHdPath");
        return 0;
    }
    const auto again = HdPath::parse(path->toString());
    fuzz::require(again.hasValue() && again->indices() == path->indices(), "a printed path parses back");
    // Each level costs a point multiplication: derive short paths only.
    if (path->indices().size() <= 5) {
        const auto key = Bip32::derive(seed(), *path);
        fuzz::require(!key || (key->key.size() == 32 && key->depth == path->indices().size()),
                      "a derived key is 32 bytes at the path's depth");
    }
    return 0;
}
