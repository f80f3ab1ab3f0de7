#pragma once

#include "cli/CliConfig.h"
#include "cli/CliError.h"
#include "core/keyring/KeyRecord.h"

#include <memory>

namespace baokeys::keyring {
class BaoKeyring;
}

namespace baokeys::cli {

// What a running command works with: the resolved configuration and the
// keyring over the --store file, opened on first use.
//
// Thread-safety: not thread-safe; owned by the main thread (the keyring
// itself is thread-safe and runs its batches on its own pool).
class CommandContext {
public:
    explicit CommandContext(CliConfig config);
    ~CommandContext();
    CommandContext(const CommandContext &) = delete;
    CommandContext &operator=(const CommandContext &) = delete;

    const CliConfig &config() const { return m_config; }
    bool json() const { return m_config.output == OutputFormat::Json; }

    // The keyring; a store file that cannot be read is an error here (exit 1,
    // with the hint to run `keys sync`) unless `allowBadStore`.
    CliResult<keyring::BaoKeyring *> keyring(bool allowBadStore = false);
    // For commands that talk to the server: fails early (exit 4) without a token.
    CliResult<keyring::BaoKeyring *> serverKeyring(bool allowBadStore = false);
    // The stored record of `name`, through serverKeyring() when the command
    // goes on to the server, else keyring(); an unknown name is the error.
    CliResult<keyring::KeyRecord> storedKey(const QString &name, bool forServer);

private:
    CliConfig m_config;
    std::unique_ptr<keyring::BaoKeyring> m_keyring;
};

} // namespace baokeys::cli
