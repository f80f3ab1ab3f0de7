#include "PrivateKeychain.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QThread>

namespace baokeys::uitest {

namespace {

const QString SecretsName = QStringLiteral("org.freedesktop.secrets");
const QString BusName = QStringLiteral("baokeys-private-keychain");

// A session bus that only routes: no <servicedir>, so a missing Secret
// Service stays missing instead of being auto-started from the system's
// service files.
QByteArray busConfig(const QString &socketDir)
{
    return QStringLiteral(
               "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
               " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
               "<busconfig>\n"
               "  <type>session</type>\n"
               "  <listen>unix:dir=%1</listen>\n"
               "  <auth>EXTERNAL</auth>\n"
               "  <policy context=\"default\">\n"
               "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
               "    <allow eavesdrop=\"true\"/>\n"
               "    <allow own=\"*\"/>\n"
               "  </policy>\n"
               "</busconfig>\n")
        .arg(socketDir)
        .toUtf8();
}

void stop(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    if (!process.waitForFinished(3000)) {
        process.kill();
        process.waitForFinished(3000);
    }
}

} // namespace

PrivateKeychain::~PrivateKeychain()
{
    stopKeyring();
    stop(m_bus);
    if (!m_busAddress.isEmpty())
        QDBusConnection::disconnectFromBus(BusName);
}

QString PrivateKeychain::dataHome() const
{
    return m_root.filePath(QStringLiteral("data"));
}

QString PrivateKeychain::start(const QString &password)
{
    if (!m_root.isValid())
        return QStringLiteral("no temporary folder for the keychain");
    const QString dbusDaemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
    const QString keyringDaemon = QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon"));
    if (dbusDaemon.isEmpty())
        return QStringLiteral("dbus-daemon is not installed (Debian package dbus-daemon)");
    if (keyringDaemon.isEmpty())
        return QStringLiteral("gnome-keyring-daemon is not installed (Debian package gnome-keyring)");

    for (const char *dir : {"bus", "data", "home", "run"})
        QDir(m_root.path()).mkpath(QString::fromLatin1(dir));
    QFile::setPermissions(m_root.filePath(QStringLiteral("run")),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QFile config(m_root.filePath(QStringLiteral("bus.conf")));
    if (!config.open(QIODevice::WriteOnly) ||
        config.write(busConfig(m_root.filePath(QStringLiteral("bus")))) < 0)
        return QStringLiteral("could not write the bus configuration");
    config.close();

    m_bus.start(dbusDaemon, {QStringLiteral("--config-file=") + config.fileName(), QStringLiteral("--nofork"),
                             QStringLiteral("--print-address=1")});
    if (!m_bus.waitForStarted(5000))
        return QStringLiteral("dbus-daemon did not start: %1").arg(m_bus.errorString());
    QDeadlineTimer deadline(10000);
    while (!m_bus.canReadLine() && !deadline.hasExpired() && m_bus.state() == QProcess::Running)
        m_bus.waitForReadyRead(200);
    m_busAddress = QString::fromUtf8(m_bus.readLine()).trimmed();
    if (m_busAddress.isEmpty())
        return QStringLiteral("dbus-daemon gave no address: %1")
            .arg(QString::fromUtf8(m_bus.readAllStandardError()));
    // Everything in this process (QtKeychain, libsecret if it uses it) now
    // finds the private bus; nothing was connected to a session bus before.
    qputenv("DBUS_SESSION_BUS_ADDRESS", m_busAddress.toUtf8());

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_busAddress);
    env.insert(QStringLiteral("HOME"), m_root.filePath(QStringLiteral("home")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome());
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_root.filePath(QStringLiteral("run")));
    env.remove(QStringLiteral("GNOME_KEYRING_CONTROL"));
    m_keyring.setProcessEnvironment(env);
    // --unlock reads the login keyring's password from stdin, creating the
    // keyring when it does not exist yet.
    m_keyring.start(keyringDaemon, {QStringLiteral("--foreground"), QStringLiteral("--unlock"),
                                    QStringLiteral("--components=secrets")});
    if (!m_keyring.waitForStarted(5000))
        return QStringLiteral("gnome-keyring-daemon did not start: %1").arg(m_keyring.errorString());
    m_keyring.write(password.toUtf8());
    // The daemon reads until end of input; without an event loop running
    // here, the bytes go out only when waited for.
    m_keyring.waitForBytesWritten(3000);
    m_keyring.closeWriteChannel();

    while (!deadline.hasExpired()) {
        if (m_keyring.state() != QProcess::Running)
            return QStringLiteral("gnome-keyring-daemon exited: %1")
                .arg(QString::fromUtf8(m_keyring.readAllStandardError()).trimmed());
        if (secretServiceRegistered())
            return {};
        QThread::msleep(100);
    }
    return QStringLiteral("gnome-keyring-daemon did not offer %1 on the private bus within 10 s: %2")
        .arg(SecretsName, QString::fromUtf8(m_keyring.readAllStandardError()).trimmed());
}

void PrivateKeychain::stopKeyring()
{
    stop(m_keyring);
    if (m_busAddress.isEmpty())
        return;
    // Wait until the bus has dropped the name, so the next caller sees no
    // Secret Service rather than a dying one.
    QDeadlineTimer deadline(5000);
    while (secretServiceRegistered() && !deadline.hasExpired())
        QThread::msleep(50);
}

bool PrivateKeychain::secretServiceRegistered() const
{
    // A connection of our own by name, so the probe never depends on which
    // bus QDBusConnection::sessionBus() picked up first.
    QDBusConnection bus = QDBusConnection::connectToBus(m_busAddress, BusName);
    if (!bus.isConnected() || !bus.interface())
        return false;
    return bus.interface()->isServiceRegistered(SecretsName).value();
}

} // namespace baokeys::uitest
