#include "batch/BatchTracker.h"

#include "batch/BatchItemModel.h"

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
}

void BatchTracker::drain()
{
    ++m_ticks;
    const auto events = m_progress->takeEvents();
    if (events.isEmpty())
        return;
    m_model->applyEvents(events, m_rowOf);
    m_model->flush();
    emit updated();
}

} // namespace baokeys::ui
