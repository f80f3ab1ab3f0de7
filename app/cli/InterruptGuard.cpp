#include "cli/InterruptGuard.h"

#include <QSocketNotifier>
#include <atomic>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace baokeys::cli {

namespace {

int g_pipe[2] = {-1, -1};
std::atomic<int> g_signals{0}; // lock-free on every platform we build for: signal-safe
std::atomic<int> g_firstSignal{0};
static_assert(std::atomic<int>::is_always_lock_free);
struct sigaction g_oldInt {};
struct sigaction g_oldTerm {};

void onSignal(int signalNumber)
{
    if (g_signals.fetch_add(1) > 0) {
        // The second signal: give up waiting, the default way.
        std::signal(signalNumber, SIG_DFL);
        std::raise(signalNumber);
        return;
    }
    g_firstSignal = signalNumber;
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_pipe[1], &byte, 1);
}

} // namespace

InterruptGuard::InterruptGuard(QObject *parent) : QObject(parent)
{
    if (g_pipe[0] >= 0 || ::pipe2(g_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return;
    g_signals = 0;
    g_firstSignal = 0;
    struct sigaction action {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    // A signal the shell told us to ignore (a background job's SIGINT) stays ignored.
    sigaction(SIGINT, nullptr, &g_oldInt);
    if (g_oldInt.sa_handler != SIG_IGN)
        sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, nullptr, &g_oldTerm);
    if (g_oldTerm.sa_handler != SIG_IGN)
        sigaction(SIGTERM, &action, nullptr);
    m_notifier = std::make_unique<QSocketNotifier>(g_pipe[0], QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &InterruptGuard::onReadable);
    m_active = true;
}

InterruptGuard::~InterruptGuard()
{
    if (!m_active)
        return;
    sigaction(SIGINT, &g_oldInt, nullptr);
    sigaction(SIGTERM, &g_oldTerm, nullptr);
    m_notifier.reset();
    ::close(g_pipe[0]);
    ::close(g_pipe[1]);
    g_pipe[0] = g_pipe[1] = -1;
}

int InterruptGuard::signalNumber() const
{
    return m_active ? g_firstSignal.load() : 0;
}

void InterruptGuard::onReadable()
{
    char buffer[16];
    while (::read(g_pipe[0], buffer, sizeof buffer) > 0) {
    }
    emit interrupted();
}

} // namespace baokeys::cli
