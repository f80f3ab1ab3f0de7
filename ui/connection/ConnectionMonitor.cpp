#include "ui/connection/ConnectionMonitor.h"

#include "core/keyring/BaoKeyring.h"

namespace baokeys::ui {

ConnectionMonitor::ConnectionMonitor(QObject *parent) : QObject(parent)
{
    connect(&m_timer, &QTimer::timeout, this, &ConnectionMonitor::refreshNow);
    connect(&m_watcher, &QFutureWatcher<bao::ConnectionStatus>::finished, this,
            &ConnectionMonitor::onFinished);
}

void ConnectionMonitor::setKeyring(keyring::BaoKeyring *keyring, int intervalMs)
{
    ++m_generation;
    m_keyring = keyring;
    m_state = ConnectionState::Unknown;
    m_timer.stop();
    if (!m_keyring)
        return;
    m_timer.start(intervalMs);
    refreshNow();
}

void ConnectionMonitor::refreshNow()
{
    if (!m_keyring || m_watcher.isRunning())
        return; // one request in flight at most
    m_inFlightGeneration = m_generation;
    m_watcher.setFuture(m_keyring->statusAsync());
}

void ConnectionMonitor::onFinished()
{
    const bool current = m_inFlightGeneration == m_generation;
    if (!current || m_watcher.future().resultCount() == 0) {
        if (!current && m_keyring)
            refreshNow(); // the answer was for a keyring no longer watched
        return;
    }
    m_last = m_watcher.result();
    const ConnectionState before = m_state;
    m_state = classify(m_last);
    emit statusChanged(m_state, m_last);
    const bool wasAway = before == ConnectionState::Unreachable || before == ConnectionState::Sealed;
    const bool usable = m_state == ConnectionState::Active || m_state == ConnectionState::Standby;
    if (wasAway && usable)
        emit serverReturned();
}

ConnectionState ConnectionMonitor::classify(const bao::ConnectionStatus &status)
{
    if (status.health) {
        if (status.health->sealed)
            return ConnectionState::Sealed;
        if (status.health->standby || status.health->performanceStandby)
            return ConnectionState::Standby;
    }
    if (status.ok())
        return ConnectionState::Active;
    switch (status.error->kind) {
    case bao::BaoErrorKind::Sealed:
        return ConnectionState::Sealed;
    case bao::BaoErrorKind::Standby:
        return ConnectionState::Standby;
    case bao::BaoErrorKind::PermissionDenied:
        return ConnectionState::TokenRefused;
    default:
        break;
    }
    return status.health ? ConnectionState::Active : ConnectionState::Unreachable;
}

QString ConnectionMonitor::stateText(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Unknown:
        return tr("Checking…");
    case ConnectionState::Active:
        return tr("Active");
    case ConnectionState::Standby:
        return tr("Standby");
    case ConnectionState::Sealed:
        return tr("Sealed");
    case ConnectionState::Unreachable:
        return tr("Unreachable");
    case ConnectionState::TokenRefused:
        return tr("Token refused");
    }
    return {};
}

QString ConnectionMonitor::roleText(bao::NodeRole role)
{
    switch (role) {
    case bao::NodeRole::Active:
        return tr("active");
    case bao::NodeRole::Standby:
        return tr("standby");
    case bao::NodeRole::PerformanceStandby:
        return tr("performance standby");
    case bao::NodeRole::DrSecondary:
        return tr("DR secondary");
    case bao::NodeRole::Sealed:
        return tr("sealed");
    case bao::NodeRole::Uninitialized:
        return tr("not initialized");
    case bao::NodeRole::Unreachable:
        break;
    }
    return tr("unreachable");
}

QString ConnectionMonitor::nodesText(const bao::ConnectionStatus &status)
{
    QStringList lines;
    for (const bao::NodeStatus &node : status.nodes) {
        QString line = node.address + QStringLiteral(" — ") + roleText(node.role);
        if (node.reachable())
            line += QStringLiteral(" · ") + tr("%1 ms").arg(node.roundTripMs);
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

QString ConnectionMonitor::summary(ConnectionState state, const bao::ConnectionStatus &status)
{
    QString text = stateText(state) + QStringLiteral(" — ") + status.address;
    if (!status.nodes.isEmpty()) {
        const int total = int(status.nodes.size());
        int reachable = 0;
        for (const bao::NodeStatus &node : status.nodes)
            reachable += node.reachable() ? 1 : 0;
        text = stateText(state) + QStringLiteral(" — ") + tr("node %1").arg(status.address) +
               QStringLiteral(" · ") + tr("%1 of %n reachable", nullptr, total).arg(reachable);
    }
    if (status.health && !status.health->version.isEmpty())
        text += QStringLiteral(" (") + tr("version %1").arg(status.health->version) + QLatin1Char(')');
    if (status.health)
        text += QStringLiteral(" · ") + tr("%1 ms").arg(status.roundTripMs);
    return text;
}

} // namespace baokeys::ui
