#pragma once

#include "core/bao/BaoError.h"

#include <QString>

namespace baokeys::keyring {

// An exclusive lock on a lock file beside the store, shared by every process
// that writes the store (flock: the kernel drops it when the process ends,
// so a crash never leaves the store locked). Blocks until the lock is free;
// a writer holds it for one read-change-write of a small file. A lock path
// that is not a regular file is refused (RegularFile).
//
// Thread-safety: a value owned by one thread; moving it hands the lock over.
class StoreFileLock {
public:
    StoreFileLock() = default; // holds nothing
    static bao::BaoResult<StoreFileLock> acquire(const QString &lockPath);
    ~StoreFileLock();
    StoreFileLock(StoreFileLock &&other) noexcept;
    StoreFileLock &operator=(StoreFileLock &&other) noexcept;
    StoreFileLock(const StoreFileLock &) = delete;
    StoreFileLock &operator=(const StoreFileLock &) = delete;

private:
    explicit StoreFileLock(int fd) : m_fd(fd) {}
    void release();

    int m_fd = -1;
};

} // namespace baokeys::keyring
