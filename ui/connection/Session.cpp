#include "ui/connection/Session.h"

#include <QtConcurrent/QtConcurrentRun>

namespace baokeys::ui {

QFuture<EmbeddedStart> Session::startEmbedded(const Profile &profile, QByteArray passphrase)
{
    signer::SignerOptions options;
    options.mount = profile.mount.isEmpty() ? QStringLiteral("secp256k1") : profile.mount;
    if (profile.kind == Profile::Kind::EmbeddedFolder) {
        options.dataDir = profile.dataDir;
        options.passphrase = passphrase;
    }
    crypto::wipe(passphrase);
    return QtConcurrent::run([options]() mutable -> EmbeddedStart {
        auto server = std::make_shared<signer::SignerServer>(options);
        crypto::wipe(options.passphrase);
        if (auto started = server->start(); !started)
            return baokeys::unexpected(started.error());
        return server;
    });
}

Session::Session(const Profile &profile, const QString &token, QObject *parent)
    : QObject(parent), m_profile(profile),
      m_keyring(std::make_unique<keyring::BaoKeyring>(profile.settings(token), profile.storePath()))
{}

Session::Session(const Profile &profile, std::shared_ptr<signer::SignerServer> signer, QObject *parent)
    : QObject(parent), m_profile(profile), m_signer(std::move(signer))
{
    Profile effective = profile;
    effective.address = m_signer->address();
    effective.mount = m_signer->mount();
    m_keyring =
        std::make_unique<keyring::BaoKeyring>(effective.settings(m_signer->rootToken()), profile.storePath());
    m_profile.address = effective.address;
}

Session::~Session()
{
    m_keyring.reset();
    if (m_signer)
        m_signer->stop();
}

} // namespace baokeys::ui
