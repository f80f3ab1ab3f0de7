#pragma once

#include "core/common/Expected.h"
#include "core/crypto/SecureBytes.h"
#include "core/signer/KeyFileStore.h"
#include "core/signer/StoredKey.h"

#include <QList>
#include <QString>
#include <map>
#include <memory>
#include <shared_mutex>

namespace baokeys::signer {

struct KeyStoreError {
    enum class Kind { Exists, NotFound, NotExportable, Storage };
    Kind kind = Kind::NotFound;
    QString message;
};

// The engine's keys, in memory, optionally mirrored to an encrypted folder.
// A change is written to disk before it becomes visible, so a failed write
// loses nothing and changes nothing.
// Thread-safety: every member may be called from any thread (a shared mutex:
// readers in parallel, writers one at a time).
class KeyStore {
public:
    explicit KeyStore(std::unique_ptr<KeyFileStore> files = nullptr, std::vector<StoredKey> initial = {});

    Expected<KeyInfo, KeyStoreError> add(StoredKey record);
    Expected<KeyInfo, KeyStoreError> info(const QString &name) const;
    QList<KeyInfo> list() const; // sorted by name
    Expected<void, KeyStoreError> remove(const QString &name);
    // A copy of the secret for one operation; the caller's SecureBytes wipes
    // it when it goes out of scope.
    Expected<crypto::SecureBytes, KeyStoreError> privateKey(const QString &name) const;
    bool isPersistent() const { return m_files != nullptr; }

private:
    mutable std::shared_mutex m_mutex;
    std::unique_ptr<KeyFileStore> m_files;
    std::map<QString, StoredKey> m_keys;
};

} // namespace baokeys::signer
