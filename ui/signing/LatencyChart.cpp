#include "ui/signing/LatencyChart.h"

#include "ui/signing/RequestBarsItem.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QHBoxLayout>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>
#include <cmath>

namespace baokeys::ui {

LatencyChart::LatencyChart(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("latencyChart"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_timelineView = new QChartView(new QChart, this);
    m_timelineView->setObjectName(QStringLiteral("timelineView"));
    m_timelineView->setRenderHint(QPainter::Antialiasing);
    m_histogramView = new QChartView(new QChart, this);
    m_histogramView->setObjectName(QStringLiteral("histogramView"));
    m_histogramView->setRenderHint(QPainter::Antialiasing);
    layout->addWidget(m_timelineView, 3);
    layout->addWidget(m_histogramView, 2);
    m_bars = new RequestBarsItem(timeline());
    clear();
}

QChart *LatencyChart::timeline() const
{
    return m_timelineView->chart();
}

QChart *LatencyChart::histogram() const
{
    return m_histogramView->chart();
}

void LatencyChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange) {
        m_dark = -1;
        applyTheme();
    }
    QWidget::changeEvent(event);
}

void LatencyChart::applyTheme()
{
    // A chart theme, not hand-picked colours: light or dark with the palette.
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    if (m_dark == int(dark))
        return; // setTheme restyles every item: only when the palette flips
    m_dark = int(dark);
    for (QChart *chart : {timeline(), histogram()}) {
        chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        chart->setBackgroundBrush(palette().brush(QPalette::Base));
        chart->setTitleBrush(palette().brush(QPalette::Text));
        chart->legend()->setLabelBrush(palette().brush(QPalette::Text));
    }
}

int LatencyChart::barCount() const
{
    return m_bars->barCount();
}

void LatencyChart::clear()
{
    m_bars->setIntervals({}, nullptr);
    for (QChart *chart : {timeline(), histogram()}) {
        chart->removeAllSeries();
        const auto axes = chart->axes();
        for (QAbstractAxis *axis : axes) {
            chart->removeAxis(axis);
            delete axis;
        }
    }
    timeline()->setTitle(tr("Requests over time"));
    histogram()->setTitle(tr("Latency histogram"));
    applyTheme();
    // A theme set before the axes existed does not style them: new axes
    // take the chart theme's colours when they are added.
}

void LatencyChart::setStats(const LatencyStats &stats)
{
    clear();
    if (stats.intervals.isEmpty())
        return;
    applyTheme();
    const QLocale locale;

    // --- timeline: one bar per request, request 1 at the top ---
    const int total = int(stats.intervals.size());
    QChart *chart = timeline();
    auto *time = new QValueAxis;
    time->setTitleText(tr("ms since the batch started"));
    time->setLabelFormat(QStringLiteral("%.0f"));
    time->setRange(0, std::max(stats.sequentialMs, stats.wallMs) * 1.04);
    time->applyNiceNumbers(); // round ticks (0, 2000, 4000…), not 1676, 3352…
    chart->addAxis(time, Qt::AlignBottom);
    auto *requests = new QValueAxis;
    requests->setRange(0.5, total + 0.5); // request numbers as in the table: 1..N
    requests->setReverse(true);
    requests->setLabelFormat(QStringLiteral("%.0f"));
    requests->setTickType(QValueAxis::TicksDynamic);
    requests->setTickAnchor(1);
    requests->setTickInterval(std::max(1.0, std::ceil(total / 8.0)));
    requests->setGridLineVisible(false);
    requests->setTitleText(tr("request"));
    requests->setLabelsVisible(total <= 200);
    chart->addAxis(requests, Qt::AlignLeft);

    // Vertical markers spanning every request.
    QLineSeries *firstMarker = nullptr;
    auto addMarker = [&](const QString &name, double x, Qt::PenStyle style) {
        auto *line = new QLineSeries;
        line->setName(name);
        line->append(x, 0.5);
        line->append(x, total + 0.5);
        chart->addSeries(line);
        line->attachAxis(time);
        line->attachAxis(requests);
        QPen pen = line->pen();
        pen.setWidth(2);
        pen.setStyle(style);
        line->setPen(pen);
        if (!firstMarker)
            firstMarker = line;
    };
    addMarker(tr("wall time %1 ms").arg(locale.toString(stats.wallMs, 'f', 0)), stats.wallMs, Qt::SolidLine);
    addMarker(tr("sequential %1 ms").arg(locale.toString(stats.sequentialMs, 'f', 0)), stats.sequentialMs,
              Qt::DashLine);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setTitle(tr("%n request(s) over time (%1× faster than one at a time)", nullptr, total)
                        .arg(locale.toString(stats.speedup(), 'f', 1)));
    m_bars->setIntervals(stats.intervals, firstMarker);

    // --- histogram: whole-ms bins, whole-request counts ---
    const LatencyStats::Histogram bins = stats.histogram(std::min(HistogramBins, std::max(1, total)));
    auto *set = new QBarSet(tr("requests"));
    QStringList labels;
    for (int i = 0; i < bins.counts.size(); ++i) {
        *set << bins.counts.at(i);
        labels << locale.toString(bins.binStartMs(i));
    }
    auto *histogramSeries = new QBarSeries;
    histogramSeries->setBarWidth(0.9);
    histogramSeries->append(set);
    QChart *histogramChart = histogram();
    histogramChart->addSeries(histogramSeries);
    auto *binAxis = new QBarCategoryAxis;
    binAxis->setObjectName(QStringLiteral("binAxis"));
    binAxis->append(labels);
    binAxis->setTitleText(tr("latency in ms (bin start; bins of %1 ms)").arg(locale.toString(bins.widthMs)));
    histogramChart->addAxis(binAxis, Qt::AlignBottom);
    histogramSeries->attachAxis(binAxis);
    // Ticks on whole requests only: at most about six of them, a whole step
    // apart, and the top of the axis on a tick.
    const int highest = std::max(1, bins.highest());
    const int step = std::max(1, int(std::ceil(highest / 5.0)));
    auto *countAxis = new QValueAxis;
    countAxis->setObjectName(QStringLiteral("countAxis"));
    countAxis->setRange(0, step * int(std::ceil(double(highest) / step)));
    countAxis->setTickType(QValueAxis::TicksDynamic);
    countAxis->setTickAnchor(0);
    countAxis->setTickInterval(step);
    countAxis->setMinorTickCount(0);
    countAxis->setLabelFormat(QStringLiteral("%.0f"));
    countAxis->setTitleText(tr("requests"));
    histogramChart->addAxis(countAxis, Qt::AlignLeft);
    histogramSeries->attachAxis(countAxis);
    histogramChart->legend()->hide();
    histogramChart->setTitle(
        tr("Latency: median %1 ms, p95 %2 ms")
            .arg(locale.toString(stats.p50Ms, 'f', 1), locale.toString(stats.p95Ms, 'f', 1)));
}

} // namespace baokeys::ui
