#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringView>

// The one key-name rule, shared by the client (checked before any request,
// so a bad name never reaches the server) and the embedded signer (which
// refuses it): OpenBao's generic path-segment pattern \w(([\w-.]+)?\w)? with
// Go's ASCII-only \w (letters, digits, '_'; '-' and '.' only inside), at most
// MaxLength characters.
// Thread-safe: pure functions.
namespace baokeys::KeyName {

// OpenBao sets no length limit, but in the embedded signer's persistent mode a
// name is also a file name, so names stay well under NAME_MAX everywhere.
inline constexpr int MaxLength = 128;

namespace detail {
// \w in Go's RE2 (OpenBao's GenericNameRegex) is ASCII only: [0-9A-Za-z_].
inline bool isWord(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || u == u'_';
}
} // namespace detail

// An explanation for a person, empty when the name is valid.
inline QString whyInvalid(QStringView name)
{
    if (name.isEmpty())
        return QCoreApplication::translate("KeyName", "The key name is empty.");
    if (name.size() > MaxLength)
        return QCoreApplication::translate("KeyName", "The key name is longer than %1 characters.")
            .arg(MaxLength);
    for (const QChar c : name) {
        if (!detail::isWord(c) && c != u'-' && c != u'.')
            return QCoreApplication::translate(
                "KeyName", "The key name may contain only letters, digits, '_', '-' and '.'.");
    }
    if (!detail::isWord(name.front()) || !detail::isWord(name.back()))
        return QCoreApplication::translate("KeyName",
                                           "The key name must start and end with a letter, digit or '_'.");
    return {};
}

inline bool isValid(QStringView name)
{
    return whyInvalid(name).isEmpty();
}

// The n-th name of a numbered set of keys (the workers "blob-worker-1" ..):
// PREFIX-n.
inline QString numbered(QStringView prefix, int n)
{
    return prefix.toString() + QLatin1Char('-') + QString::number(n);
}

// A prefix is one that can start a numbered set: PREFIX-1 is a valid name
// (the CLI's --prefix, the app's prefix fields, a policy's PREFIX-* scope).
// The explanation is the name's; empty when the prefix is good.
inline QString whyInvalidPrefix(QStringView prefix)
{
    return whyInvalid(numbered(prefix, 1));
}

} // namespace baokeys::KeyName
