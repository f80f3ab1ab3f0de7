#pragma once

#include "ui/signing/LatencyStats.h"

#include <QWidget>

class QChart;
class QChartView;

namespace baokeys::ui {

class RequestBarsItem;
class SpeedComparison;

// The picture of a signing batch (Qt Charts): a timeline with one horizontal
// bar per request from its start to its end (RequestBarsItem, drawn through
// the chart's axes), coloured by outcome with a legend, so parallel
// completion shows at a glance. The time axis spans the batch itself (0 to
// its last end, plus a small margin); what sequential signing would have
// taken is a separate comparison below it (SpeedComparison), never on that
// axis, or a 64-request batch would sit in its first 2 %. Past
// LaneThreshold requests the rows are lanes (what ran side by side) rather
// than one per request. Beside it, a latency histogram (QBarSeries) of the
// requests that were signed. Follows the palette (dark chart theme on a
// dark palette).
//
// Thread-safety: GUI thread only.
class LatencyChart : public QWidget {
    Q_OBJECT
public:
    static constexpr int HistogramBins = 10;
    static constexpr int LaneThreshold = 300;

    explicit LatencyChart(QWidget *parent = nullptr);

    void setStats(const LatencyStats &stats);
    void clear();

    QChart *timeline() const;
    QChart *histogram() const;
    int barCount() const;                       // requests drawn in the timeline
    int rowCount() const { return m_rowCount; } // rows of the timeline: requests, or lanes
    const RequestBarsItem *bars() const { return m_bars; }
    const SpeedComparison *comparison() const { return m_comparison; }

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void applyTheme();
    void buildTimeline(const LatencyStats &stats);
    void buildHistogram(const LatencyStats &stats);
    void styleAxes(QChart *chart) const; // the window's font, a little smaller
    void fitRowTicks();                  // row labels the timeline's height holds

    QChartView *m_timelineView = nullptr;
    QChartView *m_histogramView = nullptr;
    SpeedComparison *m_comparison = nullptr;
    RequestBarsItem *m_bars = nullptr;
    LatencyStats m_stats; // shown; rebuilt when the palette flips
    int m_rowCount = 0;
    int m_dark = -1; // the theme applied: 1 dark, 0 light, -1 none yet
};

} // namespace baokeys::ui
