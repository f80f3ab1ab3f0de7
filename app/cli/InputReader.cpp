#include "cli/InputReader.h"

#include "cli/CliText.h"

#include "core/crypto/Hex.h"

#include <QCoreApplication>
#include <QFile>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace baokeys::cli::InputReader {

namespace {

QString describePath(const QString &path)
{
    return path == QLatin1String("-") ? tr("stdin") : QStringLiteral("'%1'").arg(path);
}

// Reads the whole of `fd` into `buffer` (a wiping one for secrets), at most `limit` bytes.
template <typename Buffer>
CliResult<void> readAll(int fd, const QString &option, const QString &path, qsizetype limit, Buffer &buffer)
{
    qsizetype used = 0;
    buffer = Buffer(4096);
    for (;;) {
        if (used == qsizetype(buffer.size())) {
            if (used >= limit)
                return cliError(CliError::usage(
                    tr("%1: %2 is larger than %3 bytes").arg(option, describePath(path)).arg(limit)));
            Buffer bigger(std::min<size_t>(size_t(limit), buffer.size() * 2));
            std::memcpy(bigger.data(), buffer.data(), size_t(used));
            buffer = std::move(bigger); // the old buffer wipes itself when it is a SecureBytes
        }
        const ssize_t got = ::read(fd, buffer.data() + used, size_t(qsizetype(buffer.size()) - used));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return cliError(CliError::usage(
                tr("%1: cannot read %2: %3")
                    .arg(option, describePath(path), QString::fromLocal8Bit(std::strerror(errno)))));
        if (got == 0)
            break;
        used += got;
    }
    Buffer exact{static_cast<size_t>(used)};
    if (used > 0)
        std::memcpy(exact.data(), buffer.data(), size_t(used));
    buffer = std::move(exact);
    return {};
}

// A growable byte buffer with the interface readAll needs, for non-secret data.
struct PlainBuffer {
    QByteArray bytes;
    PlainBuffer() = default;
    explicit PlainBuffer(size_t size) : bytes(qsizetype(size), '\0') {}
    size_t size() const { return size_t(bytes.size()); }
    char *data() { return bytes.data(); }
    const char *data() const { return bytes.constData(); }
};

template <typename Buffer>
CliResult<void> readPath(const QString &option, const QString &path, qsizetype limit, Buffer &buffer)
{
    if (path.isEmpty())
        return cliError(CliError::usage(tr("%1 needs a file name, or '-' for stdin").arg(option)));
    if (path == QLatin1String("-"))
        return readAll(STDIN_FILENO, option, path, limit, buffer);
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return cliError(CliError::usage(
            tr("%1: cannot open %2: %3")
                .arg(option, describePath(path), QString::fromLocal8Bit(std::strerror(errno)))));
    auto result = readAll(fd, option, path, limit, buffer);
    ::close(fd);
    return result;
}

bool isSpace(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// One line from the terminal on stdin, typed without echo.
CliResult<void> readTerminalLine(const QString &option, const QString &prompt, crypto::SecureBytes &buffer)
{
    std::fputs(qPrintable(prompt.isEmpty() ? tr("%1: ").arg(option) : prompt + QStringLiteral(": ")), stderr);
    std::fflush(stderr);
    termios saved{};
    const bool terminal = ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (terminal) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    crypto::SecureBytes line{static_cast<size_t>(MaxSecretSize)};
    size_t used = 0;
    bool failed = false;
    for (;;) {
        char c = 0;
        const ssize_t got = ::read(STDIN_FILENO, &c, 1);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            failed = true;
        if (got <= 0 || c == '\n' || used == line.size())
            break;
        line.data()[used++] = static_cast<unsigned char>(c);
    }
    if (terminal)
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::fputc('\n', stderr);
    if (failed)
        return cliError(CliError::usage(tr("%1: cannot read the terminal").arg(option)));
    buffer = crypto::SecureBytes(line.data(), used);
    return {};
}

} // namespace

CliResult<crypto::SecureBytes> readSecret(const QString &option, const QString &path, Trim trim,
                                          const QString &prompt)
{
    crypto::SecureBytes buffer;
    if (path == QLatin1String("-") && ::isatty(STDIN_FILENO) == 1) {
        if (auto read = readTerminalLine(option, prompt, buffer); !read)
            return cliError(read.error());
    } else if (auto read = readPath(option, path, MaxSecretSize, buffer); !read) {
        return cliError(read.error());
    }
    size_t begin = 0;
    size_t end = buffer.size();
    if (trim == Trim::FinalNewline) {
        if (end > 0 && buffer.data()[end - 1] == '\n')
            --end;
        if (end > 0 && buffer.data()[end - 1] == '\r')
            --end;
        return crypto::SecureBytes(buffer.data(), end);
    }
    while (begin < end && isSpace(buffer.data()[begin]))
        ++begin;
    while (end > begin && isSpace(buffer.data()[end - 1]))
        --end;
    if (begin == end)
        return cliError(CliError::usage(tr("%1: %2 is empty").arg(option, describePath(path))));
    return crypto::SecureBytes(buffer.data() + begin, end - begin);
}

CliResult<QByteArray> readData(const QString &option, const QString &path)
{
    PlainBuffer buffer;
    if (auto read = readPath(option, path, MaxDataSize, buffer); !read)
        return cliError(read.error());
    return buffer.bytes;
}

CliResult<QByteArray> decodeHex(const QString &option, const QString &text)
{
    auto decoded = crypto::Hex::decode(text.trimmed());
    if (!decoded)
        return cliError(CliError::usage(
            tr("%1: not valid hex (an even number of 0-9a-f digits, optional 0x)").arg(option)));
    return *decoded;
}

CliResult<QByteArray> decodeBase64(const QString &option, const QString &text)
{
    auto decoded =
        QByteArray::fromBase64Encoding(text.trimmed().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || text.trimmed().isEmpty() != decoded.decoded.isEmpty())
        return cliError(CliError::usage(tr("%1: not valid base64").arg(option)));
    return decoded.decoded;
}

} // namespace baokeys::cli::InputReader
