#pragma once

#include "core/bao/BaoSettings.h"
#include "core/signer/SignerServer.h"

#include <QtGlobal>

#include <chrono>
#include <memory>

namespace baokeys::testsupport {

// The embedded signer running in this process on a free loopback port, and
// the client settings that reach it (its address, its root token, a 10 s
// timeout). Destroying the object stops the server.
//
// Header-only: only the tests that link the signer include it.
// Thread-safety: start() and destruction belong to the owning thread;
// settings() and server() may be used from any thread while it runs.
class EmbeddedSigner {
public:
    explicit EmbeddedSigner(int ioThreads = 2) : m_ioThreads(ioThreads) {}

    // A started server, or nullptr after a warning that says why.
    static std::unique_ptr<signer::SignerServer> startServer(int ioThreads = 2)
    {
        signer::SignerOptions options;
        options.ioThreads = ioThreads;
        auto server = std::make_unique<signer::SignerServer>(options);
        auto started = server->start();
        if (!started) {
            qWarning("signer did not start: %s", qPrintable(started.error().message));
            return nullptr;
        }
        return server;
    }

    static bao::BaoSettings settingsFor(const signer::SignerServer &server)
    {
        bao::BaoSettings settings;
        settings.address = server.address();
        settings.token = server.rootToken();
        settings.timeout = std::chrono::seconds(10);
        return settings;
    }

    bool start()
    {
        m_server = startServer(m_ioThreads);
        return m_server != nullptr;
    }

    void stop() { m_server.reset(); }

    signer::SignerServer &server() const { return *m_server; }
    bao::BaoSettings settings() const { return settingsFor(*m_server); }

private:
    int m_ioThreads;
    std::unique_ptr<signer::SignerServer> m_server;
};

} // namespace baokeys::testsupport
