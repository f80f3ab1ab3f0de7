#pragma once

// Helpers shared by the keyring tests: the shared known-answer vectors and a
// running embedded signer with settings pointing at it.
#include "bao/BaoSettings.h"
#include "signer/SignerServer.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>

namespace keyringtest {

inline QJsonObject cosmosVectors()
{
    for (const QString &path : {QStringLiteral(BAOKEYS_SHARED_DIR "/vectors/cosmos-vectors.json"),
                                QStringLiteral(BAOKEYS_TEST_DATA_DIR "/cosmos-vectors.json")}) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            return QJsonDocument::fromJson(file.readAll()).object();
    }
    return {};
}

inline std::unique_ptr<baokeys::signer::SignerServer> startSigner(int ioThreads = 2)
{
    baokeys::signer::SignerOptions options;
    options.ioThreads = ioThreads;
    auto server = std::make_unique<baokeys::signer::SignerServer>(options);
    auto started = server->start();
    if (!started) {
        qWarning("signer did not start: %s", qPrintable(started.error().message));
        return nullptr;
    }
    return server;
}

inline baokeys::bao::BaoSettings settingsFor(const baokeys::signer::SignerServer &server)
{
    baokeys::bao::BaoSettings settings;
    settings.address = server.address();
    settings.token = server.rootToken();
    settings.timeout = std::chrono::seconds(10);
    return settings;
}

} // namespace keyringtest
