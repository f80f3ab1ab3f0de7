#include "core/bao/KeyName.h"

#include <QCoreApplication>

namespace baokeys::bao::KeyName {

namespace {
// \w in Go's RE2 (OpenBao's GenericNameRegex) is ASCII only: [0-9A-Za-z_].
bool isWord(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || u == u'_';
}
} // namespace

QString whyInvalid(QStringView name)
{
    if (name.isEmpty())
        return QCoreApplication::translate("KeyName", "The key name is empty.");
    for (const QChar c : name) {
        if (!isWord(c) && c != u'-' && c != u'.')
            return QCoreApplication::translate(
                "KeyName", "The key name may contain only letters, digits, '_', '-' and '.'.");
    }
    if (!isWord(name.front()) || !isWord(name.back()))
        return QCoreApplication::translate("KeyName",
                                           "The key name must start and end with a letter, digit or '_'.");
    return {};
}

bool isValid(QStringView name)
{
    return whyInvalid(name).isEmpty();
}

} // namespace baokeys::bao::KeyName
