#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace baokeys::uitest {

// A real Secret Service for one test process: a private D-Bus session bus
// (dbus-daemon with a config of its own: no service activation, so nothing
// else can answer for org.freedesktop.secrets) and gnome-keyring-daemon on
// it, its login keyring created and unlocked with a known password, all
// under a temporary HOME / XDG_DATA_HOME. start() points this process's
// DBUS_SESSION_BUS_ADDRESS at the private bus; the user's own session bus
// and keychain are never touched.
//
// Thread-safety: not thread-safe; use from the test's main thread.
class PrivateKeychain {
public:
    PrivateKeychain() = default;
    ~PrivateKeychain(); // stops both daemons
    PrivateKeychain(const PrivateKeychain &) = delete;
    PrivateKeychain &operator=(const PrivateKeychain &) = delete;

    // Empty when the Secret Service is up; otherwise why not (a program
    // missing, a daemon that would not start), for QSKIP.
    QString start(const QString &password);
    // Stops gnome-keyring-daemon; the bus stays, with no Secret Service on
    // it (a desktop without a keychain).
    void stopKeyring();

    QString busAddress() const { return m_busAddress; }
    QString dataHome() const; // where the keyring files are

private:
    bool secretServiceRegistered() const;

    QTemporaryDir m_root{QStringLiteral("/tmp/bk-kc-XXXXXX")}; // short: unix socket paths are limited
    QProcess m_bus;
    QProcess m_keyring;
    QString m_busAddress;
};

} // namespace baokeys::uitest
