#pragma once

#include <QElapsedTimer>
#include <QFile>
#include <QTimer>

namespace baokeys::testsupport {

// Measures how long the GUI thread goes without running its event loop: a
// 5 ms timer on that thread records the longest gap between its ticks.
//
// The machine may be shared (2 cores, other builds running), so a gap can
// also be time the GUI thread spent runnable but waiting for a CPU. Linux
// counts that per thread (/proc/thread-self/schedstat, run-queue wait); the
// probe subtracts it, so ownStallMs() bounds the GUI thread's own work or
// blocking, the part the app is responsible for. maxGapMs() is the raw gap,
// as a user on this machine would feel it.
//
// Thread-safety: create, start and read on the GUI thread.
class GuiStallProbe {
public:
    GuiStallProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { tick(); });
    }

    void start()
    {
        m_lastWaitNs = runQueueWaitNs();
        m_sinceStart.start();
        m_sinceLast.start();
        m_timer.start();
    }
    void stop()
    {
        m_timer.stop();
        m_maxGapMs = qMax(m_maxGapMs, m_sinceLast.elapsed());
    }

    qint64 maxGapMs() const { return m_maxGapMs; }
    qint64 ownStallMs() const { return m_maxOwnStallMs; }
    int ticks() const { return m_ticks; }
    // When the longest own stall ended, in ms since start(): which phase it was.
    qint64 ownStallEndedAtMs() const { return m_ownStallEndedAtMs; }
    bool subtractsRunQueueWait() const { return m_lastWaitNs >= 0; }

    // Nanoseconds this thread has spent runnable but waiting for a CPU; -1
    // when the kernel does not report it.
    static qint64 runQueueWaitNs()
    {
        QFile file(QStringLiteral("/proc/thread-self/schedstat"));
        if (!file.open(QIODevice::ReadOnly))
            return -1;
        const QList<QByteArray> fields = file.readAll().simplified().split(' ');
        return fields.size() >= 2 ? fields.at(1).toLongLong() : -1;
    }

private:
    void tick()
    {
        const qint64 gapNs = m_sinceLast.nsecsElapsed();
        m_sinceLast.restart();
        qint64 waitedNs = 0;
        if (m_lastWaitNs >= 0) {
            const qint64 wait = runQueueWaitNs();
            waitedNs = wait - m_lastWaitNs;
            m_lastWaitNs = wait;
        }
        m_maxGapMs = qMax(m_maxGapMs, gapNs / 1000000);
        const qint64 ownMs = qMax<qint64>(0, gapNs - waitedNs) / 1000000;
        if (ownMs > m_maxOwnStallMs) {
            m_maxOwnStallMs = ownMs;
            m_ownStallEndedAtMs = m_sinceStart.elapsed();
        }
        ++m_ticks;
    }

    QTimer m_timer;
    QElapsedTimer m_sinceStart;
    QElapsedTimer m_sinceLast;
    qint64 m_lastWaitNs = -1;
    qint64 m_maxGapMs = 0;
    qint64 m_maxOwnStallMs = 0;
    qint64 m_ownStallEndedAtMs = 0;
    int m_ticks = 0;
};

} // namespace baokeys::testsupport
