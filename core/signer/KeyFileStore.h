#pragma once

#include "core/common/Expected.h"
#include "core/crypto/SecureBytes.h"
#include "core/signer/SignerServer.h"
#include "core/signer/StoredKey.h"

#include <QString>
#include <memory>
#include <vector>

namespace baokeys::signer {

// Persistent mode's key folder:
//   <dir>/vault.json         scrypt parameters, per-folder salt, a verifier
//   <dir>/keys/<name>.json   one key: public metadata + AES-256-GCM sealed secret
// Folders are 0700, files 0600, every write atomic (AtomicFile). A wrong
// passphrase, or a file that is truncated, altered or unreadable, refuses the
// open with an error naming the file; nothing is rewritten or dropped then.
// Thread-safety: none; the owner (KeyStore) serialises calls.
class KeyFileStore {
public:
    struct Opened {
        std::unique_ptr<KeyFileStore> store;
        std::vector<StoredKey> keys;
    };

    // Wipes `passphrase` once the key is derived, whatever the outcome.
    static Expected<Opened, SignerStartError> open(const QString &dir, QByteArray &passphrase);

    Expected<void, QString> save(const StoredKey &record);
    Expected<void, QString> remove(const QString &name);
    QString directory() const { return m_dir; }

private:
    KeyFileStore(QString dir, crypto::SecureBytes key);
    QString keyPath(const QString &name) const;

    QString m_dir;
    crypto::SecureBytes m_key;
};

} // namespace baokeys::signer
