#pragma once

// The keyring tests' names for the shared fixtures in tests/support: the
// known-answer vectors and a running embedded signer with settings for it.
#include "EmbeddedSigner.h"
#include "VectorFile.h"

#include "core/keyring/BaoKeyring.h"

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

// Creates PREFIX-1 .. PREFIX-COUNT through the keyring's batch; a key that
// fails fails the test (the caller returns on QTest::currentTestFailed()).
inline void createWorkers(baokeys::keyring::BaoKeyring &keyring, const QString &prefix, int count)
{
    baokeys::keyring::CreateBatchRequest request;
    request.prefix = prefix;
    request.count = count;
    auto job = keyring.createBatch(request);
    QVERIFY2(job.hasValue(), job ? "" : qPrintable(job.error().describe()));
    job->future.waitForFinished();
    for (const auto &result : job->future.results())
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error->describe()));
}

} // namespace keyringtest
