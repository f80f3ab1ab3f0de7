#pragma once

// The keyring tests' names for the shared fixtures in tests/support: the
// known-answer vectors and a running embedded signer with settings for it.
#include "EmbeddedSigner.h"
#include "VectorFile.h"

#include <QJsonObject>
#include <QTest> // the tests including this header rely on it

#include <memory>

namespace keyringtest {

inline QJsonObject cosmosVectors()
{
    return baokeys::testsupport::VectorFile::cosmos().object();
}

inline std::unique_ptr<baokeys::signer::SignerServer> startSigner(int ioThreads = 2)
{
    return baokeys::testsupport::EmbeddedSigner::startServer(ioThreads);
}

inline baokeys::bao::BaoSettings settingsFor(const baokeys::signer::SignerServer &server)
{
    return baokeys::testsupport::EmbeddedSigner::settingsFor(server);
}

} // namespace keyringtest
