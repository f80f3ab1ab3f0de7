#pragma once

#include "cli/CommandLine.h"

namespace baokeys::cli {

// `policy sign|provision|admin`: prints the least-privilege OpenBao policy
// (HCL) a token needs for a set of keys, under the --mount and --namespace
// given, ready for `bao policy write`. Needs no server.
//
// Thread-safety: the handlers run on the main thread.
class PolicyCommand {
public:
    static void registerAll(CommandLine &commandLine);
};

} // namespace baokeys::cli
