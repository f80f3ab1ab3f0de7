#pragma once

#include "signing/LatencyStats.h"

#include <QWidget>

class QChart;
class QChartView;

namespace baokeys::ui {

// The picture of a signing batch: a timeline with one horizontal bar per
// request from its start to its end (a stacked horizontal bar series whose
// first, invisible segment is the wait before the request started), so
// parallel completion shows at a glance; vertical markers for the batch's
// wall time and for what sequential signing would have taken; and a latency
// histogram. Follows the palette (dark theme on a dark palette).
//
// Thread-safety: GUI thread only.
class LatencyChart : public QWidget {
    Q_OBJECT
public:
    // Bars drawn at most; a larger batch shows an even sample of its
    // requests (the markers and histogram still use all of them).
    static constexpr int MaxBars = 1000;
    static constexpr int HistogramBins = 20;

    explicit LatencyChart(QWidget *parent = nullptr);

    void setStats(const LatencyStats &stats);
    void clear();

    QChart *timeline() const;
    QChart *histogram() const;
    int barCount() const { return m_barCount; } // requests drawn in the timeline

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyTheme();

    QChartView *m_timelineView = nullptr;
    QChartView *m_histogramView = nullptr;
    int m_barCount = 0;
};

} // namespace baokeys::ui
