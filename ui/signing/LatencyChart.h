#pragma once

#include "ui/signing/LatencyStats.h"

#include <QWidget>

class QChart;
class QChartView;

namespace baokeys::ui {

class RequestBarsItem;

// The picture of a signing batch (Qt Charts): a timeline with one horizontal
// bar per request from its start to its end (RequestBarsItem, drawn through
// the chart's axes), so parallel completion shows at a glance; vertical
// markers for the batch's wall time and for what sequential signing would
// have taken; and a latency histogram (QBarSeries). Follows the palette
// (dark chart theme on a dark palette).
//
// Thread-safety: GUI thread only.
class LatencyChart : public QWidget {
    Q_OBJECT
public:
    static constexpr int HistogramBins = 10;

    explicit LatencyChart(QWidget *parent = nullptr);

    void setStats(const LatencyStats &stats);
    void clear();

    QChart *timeline() const;
    QChart *histogram() const;
    int barCount() const; // requests drawn in the timeline
    const RequestBarsItem *bars() const { return m_bars; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyTheme();

    QChartView *m_timelineView = nullptr;
    QChartView *m_histogramView = nullptr;
    RequestBarsItem *m_bars = nullptr;
    int m_dark = -1; // the theme applied: 1 dark, 0 light, -1 none yet
};

} // namespace baokeys::ui
