#pragma once

#include "core/common/Expected.h"
#include "core/signer/SignerServer.h"

#include <QProcessEnvironment>
#include <QStringList>
#include <chrono>

namespace baokeys::signer {

// What `baokeys-signer` was asked to do.
struct SignerLaunch {
    SignerOptions options;
    FaultSettings faults;
    bool dev = false;
    bool helpRequested = false;
    QString helpText;
};

// Turns `baokeys-signer` arguments (and the environment, for
// BAOKEYS_SIGNER_PASSPHRASE) into options, with a message naming the bad
// argument on failure. Stateless functions: thread-safe.
namespace SignerCommandLine {

// Go-style durations: "200ms", "1.5s", "2m", "1m30s"; a bare number is
// milliseconds.
Expected<std::chrono::milliseconds, QString> parseDuration(QStringView text);
// arguments[0] is the program name.
Expected<SignerLaunch, QString> parse(const QStringList &arguments, const QProcessEnvironment &environment);

} // namespace SignerCommandLine

} // namespace baokeys::signer
