#include "ui/batch/BatchTracker.h"

#include "ui/batch/BatchItemModel.h"
#include "ui/common/BackgroundPriority.h"

namespace baokeys::ui {

BatchTracker::BatchTracker(std::shared_ptr<keyring::BatchProgress> progress, BatchItemModel *model,
                           QList<int> rowOf, QObject *parent)
    : QObject(parent), m_progress(std::move(progress)), m_model(model), m_rowOf(std::move(rowOf))
{
    m_timer.setInterval(RefreshMs);
    connect(&m_timer, &QTimer::timeout, this, &BatchTracker::drain);
    connect(m_progress.get(), &keyring::BatchProgress::finished, this, [this] {
        drain();
        m_timer.stop();
    });
    m_timer.start();
    BackgroundPriority::lowerOtherThreads();
}

void BatchTracker::drain()
{
    ++m_ticks;
    // Pool threads start as the batch ramps up: keep them behind the GUI.
    BackgroundPriority::lowerOtherThreads();
    const auto events = m_progress->takeEvents();
    if (events.isEmpty() || !m_model)
        return;
    m_model->applyEvents(events, m_rowOf);
    m_model->flush();
    QList<int> finished;
    for (const auto &event : events) {
        if (event.state != keyring::BatchItemState::Queued &&
            event.state != keyring::BatchItemState::Started &&
            event.state != keyring::BatchItemState::Answered)
            finished << event.index;
    }
    emit updated();
    if (!finished.isEmpty())
        emit itemsFinished(finished);
}

} // namespace baokeys::ui
