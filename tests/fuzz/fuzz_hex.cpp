// Hex::decode / decodeSecret: every input is either refused as InvalidHex or
// decodes to bytes that encode back to the same digits (lower case, no 0x).
#include "FuzzSupport.h"

#include "core/crypto/Hex.h"

using namespace baokeys;
using namespace baokeys::crypto;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString text = fuzz::utf8(data, size);
    const auto bytes = Hex::decode(text);
    const auto secret = Hex::decodeSecret(text);
    fuzz::require(bytes.hasValue() == secret.hasValue(), "decode and decodeSecret accept the same text");
    if (!bytes) {
        fuzz::require(bytes.error().kind == CryptoErrorKind::InvalidHex, "a refusal is InvalidHex");
        fuzz::require(!bytes.error().message.isEmpty(), "a refusal says why");
        return 0;
    }
    fuzz::require(secret->view() == QByteArrayView(*bytes), "decodeSecret gives decode's bytes");
    QStringView digits = text;
    if (digits.startsWith(u"0x") || digits.startsWith(u"0X"))
        digits = digits.mid(2);
    const QString encoded = Hex::encode(*bytes);
    fuzz::require(encoded == digits.toString().toLower(), "decoded bytes encode back to the digits");
    fuzz::require(Hex::encodeSecret(*secret).view() == QByteArrayView(encoded.toLatin1()),
                  "encodeSecret writes what encode writes");
    return 0;
}
