#pragma once

#include "ui/signing/LatencyStats.h"

#include <QGraphicsObject>
#include <QPointer>

class QAbstractSeries;
class QChart;

namespace baokeys::ui {

// Draws one horizontal bar per request, from its start to its end, inside a
// QChart's plot area, mapped through the chart's own axes (x: ms since the
// batch started, y: request number, 1 at the top). One item paints every bar, so a batch
// of thousands of requests costs one paint of plain rectangles rather than
// thousands of chart items - the GUI thread stays responsive.
//
// Thread-safety: GUI thread only.
class RequestBarsItem : public QGraphicsObject {
    Q_OBJECT
public:
    explicit RequestBarsItem(QChart *chart);

    // `reference`: a series attached to the time and request axes, whose
    // mapping the bars use.
    void setIntervals(const QList<LatencyStats::Interval> &intervals, QAbstractSeries *reference);
    int barCount() const { return int(m_intervals.size()); }
    // The bar of request `index` in scene coordinates (for tests).
    QRectF barRect(int index) const;

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void relayout();

    QPointer<QChart> m_chart;
    QPointer<QAbstractSeries> m_reference;
    QList<LatencyStats::Interval> m_intervals;
    QRectF m_plot;
};

} // namespace baokeys::ui
