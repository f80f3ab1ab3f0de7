#include "core/signer/DataDirLock.h"

#include <QDir>
#include <QFile>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace baokeys::signer {

namespace {

// What the holder wrote into the lock file: its pid, or empty if it is still
// starting (it writes right after taking the lock).
QByteArray readHolder(int fd)
{
    char buffer[32] = {};
    const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
    return n > 0 ? QByteArray(buffer, n).trimmed() : QByteArray();
}

} // namespace

Expected<std::unique_ptr<DataDirLock>, SignerStartError> DataDirLock::acquire(const QString &dir)
{
    using Kind = SignerStartError::Kind;
    // Taken before anything in the folder is read or created, so the folder
    // may not exist yet: make it, private from the start.
    if (!QDir().mkpath(dir) || ::chmod(QFile::encodeName(dir).constData(), 0700) != 0)
        return unexpected(
            SignerStartError{Kind::DataDirUnreadable, QStringLiteral("cannot create folder %1").arg(dir)});
    const QString path = dir + QStringLiteral("/signer.lock");
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return unexpected(SignerStartError{
            Kind::DataDirUnreadable,
            QStringLiteral("cannot open %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)))});
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        const QByteArray holder = error == EWOULDBLOCK ? readHolder(fd) : QByteArray();
        ::close(fd);
        if (error != EWOULDBLOCK)
            return unexpected(SignerStartError{Kind::DataDirUnreadable,
                                               QStringLiteral("cannot lock %1: %2")
                                                   .arg(path, QString::fromLocal8Bit(std::strerror(error)))});
        return unexpected(SignerStartError{
            Kind::DataDirLocked,
            QStringLiteral("data folder %1 is in use by another signer (pid %2, lock file %3)")
                .arg(dir, holder.isEmpty() ? QStringLiteral("unknown") : QString::fromLatin1(holder), path)});
    }
    const QByteArray pid = QByteArray::number(qint64(::getpid())) + '\n';
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, pid.constData(), size_t(pid.size()), 0) != pid.size()) {
        const int error = errno;
        ::close(fd);
        return unexpected(SignerStartError{
            Kind::DataDirUnreadable,
            QStringLiteral("cannot write %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(error)))});
    }
    return std::unique_ptr<DataDirLock>(new DataDirLock(fd));
}

DataDirLock::~DataDirLock()
{
    // The pid stays in the file: the next owner overwrites it, and a reader
    // that sees it only while the lock is free ignores it.
    if (m_fd >= 0)
        ::close(m_fd);
}

} // namespace baokeys::signer
