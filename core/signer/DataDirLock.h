#pragma once

#include "core/common/Expected.h"
#include "core/signer/SignerServer.h"

#include <QString>
#include <memory>

namespace baokeys::signer {

// An exclusive hold on a data folder, so that two signers never serve (and
// overwrite) the same keys: flock() on <dir>/signer.lock, which holds the pid
// of the owner for the refusal message. The kernel drops the lock when the
// process dies, so a crash leaves no stale lock behind. Released on
// destruction. Thread-safety: none; one owner.
class DataDirLock {
public:
    // Creates the folder (0700) if needed. Fails with DataDirLocked naming the holder's pid.
    static Expected<std::unique_ptr<DataDirLock>, SignerStartError> acquire(const QString &dir);
    ~DataDirLock();
    DataDirLock(const DataDirLock &) = delete;
    DataDirLock &operator=(const DataDirLock &) = delete;

private:
    explicit DataDirLock(int fd) : m_fd(fd) {}
    int m_fd = -1;
};

} // namespace baokeys::signer
