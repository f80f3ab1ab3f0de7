#pragma once

#include "core/bao/BaoError.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

// The errors the keyring's parts (accounts, batches, sync) word alike.
namespace baokeys::keyring::errors {

// A name the local store does not hold.
bao::BaoError localNotFound(const QString &uid);
// Whether `error` is localNotFound's: the keyring answered from its store and
// sent nothing (the replacedOnServer error, also NotFound without an HTTP
// status, is the server's case).
bool isLocalNotFound(const bao::BaoError &error);
// A name that is not a valid key name (InvalidName, with the rule broken).
std::optional<bao::BaoError> invalidName(const QString &uid);
// A name the local store already holds (AlreadyExists).
bao::BaoError alreadyInStore(const QString &uid);
// A batch's collision check, against the store or the server's LIST:
// AlreadyExists naming the taken names (`where`: "in the store", ...).
std::optional<bao::BaoError> alreadyTaken(const QStringList &names,
                                          const std::function<bool(const QString &)> &isTaken,
                                          const QString &where);
// A stored key whose name a sync found holding another key on the server
// (replacedOnServer): NotFound, the stored key is gone, and why.
bao::BaoError replacedOnServer(const QString &uid);
// Items of a batch that was cancelled before they were sent.
bao::BaoError cancelledBeforeStart();

} // namespace baokeys::keyring::errors
