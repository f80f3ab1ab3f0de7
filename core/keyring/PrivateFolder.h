#pragma once

#include "core/bao/BaoError.h"

#include <QString>

// The folders of a path that the store creates itself are owner-only: they
// hold which keys exist and where, and a umask of 000 must not make them
// world-writable (anyone could then swap the store file). Folders that
// already exist are left as their owner set them.
//
// Stateless functions: thread-safe.
namespace baokeys::keyring::PrivateFolder {

// Creates `folder` and its missing parents, each 0700 whatever the umask.
bao::BaoResult<void> createMissing(const QString &folder);

} // namespace baokeys::keyring::PrivateFolder
