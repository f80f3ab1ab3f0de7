#pragma once

#include <signal.h>
#include <sys/resource.h>

namespace baokeys::testsupport {

// The process's file-size limit for one scope (RLIMIT_FSIZE): a write past it
// fails with EFBIG, as a write to a full disk fails with ENOSPC, without
// needing a full disk. SIGXFSZ is ignored meanwhile, so the write fails
// instead of the process dying. Process-wide: single-threaded tests only.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        ::getrlimit(RLIMIT_FSIZE, &m_old);
        m_oldHandler = ::signal(SIGXFSZ, SIG_IGN);
        rlimit limited = m_old;
        limited.rlim_cur = bytes;
        ::setrlimit(RLIMIT_FSIZE, &limited);
    }
    ~FileSizeLimit()
    {
        ::setrlimit(RLIMIT_FSIZE, &m_old);
        ::signal(SIGXFSZ, m_oldHandler);
    }
    FileSizeLimit(const FileSizeLimit &) = delete;
    FileSizeLimit &operator=(const FileSizeLimit &) = delete;

private:
    rlimit m_old{};
    sighandler_t m_oldHandler = SIG_DFL;
};

} // namespace baokeys::testsupport
