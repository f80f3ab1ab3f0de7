#pragma once

#include <QObject>
#include <memory>

class QSocketNotifier;

namespace baokeys::cli {

// Turns SIGINT / SIGTERM into the interrupted() signal while it is alive,
// so a batch can be cancelled cleanly (finished items are kept and, for
// `batch create`, stored) instead of the process dying mid-batch. A second
// signal ends the process the usual way. The handler only writes a byte to a
// pipe (async-signal-safe); the notifier reads it on the main thread.
//
// Thread-safety: create, use and destroy on the main thread; one at a time.
class InterruptGuard : public QObject {
    Q_OBJECT
public:
    explicit InterruptGuard(QObject *parent = nullptr);
    ~InterruptGuard() override;
    bool isActive() const { return m_active; }
    // The first signal caught (SIGINT, SIGTERM), or 0.
    int signalNumber() const;

signals:
    void interrupted();

private:
    void onReadable();

    std::unique_ptr<QSocketNotifier> m_notifier;
    bool m_active = false;
};

} // namespace baokeys::cli
