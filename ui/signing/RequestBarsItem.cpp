#include "ui/signing/RequestBarsItem.h"

#include <QAbstractSeries>
#include <QApplication>
#include <QChart>
#include <QPainter>
#include <QPalette>
#include <QWidget>

namespace baokeys::ui {

RequestBarsItem::RequestBarsItem(QChart *chart) : QGraphicsObject(chart), m_chart(chart)
{
    setZValue(5); // above the grid, below the marker lines' labels
    connect(chart, &QChart::plotAreaChanged, this, [this] { relayout(); });
}

void RequestBarsItem::setIntervals(const QList<LatencyStats::Interval> &intervals, QAbstractSeries *reference)
{
    m_intervals = intervals;
    m_reference = reference;
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
    const double row = index + 1; // request numbers start at 1, as in the table
    const QPointF start = m_chart->mapToPosition(QPointF(interval.startMs, row), m_reference);
    const QPointF end = m_chart->mapToPosition(QPointF(interval.endMs, row), m_reference);
    const QPointF next = m_chart->mapToPosition(QPointF(interval.startMs, row + 1), m_reference);
    const double rowHeight = std::abs(next.y() - start.y());
    const double height = std::max(1.0, rowHeight * 0.7);
    return QRectF(QPointF(start.x(), start.y() - height / 2),
                  QPointF(std::max(end.x(), start.x() + 1.0), start.y() + height / 2));
}

void RequestBarsItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *widget)
{
    if (m_intervals.isEmpty())
        return;
    // The palette's highlight reads well on light and dark backgrounds.
    const QPalette palette = widget ? widget->palette() : QApplication::palette();
    painter->save();
    painter->setClipRect(m_plot);
    painter->setPen(Qt::NoPen);
    painter->setBrush(palette.color(QPalette::Highlight));
    painter->setRenderHint(QPainter::Antialiasing, false);
    for (int i = 0; i < m_intervals.size(); ++i)
        painter->drawRect(barRect(i));
    painter->restore();
}

} // namespace baokeys::ui
