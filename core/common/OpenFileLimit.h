#pragma once

#include <sys/resource.h>

#include <optional>

// The process's open-file limit (RLIMIT_NOFILE). A batch's lane holds a
// socket, so the soft limit bounds how many requests a batch can have in
// flight at once.
// Thread-safe: each call reads or sets the limit once.
namespace baokeys::OpenFileLimit {

// The soft limit in force; nothing when it is unlimited or cannot be read.
inline std::optional<rlim_t> soft()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return std::nullopt;
    return limit.rlim_cur;
}

// Raises the soft limit to the hard one, as a program that keeps a socket
// per request in flight should (Go's runtime does it for every program):
// the usual soft limit of 1024 leaves a 1000-lane batch short of
// descriptors, while the hard limit is normally far above it. Only the
// programs (the desktop app, the CLI, the signer, whose connections hold a
// descriptor each) call it, once, from main(): a library never changes its
// process's limits.
inline void raiseToHard()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == limit.rlim_max)
        return;
    limit.rlim_cur = limit.rlim_max;
    (void)::setrlimit(RLIMIT_NOFILE, &limit); // kept as it was if refused
}

} // namespace baokeys::OpenFileLimit
