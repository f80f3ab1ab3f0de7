#pragma once

#include "core/keyring/BaoKeyring.h"
#include "core/signer/SignerServer.h"
#include "ui/connection/Profile.h"

#include <QFuture>
#include <QObject>
#include <memory>

namespace baokeys::ui {

// An embedded signer started off the GUI thread, or why it did not start.
using EmbeddedStart = Expected<std::shared_ptr<signer::SignerServer>, signer::SignerStartError>;

// The open connection of one profile: the keyring every view goes through
// and, for an embedded profile, the in-process signer it talks to over
// loopback HTTP. Like a wallet model: views never see the network.
//
// Thread-safety: the object lives on the GUI thread; keyring() is
// thread-safe (see BaoKeyring).
class Session : public QObject {
    Q_OBJECT
public:
    // Starts an embedded signer for `profile` on a worker thread (a data
    // folder derives its key from the passphrase, which takes a moment).
    // `passphrase` is wiped by the signer once used.
    static QFuture<EmbeddedStart> startEmbedded(const Profile &profile, QByteArray passphrase);

    // A remote profile: `token` is copied into the keyring's settings.
    Session(const Profile &profile, const QString &token, QObject *parent = nullptr);
    // An embedded profile over a running signer.
    Session(const Profile &profile, std::shared_ptr<signer::SignerServer> signer, QObject *parent = nullptr);
    ~Session() override; // the keyring (and its batches) go before the signer
    Q_DISABLE_COPY_MOVE(Session)

    keyring::BaoKeyring &keyring() { return *m_keyring; }
    const Profile &profile() const { return m_profile; }
    QString hrp() const { return m_profile.hrp; }
    // The in-process signer (nullptr for a remote profile).
    signer::SignerServer *signer() const { return m_signer.get(); }

private:
    Profile m_profile;
    std::shared_ptr<signer::SignerServer> m_signer;
    std::unique_ptr<keyring::BaoKeyring> m_keyring;
};

} // namespace baokeys::ui
