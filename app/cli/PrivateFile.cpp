#include "cli/PrivateFile.h"

#include <QCoreApplication>
#include <QFile>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace baokeys::cli::PrivateFile {

CliResult<void> writeNew(const QString &path, QByteArrayView bytes)
{
    const auto fail = [&path](const char *what) {
        return cliError(CliError::failure(QCoreApplication::translate("baokeys-cli", what)
                                              .arg(path, QString::fromLocal8Bit(std::strerror(errno)))));
    };
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST)
            return cliError(CliError::failure(
                QCoreApplication::translate("baokeys-cli", "'%1' already exists; choose another --out file")
                    .arg(path)));
        return fail("cannot create '%1': %2");
    }
    // The umask can only take bits away; fchmod makes the mode exact.
    if (::fchmod(fd, S_IRUSR | S_IWUSR) != 0) {
        auto error = fail("cannot set the mode of '%1': %2");
        ::close(fd);
        ::unlink(QFile::encodeName(path).constData());
        return error;
    }
    qsizetype written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, size_t(bytes.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            auto error = fail("cannot write '%1': %2");
            ::close(fd);
            ::unlink(QFile::encodeName(path).constData());
            return error;
        }
        written += n;
    }
    const bool synced = ::fsync(fd) == 0;
    const bool closed = ::close(fd) == 0;
    if (!synced || !closed) {
        auto error = fail("cannot write '%1': %2");
        ::unlink(QFile::encodeName(path).constData());
        return error;
    }
    return {};
}

} // namespace baokeys::cli::PrivateFile
