#pragma once

#include "core/crypto/CryptoError.h"
#include "core/crypto/VerifyingKey.h"

#include <QByteArray>
#include <QHash>

#include <shared_mutex>

namespace baokeys::keyring {

// The stored public keys, parsed once each, for the keyring's check of every
// signature. A key signs again and again, in batches above all, and parsing
// it each time cost about 7 us of the client's CPU per signature (measured by
// baokeys-bench-keyring). Public data only; entries never go stale, since one
// public key always parses to the same point. Bounded: past maxKeys entries
// the map starts over.
//
// Thread-safety: thread-safe; lookups share a read lock. get() is const: the
// cache changes no answer, only how fast it comes.
class VerifyingKeys {
public:
    static constexpr int DefaultMaxKeys = 1 << 16;

    explicit VerifyingKeys(int maxKeys = DefaultMaxKeys) : m_maxKeys(maxKeys) {}

    // The parsed key, or why `publicKey` is not one (not cached). A
    // QByteArray, not a view: it is the map's key, shared, never copied.
    crypto::CryptoResult<crypto::VerifyingKey> get(const QByteArray &publicKey) const;
    // How many keys are held now.
    int size() const;

private:
    const int m_maxKeys;
    mutable std::shared_mutex m_lock; // std's, whose ordering ThreadSanitizer sees
    mutable QHash<QByteArray, crypto::VerifyingKey> m_keys;
};

} // namespace baokeys::keyring
