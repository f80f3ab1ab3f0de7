#include "core/keyring/StoreFileLock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace baokeys::keyring {

bao::BaoResult<StoreFileLock> StoreFileLock::acquire(const QString &lockPath)
{
    const QFileInfo info(lockPath);
    if (!QDir().mkpath(info.absolutePath()))
        return bao::baoError(bao::BaoErrorKind::StoreIo,
                             QStringLiteral("cannot create folder %1").arg(info.absolutePath()));
    const QByteArray path = QFile::encodeName(lockPath);
    const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return bao::baoError(
            bao::BaoErrorKind::StoreIo,
            QStringLiteral("cannot open %1: %2").arg(lockPath, QString::fromLocal8Bit(std::strerror(errno))));
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
