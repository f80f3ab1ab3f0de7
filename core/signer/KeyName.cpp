#include "core/signer/KeyName.h"

namespace baokeys::signer::KeyName {

namespace {
bool isWord(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_';
}
} // namespace

bool isValid(QStringView name)
{
    if (name.isEmpty() || name.size() > MaxLength)
        return false;
    if (!isWord(name.front()) || !isWord(name.back()))
        return false;
    for (QChar c : name) {
        if (!isWord(c) && c != u'-' && c != u'.')
            return false;
    }
    return true;
}

} // namespace baokeys::signer::KeyName
