#include "core/signer/GoBool.h"

namespace baokeys::signer {

std::optional<bool> parseGoBool(QStringView text)
{
    static constexpr const char16_t *yes[] = {u"1", u"t", u"T", u"TRUE", u"true", u"True"};
    static constexpr const char16_t *no[] = {u"0", u"f", u"F", u"FALSE", u"false", u"False"};
    for (const char16_t *word : yes) {
        if (text == QStringView(word))
            return true;
    }
    for (const char16_t *word : no) {
        if (text == QStringView(word))
            return false;
    }
    return std::nullopt;
}

} // namespace baokeys::signer
