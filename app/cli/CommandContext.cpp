#include "cli/CommandContext.h"

#include "cli/CliText.h"
#include "core/keyring/BaoKeyring.h"

#include <QCoreApplication>

namespace baokeys::cli {

CommandContext::CommandContext(CliConfig config) : m_config(std::move(config)) {}

CommandContext::~CommandContext() = default;

CliResult<keyring::BaoKeyring *> CommandContext::keyring(bool allowBadStore)
{
    if (!m_keyring)
        m_keyring = std::make_unique<keyring::BaoKeyring>(m_config.settings, m_config.storePath);
    if (!allowBadStore) {
        if (const auto error = m_keyring->storeError())
            return cliError(CliError::fromBao(*error));
    }
    return m_keyring.get();
}

CliResult<keyring::BaoKeyring *> CommandContext::serverKeyring(bool allowBadStore)
{
    if (!m_config.tokenGiven)
        return cliError(CliError{ExitCode::Authentication,
                                 QCoreApplication::translate(
                                     "baokeys-cli", "no token: pass --token-file FILE, or set BAO_TOKEN")});
    return keyring(allowBadStore);
}

CliResult<keyring::KeyRecord> CommandContext::storedKey(const QString &name, bool forServer)
{
    auto keyring = forServer ? serverKeyring() : this->keyring();
    if (!keyring)
        return cliError(keyring.error());
    auto record = (*keyring)->key(name);
    if (!record && (*keyring)->store().journalUids().contains(name))
        return cliError(CliError::failure(
            tr("key '%1' is not in the store: creating or importing it was interrupted or its answer lost, "
               "so the server may hold it; run 'keys sync', or the same command again")
                .arg(name)));
    if (!record)
        return cliError(CliError::fromBao(record.error()));
    return std::move(record).value();
}

} // namespace baokeys::cli
