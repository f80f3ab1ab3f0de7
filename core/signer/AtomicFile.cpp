#include "core/signer/AtomicFile.h"

#include <QFileInfo>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace baokeys::signer::AtomicFile {

namespace {
QString errnoText(const QString &what, const QString &path)
{
    return QStringLiteral("%1 %2: %3").arg(what, path, QString::fromLocal8Bit(std::strerror(errno)));
}
} // namespace

Expected<void, QString> syncDirectory(const QString &dir)
{
    const QByteArray native = QFile::encodeName(dir);
    const int fd = ::open(native.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return unexpected(errnoText(QStringLiteral("cannot open folder"), dir));
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0)
        return unexpected(errnoText(QStringLiteral("cannot sync folder"), dir));
    return {};
}

Expected<void, QString> write(const QString &path, QByteArrayView data)
{
    const QString temp = path + QStringLiteral(".tmp");
    const QByteArray nativeTemp = QFile::encodeName(temp);
    const int fd =
        ::open(nativeTemp.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        return unexpected(errnoText(QStringLiteral("cannot create"), temp));
    const char *p = data.data();
    qsizetype left = data.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, size_t(left));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const QString error = errnoText(QStringLiteral("cannot write"), temp);
            ::close(fd);
            ::unlink(nativeTemp.constData());
            return unexpected(error);
        }
        p += n;
        left -= n;
    }
    if (::fsync(fd) != 0) {
        const QString error = errnoText(QStringLiteral("cannot sync"), temp);
        ::close(fd);
        ::unlink(nativeTemp.constData());
        return unexpected(error);
    }
    ::close(fd);
    if (::rename(nativeTemp.constData(), QFile::encodeName(path).constData()) != 0) {
        const QString error = errnoText(QStringLiteral("cannot rename into place"), path);
        ::unlink(nativeTemp.constData());
        return unexpected(error);
    }
    return syncDirectory(QFileInfo(path).absolutePath());
}

Expected<void, QString> remove(const QString &path)
{
    if (::unlink(QFile::encodeName(path).constData()) != 0 && errno != ENOENT)
        return unexpected(errnoText(QStringLiteral("cannot remove"), path));
    return syncDirectory(QFileInfo(path).absolutePath());
}

} // namespace baokeys::signer::AtomicFile
