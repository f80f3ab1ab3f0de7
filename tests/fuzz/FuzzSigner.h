#pragma once

// An in-memory embedded signer for the fuzz targets of its HTTP fronts, one
// per input, so that an input sees only the keys its own requests made.
#include "core/signer/FaultInjector.h"
#include "core/signer/KeyStore.h"
#include "core/signer/SecpEngine.h"
#include "core/signer/ServerState.h"
#include "core/signer/VaultRouter.h"

namespace baokeys::fuzz {

// The seed corpora use this token and unseal key (base64 of 32 'k' bytes).
constexpr char RootToken[] = "s.fuzzfuzzfuzzfuzzfuzzfuzz";

struct Signer {
    signer::KeyStore keys;
    signer::ServerState state{QByteArray(RootToken), QByteArray(32, 'k').toBase64(), false,
                              QStringLiteral("inmem")};
    signer::SecpEngine engine{keys};
    signer::FaultInjector faults;
    signer::VaultRouter router{state, engine, faults, QStringLiteral("secp256k1")};
};

} // namespace baokeys::fuzz
