#include "core/keyring/KeyringErrors.h"

#include "core/common/KeyName.h"

namespace baokeys::keyring::errors {

using bao::BaoError;
using bao::BaoErrorKind;

namespace {

QString shortList(const QStringList &names)
{
    constexpr int Shown = 5;
    QString text = names.mid(0, Shown).join(QStringLiteral(", "));
    if (names.size() > Shown)
        text += QStringLiteral(" and %1 more").arg(names.size() - Shown);
    return text;
}

} // namespace

namespace {
const QLatin1String kNotInStore(" in the local store");
}

BaoError localNotFound(const QString &uid)
{
    return BaoError{BaoErrorKind::NotFound, QStringLiteral("no key '%1'").arg(uid) + kNotInStore, 0, {}};
}

bool isLocalNotFound(const BaoError &error)
{
    return error.kind == BaoErrorKind::NotFound && error.httpStatus == 0 &&
           error.message.endsWith(kNotInStore);
}

std::optional<BaoError> invalidName(const QString &uid)
{
    if (KeyName::isValid(uid))
        return std::nullopt;
    return BaoError{
        BaoErrorKind::InvalidName, QStringLiteral("'%1': %2").arg(uid, KeyName::whyInvalid(uid)), 0, {}};
}

BaoError alreadyInStore(const QString &uid)
{
    return BaoError{BaoErrorKind::AlreadyExists,
                    QStringLiteral("a key named '%1' is already in the store").arg(uid),
                    0,
                    {}};
}

std::optional<BaoError> alreadyTaken(const QStringList &names,
                                     const std::function<bool(const QString &)> &isTaken,
                                     const QString &where)
{
    QStringList taken;
    for (const QString &name : names) {
        if (isTaken(name))
            taken << name;
    }
    if (taken.isEmpty())
        return std::nullopt;
    return BaoError{BaoErrorKind::AlreadyExists,
                    QStringLiteral("%1 key(s) already %2: %3").arg(taken.size()).arg(where, shortList(taken)),
                    0,
                    {}};
}

BaoError replacedOnServer(const QString &uid)
{
    return BaoError{
        BaoErrorKind::NotFound,
        QStringLiteral("'%1' is not on the server any more: the server holds another key under that "
                       "name (found by sync), so nothing can sign for the stored address; deleting "
                       "'%1' removes only the stored entry")
            .arg(uid),
        0,
        {}};
}

BaoError cancelledBeforeStart()
{
    return BaoError{BaoErrorKind::Cancelled, QStringLiteral("cancelled before it started"), 0, {}};
}

} // namespace baokeys::keyring::errors
