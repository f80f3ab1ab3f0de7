#pragma once

#include "core/bao/BaoError.h"
#include "core/bao/BaoTypes.h"

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace baokeys::keyring {

// How a key came into the local store.
enum class KeySource {
    Generated, // created on the server by this app (newAccount / createBatch)
    Imported,  // private key or mnemonic imported by this app
    Synced,    // found on the server by sync() and adopted
};

QString keySourceName(KeySource source); // "generated" / "imported" / "synced"
bool keySourceFromName(const QString &name, KeySource *out);

// The public metadata the app keeps about one key. Never a secret.
// A plain value: copy freely, any thread.
struct KeyRecord {
    QString uid;          // the key's name on the server
    QByteArray publicKey; // 33-byte compressed secp256k1 point
    QByteArray address;   // 20 bytes, RIPEMD160(SHA256(publicKey))
    bool exportable = false;
    QDateTime createdAt; // UTC, from the server
    KeySource source = KeySource::Generated;
    QString keyPath;              // "<mount>/keys/<uid>" on the server
    bool missingOnServer = false; // set by sync() when LIST no longer has it
    // Set by sync() when the server holds another public key under this name
    // (deleted and made again elsewhere): the stored address has no key on
    // the server any more, and the server's key is not this one to delete.
    bool replacedOnServer = false;

    // The bech32 address for any human-readable prefix ("celestia", "cosmos",
    // "celestiavaloper", ...); empty when the prefix is not a valid HRP.
    QString bech32(const QString &hrp) const;
    // The record of a key the server describes, kept under `mount`; a
    // server that gave no creation time gets the current one.
    static KeyRecord fromServer(const bao::KeyInfo &info, KeySource source, const QString &mount);
    // The server holds this very key: not missing, not replaced.
    bool heldByServer() const { return !missingOnServer && !replacedOnServer; }
    QString publicKeyHex() const;
    QString addressHex() const;

    bool operator==(const KeyRecord &other) const = default;
};

} // namespace baokeys::keyring

Q_DECLARE_METATYPE(baokeys::keyring::KeyRecord)
