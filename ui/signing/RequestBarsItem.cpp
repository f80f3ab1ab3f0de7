#include "ui/signing/RequestBarsItem.h"

#include <QAbstractSeries>
#include <QChart>
#include <QCoreApplication>
#include <QGraphicsSceneHoverEvent>
#include <QLocale>
#include <QPainter>

namespace baokeys::ui {

RequestBarsItem::RequestBarsItem(QChart *chart) : QGraphicsObject(chart), m_chart(chart)
{
    setZValue(5); // above the grid, below the marker lines' labels
    setAcceptHoverEvents(true);
    connect(chart, &QChart::plotAreaChanged, this, [this] { relayout(); });
}

QColor RequestBarsItem::colorOf(LatencyStats::Outcome outcome)
{
    // Mid-tone colours that read on light and dark backgrounds alike, and
    // none of them the wall-time line's.
    switch (outcome) {
    case LatencyStats::Outcome::Done:
        return QColor(0x2e, 0x9d, 0x5b);
    case LatencyStats::Outcome::Failed:
        return QColor(0xd6, 0x45, 0x45);
    case LatencyStats::Outcome::Cancelled:
        return QColor(0x9a, 0x9a, 0x9a);
    }
    return Qt::gray;
}

QString RequestBarsItem::outcomeLabel(LatencyStats::Outcome outcome)
{
    switch (outcome) {
    case LatencyStats::Outcome::Done:
        return tr("done");
    case LatencyStats::Outcome::Failed:
        return tr("failed");
    case LatencyStats::Outcome::Cancelled:
        return tr("cancelled");
    }
    return {};
}

void RequestBarsItem::setIntervals(const QList<LatencyStats::Interval> &intervals, const QList<int> &rows,
                                   QAbstractSeries *reference)
{
    m_intervals = intervals;
    m_rows = rows;
    m_reference = reference;
    setToolTip({});
    relayout();
}

void RequestBarsItem::relayout()
{
    prepareGeometryChange();
    m_plot = m_chart ? m_chart->plotArea() : QRectF();
    update();
}

QRectF RequestBarsItem::boundingRect() const
{
    return m_plot;
}

QRectF RequestBarsItem::barRect(int index) const
{
    if (!m_chart || !m_reference || index < 0 || index >= m_intervals.size())
        return {};
    const auto &interval = m_intervals.at(index);
    const double row = m_rows.value(index, index + 1);
    const QPointF start = m_chart->mapToPosition(QPointF(interval.startMs, row), m_reference);
    const QPointF end = m_chart->mapToPosition(QPointF(interval.endMs, row), m_reference);
    const QPointF next = m_chart->mapToPosition(QPointF(interval.startMs, row + 1), m_reference);
    const double rowHeight = std::abs(next.y() - start.y());
    const double height = std::max(1.0, rowHeight * 0.7);
    return QRectF(QPointF(start.x(), start.y() - height / 2),
                  QPointF(std::max(end.x(), start.x() + 1.0), start.y() + height / 2));
}

int RequestBarsItem::barAt(const QPointF &pos) const
{
    // The last drawn is on top; a bar a pixel high is still found by its row.
    for (int i = int(m_intervals.size()) - 1; i >= 0; --i) {
        const QRectF bar = barRect(i).adjusted(-1, -1, 1, 1);
        if (bar.contains(pos))
            return i;
    }
    return -1;
}

QString RequestBarsItem::toolTipFor(int index) const
{
    if (index < 0 || index >= m_intervals.size())
        return {};
    const auto &interval = m_intervals.at(index);
    const QLocale locale;
    return tr("%1 (%2)\nstart %3 ms, end %4 ms\nlatency %5 ms")
        .arg(interval.key, outcomeLabel(interval.outcome), locale.toString(interval.startMs, 'f', 1),
             locale.toString(interval.endMs, 'f', 1), locale.toString(interval.latencyMs(), 'f', 1));
}

void RequestBarsItem::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    setToolTip(toolTipFor(barAt(event->pos())));
    QGraphicsObject::hoverEnterEvent(event);
}

void RequestBarsItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event)
{
    // One item draws every bar, so its tooltip follows the bar under the mouse.
    setToolTip(toolTipFor(barAt(event->pos())));
    QGraphicsObject::hoverMoveEvent(event);
}

void RequestBarsItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (m_intervals.isEmpty())
        return;
    painter->save();
    painter->setClipRect(m_plot);
    painter->setPen(Qt::NoPen);
    painter->setRenderHint(QPainter::Antialiasing, false);
    for (auto outcome :
         {LatencyStats::Outcome::Done, LatencyStats::Outcome::Cancelled, LatencyStats::Outcome::Failed}) {
        painter->setBrush(colorOf(outcome)); // failed last: on top where lanes are crowded
        for (int i = 0; i < m_intervals.size(); ++i) {
            if (m_intervals.at(i).outcome == outcome)
                painter->drawRect(barRect(i));
        }
    }
    painter->restore();
}

} // namespace baokeys::ui
