#pragma once

#include "core/bao/BaoTypes.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace baokeys::keyring {
class BaoKeyring;
}

namespace baokeys::ui {

enum class ConnectionState {
    Unknown,      // not asked yet
    Active,       // unsealed active node, token accepted
    Standby,      // a standby node: requests go to the active one
    Sealed,       // reachable but sealed
    Unreachable,  // no HTTP answer (refused, TLS, DNS, timeout)
    TokenRefused, // reachable, but the token is not accepted
};

// Watches the server of a keyring in the background: statusAsync() on a
// timer, one request in flight at most, the answer delivered on the GUI
// thread. The GUI thread never waits for the network.
//
// Thread-safety: GUI thread only.
class ConnectionMonitor : public QObject {
    Q_OBJECT
public:
    static constexpr int DefaultIntervalMs = 5000;

    explicit ConnectionMonitor(QObject *parent = nullptr);

    // nullptr stops watching. Checks at once, then every interval.
    void setKeyring(keyring::BaoKeyring *keyring, int intervalMs = DefaultIntervalMs);
    void refreshNow();

    ConnectionState state() const { return m_state; }
    const bao::ConnectionStatus &lastStatus() const { return m_last; }

    static ConnectionState classify(const bao::ConnectionStatus &status);
    static QString stateText(ConnectionState state);
    // One line for the status bar: the state, address and version; for a
    // cluster the node in use and how many of the nodes answer.
    static QString summary(ConnectionState state, const bao::ConnectionStatus &status);
    // A cluster's nodes, a line each with role and round trip; empty for one address.
    static QString nodesText(const bao::ConnectionStatus &status);
    static QString roleText(bao::NodeRole role);

signals:
    void statusChanged(baokeys::ui::ConnectionState state, const baokeys::bao::ConnectionStatus &status);
    // The server answers again after it could not be reached or was sealed:
    // it may have restarted, and lost or gained keys meanwhile.
    void serverReturned();

private:
    void onFinished();

    keyring::BaoKeyring *m_keyring = nullptr;
    QTimer m_timer;
    QFutureWatcher<bao::ConnectionStatus> m_watcher;
    ConnectionState m_state = ConnectionState::Unknown;
    bao::ConnectionStatus m_last;
    quint64 m_generation = 0; // drops answers from a keyring no longer watched
    quint64 m_inFlightGeneration = 0;
};

} // namespace baokeys::ui
