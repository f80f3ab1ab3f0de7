#include "core/keyring/RegularFile.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace baokeys::keyring::RegularFile {

namespace {

QString kindOf(mode_t mode)
{
    if (S_ISDIR(mode))
        return QStringLiteral("a folder");
    if (S_ISFIFO(mode))
        return QStringLiteral("a FIFO");
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return QStringLiteral("a device");
    if (S_ISSOCK(mode))
        return QStringLiteral("a socket");
    return QStringLiteral("a special file");
}

bao::BaoError notRegular(const QString &path, mode_t mode)
{
    return bao::BaoError{bao::BaoErrorKind::StoreIo,
                         QStringLiteral("%1 is %2, not a regular file: it is neither read nor replaced")
                             .arg(path, kindOf(mode)),
                         0,
                         {}};
}

// stat() first, so a device is not even opened (opening some has effects of
// its own); then O_NONBLOCK, so a FIFO put there since cannot block the
// open, and fstat() of what was opened settles it.
bao::BaoResult<std::optional<int>> openRegular(const QString &path, int flags, const QString &failure)
{
    const QByteArray native = QFile::encodeName(path);
    const auto failed = [&](int error) {
        return bao::baoError(bao::BaoErrorKind::StoreIo,
                             failure.arg(path, QString::fromLocal8Bit(std::strerror(error))));
    };
    struct stat info {};
    if (::stat(native.constData(), &info) == 0) {
        if (!S_ISREG(info.st_mode))
            return baokeys::unexpected(notRegular(path, info.st_mode));
    } else if (errno != ENOENT) {
        return failed(errno);
    }
    const int fd = ::open(native.constData(), flags | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == ENOENT && !(flags & O_CREAT))
            return std::optional<int>();
        return failed(errno);
    }
    if (::fstat(fd, &info) != 0) {
        const int error = errno;
        ::close(fd);
        return failed(error);
    }
    if (!S_ISREG(info.st_mode)) {
        ::close(fd);
        return baokeys::unexpected(notRegular(path, info.st_mode));
    }
    return std::optional<int>(fd);
}

} // namespace

bao::BaoResult<std::optional<int>> openToRead(const QString &path)
{
    return openRegular(path, O_RDONLY, QStringLiteral("cannot read %1: %2"));
}

bao::BaoResult<int> openToLock(const QString &path)
{
    auto fd = openRegular(path, O_RDWR | O_CREAT, QStringLiteral("cannot open %1: %2"));
    if (!fd)
        return baokeys::unexpected(fd.error());
    return **fd; // O_CREAT: never absent
}

std::optional<bao::BaoError> refuseOther(const QString &path)
{
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0 || S_ISREG(info.st_mode))
        return std::nullopt;
    return notRegular(path, info.st_mode);
}

} // namespace baokeys::keyring::RegularFile
