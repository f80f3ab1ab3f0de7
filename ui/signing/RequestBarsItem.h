#pragma once

#include "ui/signing/LatencyStats.h"

#include <QGraphicsObject>
#include <QPointer>

class QAbstractSeries;
class QChart;

namespace baokeys::ui {

// Draws one horizontal bar per request, from its start to its end, inside a
// QChart's plot area, mapped through the chart's own axes (x: ms since the
// batch started, y: the bar's row, 1 at the top - the request number, or
// its lane in a large batch). One item paints every bar, so a batch of
// thousands of requests costs one paint of plain rectangles rather than
// thousands of chart items - the GUI thread stays responsive.
//
// A bar's colour says how its request ended; hovering a bar shows its key,
// start, end and latency.
//
// Thread-safety: GUI thread only.
class RequestBarsItem : public QGraphicsObject {
    Q_OBJECT
public:
    explicit RequestBarsItem(QChart *chart);

    // `rows`: each interval's row (1 = top); `reference`: a series attached
    // to the time and row axes, whose mapping the bars use.
    void setIntervals(const QList<LatencyStats::Interval> &intervals, const QList<int> &rows,
                      QAbstractSeries *reference);
    int barCount() const { return int(m_intervals.size()); }
    // The bar of request `index` in the chart's (and this item's) coordinates.
    QRectF barRect(int index) const;
    // The request whose bar is at `pos` (the same coordinates), or -1.
    int barAt(const QPointF &pos) const;
    QString toolTipFor(int index) const;

    static QColor colorOf(LatencyStats::Outcome outcome);
    static QString outcomeLabel(LatencyStats::Outcome outcome);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    void relayout();

    QPointer<QChart> m_chart;
    QPointer<QAbstractSeries> m_reference;
    QList<LatencyStats::Interval> m_intervals;
    QList<int> m_rows;
    QRectF m_plot;
};

} // namespace baokeys::ui
