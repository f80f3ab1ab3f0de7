#include "core/keyring/StoreFileLock.h"

#include "core/keyring/PrivateFolder.h"
#include "core/keyring/RegularFile.h"

#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <sys/file.h>
#include <unistd.h>

namespace baokeys::keyring {

bao::BaoResult<StoreFileLock> StoreFileLock::acquire(const QString &lockPath)
{
    if (auto folder = PrivateFolder::createMissing(QFileInfo(lockPath).absolutePath()); !folder)
        return baokeys::unexpected(folder.error());
    auto opened = RegularFile::openToLock(lockPath);
    if (!opened)
        return baokeys::unexpected(opened.error());
    const int fd = *opened;
    int locked = 0;
    do {
        locked = ::flock(fd, LOCK_EX);
    } while (locked != 0 && errno == EINTR);
    if (locked != 0) {
        const QString why = QString::fromLocal8Bit(std::strerror(errno));
        ::close(fd);
        return bao::baoError(bao::BaoErrorKind::StoreIo,
                             QStringLiteral("cannot lock %1: %2").arg(lockPath, why));
    }
    return StoreFileLock(fd);
}

StoreFileLock::~StoreFileLock()
{
    release();
}

StoreFileLock::StoreFileLock(StoreFileLock &&other) noexcept : m_fd(other.m_fd)
{
    other.m_fd = -1;
}

StoreFileLock &StoreFileLock::operator=(StoreFileLock &&other) noexcept
{
    if (this != &other) {
        release();
        m_fd = other.m_fd;
        other.m_fd = -1;
    }
    return *this;
}

void StoreFileLock::release()
{
    if (m_fd >= 0) {
        ::flock(m_fd, LOCK_UN);
        ::close(m_fd);
        m_fd = -1;
    }
}

} // namespace baokeys::keyring
