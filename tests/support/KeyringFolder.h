#pragma once

#include "core/bao/BaoSettings.h"
#include "core/keyring/BaoKeyring.h"

#include <QTemporaryDir>

#include <memory>

namespace baokeys::testsupport {

// A temporary folder holding one keyring store (keys.json and its journal),
// removed with the object. open() may be called again to reopen the same
// store, as after a restart.
//
// Header-only: only the tests that link the keyring include it.
// Thread-safety: not thread-safe; use from the test thread.
class KeyringFolder {
public:
    bool isValid() const { return m_dir.isValid(); }
    QString storePath() const { return m_dir.filePath(QStringLiteral("keys.json")); }

    std::unique_ptr<keyring::BaoKeyring> open(const bao::BaoSettings &settings) const
    {
        return std::make_unique<keyring::BaoKeyring>(settings, storePath());
    }

private:
    QTemporaryDir m_dir;
};

} // namespace baokeys::testsupport
