#pragma once

#include "FakeBaoServer.h"

#include "core/crypto/SecureBytes.h"

#include <QHash>
#include <QString>

#include <map>
#include <mutex>

namespace baokeys::testsupport {

// A minimal in-memory secp256k1 engine behind FakeBaoServer (keys/, LIST,
// keys/<name>/import, sign/, DELETE) that can be told to lie, for the keyring's security checks:
// the real embedded signer never lies, so it cannot test them.
//
// Thread-safety: every member may be called from any thread (one mutex).
class MiniEngine {
public:
    enum class Lie {
        None,
        WrongSignature, // signs another message with the right key
        WrongPublicKey, // signs correctly but reports another key's public key
        OtherKeySigns,  // reports the right public key, signs with another key
        HighS,          // returns the valid signature in its high-S form
        KeyOffTheCurve, // signs correctly but reports a "public key" that is no point
    };

    explicit MiniEngine(QString mount = QStringLiteral("secp256k1"));

    void setLie(Lie lie);
    void addKey(const QString &name, crypto::SecureBytes privateKey, bool exportable = false);
    bool hasKey(const QString &name) const;

    FakeResponse handle(const FakeRequest &request);
    FakeBaoServer::Handler handler(); // calls handle() on this object

private:
    QJsonObject keyInfoLocked(const QString &name) const;

    const QString m_mount;
    mutable std::mutex m_mutex;
    Lie m_lie = Lie::None;
    struct Key {
        crypto::SecureBytes privateKey;
        QByteArray publicKey;
        bool exportable = false;
        bool imported = false;
    };
    std::map<QString, Key> m_keys;
};

} // namespace baokeys::testsupport
