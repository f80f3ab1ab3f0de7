#pragma once

#include "core/bao/BaoError.h"

#include <QString>

#include <optional>

// Opens the store's files (the store, its journal, its lock) only when they
// are regular files. A --store path may name anything: opening a FIFO blocks
// until a writer comes, a device reads as garbage (or without end), and a
// "corrupt" one would then be moved aside and replaced by a regular file,
// taking the node away from whatever else uses it. Symlinks are followed, as
// the store always has.
//
// Stateless functions: thread-safe.
namespace baokeys::keyring::RegularFile {

// A descriptor to read `path` (the caller closes it), or nullopt when
// nothing is there. StoreIo when it cannot be opened or is not a regular file.
bao::BaoResult<std::optional<int>> openToRead(const QString &path);
// A descriptor to lock `path` by, created 0600 when absent (the caller
// closes it). StoreIo when it cannot be opened or is not a regular file.
bao::BaoResult<int> openToLock(const QString &path);
// The refusal of a path that exists and is not a regular file; nullopt for a
// regular file or nothing at all.
std::optional<bao::BaoError> refuseOther(const QString &path);

} // namespace baokeys::keyring::RegularFile
