#pragma once

#include "core/signer/HttpExchange.h"

#include <QString>
#include <atomic>
#include <optional>

namespace baokeys::signer {

class FaultInjector;
class SecpEngine;
class ServerState;

// OpenBao's generic HTTP behaviour around the engine: /v1/ paths, methods to
// operations (LIST and GET ?list=<ParseBool>), sys/health, sys/seal-status,
// sys/seal, sys/unseal, auth/token/lookup-self, the seal gate, token auth,
// namespaces, the success envelope and the error shapes. Injected faults are
// applied to requests that reach the engine.
// Thread-safety: handle() may be called from many threads at once.
class VaultRouter {
public:
    VaultRouter(ServerState &state, SecpEngine &engine, FaultInjector &faults, QString mount);

    HttpResponse handle(HttpRequest &request);
    // The answer handle() would give from the headers alone when it is a
    // refusal (bad method or path, sealed, wrong token, unknown namespace),
    // so a body need not be read to refuse it. Nothing changes state.
    std::optional<HttpResponse> screen(const HttpRequest &headers) const;
    quint64 engineRequestCount() const { return m_engineRequests.load(std::memory_order_relaxed); }

private:
    struct Route;
    Route resolve(const HttpRequest &request) const;
    HttpResponse health(const HttpRequest &request, const QString &query) const;
    HttpResponse sealStatus() const;
    HttpResponse unseal(const HttpRequest &request);
    HttpResponse lookupSelf(const HttpRequest &request) const;

    ServerState &m_state;
    SecpEngine &m_engine;
    FaultInjector &m_faults;
    QString m_mount; // without slashes at the ends
    std::atomic<quint64> m_engineRequests{0};
};

} // namespace baokeys::signer
