#include "core/keyring/PrivateFolder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>

namespace baokeys::keyring::PrivateFolder {

bao::BaoResult<void> createMissing(const QString &folder)
{
    QStringList missing; // outermost first
    for (QString path = QDir::cleanPath(QFileInfo(folder).absoluteFilePath()); !QFileInfo::exists(path);
         path = QFileInfo(path).path()) {
        missing.prepend(path);
        if (QDir(path).isRoot())
            break;
    }
    for (const QString &path : std::as_const(missing)) {
        const QByteArray native = QFile::encodeName(path);
        if (::mkdir(native.constData(), 0700) != 0) {
            const int error = errno;
            if (error == EEXIST && QFileInfo(path).isDir())
                continue; // made by another process meanwhile: its mode is its own
            return bao::baoError(bao::BaoErrorKind::StoreIo,
                                 QStringLiteral("cannot create folder %1: %2")
                                     .arg(path, QString::fromLocal8Bit(std::strerror(error))));
        }
        // The umask can only take bits away: chmod makes the mode exact.
        if (::chmod(native.constData(), 0700) != 0)
            return bao::baoError(bao::BaoErrorKind::StoreIo,
                                 QStringLiteral("cannot make folder %1 owner-only: %2")
                                     .arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    }
    return {};
}

} // namespace baokeys::keyring::PrivateFolder
