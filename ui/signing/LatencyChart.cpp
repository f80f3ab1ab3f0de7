#include "signing/LatencyChart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QHBoxLayout>
#include <QHorizontalStackedBarSeries>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>

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
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyTheme();
    QWidget::changeEvent(event);
}

void LatencyChart::applyTheme()
{
    // A chart theme, not hand-picked colours: light or dark with the palette.
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    for (QChart *chart : {timeline(), histogram()}) {
        chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        chart->setBackgroundBrush(palette().brush(QPalette::Base));
        chart->setTitleBrush(palette().brush(QPalette::Text));
        chart->legend()->setLabelBrush(palette().brush(QPalette::Text));
    }
}

void LatencyChart::clear()
{
    m_barCount = 0;
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
}

void LatencyChart::setStats(const LatencyStats &stats)
{
    clear();
    if (stats.intervals.isEmpty())
        return;
    applyTheme();
    const QLocale locale;

    // --- timeline: one bar per request (an even sample past MaxBars) ---
    const int total = int(stats.intervals.size());
    const int step = total > MaxBars ? (total + MaxBars - 1) / MaxBars : 1;
    auto *wait = new QBarSet(tr("waiting"));
    auto *run = new QBarSet(tr("request"));
    QStringList categories;
    for (int i = 0; i < total; i += step) {
        const auto &interval = stats.intervals.at(i);
        *wait << interval.startMs;
        *run << interval.latencyMs();
        categories << QString::number(i + 1);
    }
    m_barCount = int(categories.size());
    wait->setColor(Qt::transparent);
    wait->setBorderColor(Qt::transparent);
    run->setBorderColor(Qt::transparent);
    auto *bars = new QHorizontalStackedBarSeries;
    bars->setBarWidth(m_barCount > 60 ? 1.0 : 0.7);
    bars->append(wait);
    bars->append(run);
    QChart *chart = timeline();
    chart->addSeries(bars);
    for (QLegendMarker *marker : chart->legend()->markers(bars)) {
        if (marker->label() == wait->label())
            marker->setVisible(false);
    }
    auto *time = new QValueAxis;
    time->setTitleText(tr("ms since the batch started"));
    time->setLabelFormat(QStringLiteral("%.0f"));
    time->setRange(0, std::max(stats.sequentialMs, stats.wallMs) * 1.04);
    chart->addAxis(time, Qt::AlignBottom);
    bars->attachAxis(time);
    auto *requests = new QBarCategoryAxis;
    requests->append(categories);
    requests->setReverse(true); // request 1 at the top
    requests->setTitleText(step > 1 ? tr("request (every %1th of %2)").arg(step).arg(total) : tr("request"));
    requests->setLabelsVisible(m_barCount <= 40);
    requests->setGridLineVisible(false);
    chart->addAxis(requests, Qt::AlignLeft);
    bars->attachAxis(requests);

    // Vertical markers on their own hidden 0..1 axis.
    auto *markerAxis = new QValueAxis;
    markerAxis->setRange(0, 1);
    markerAxis->setVisible(false);
    chart->addAxis(markerAxis, Qt::AlignRight);
    auto addMarker = [&](const QString &name, double x, Qt::PenStyle style) {
        auto *line = new QLineSeries;
        line->setName(name);
        line->append(x, 0);
        line->append(x, 1);
        chart->addSeries(line);
        line->attachAxis(time);
        line->attachAxis(markerAxis);
        QPen pen = line->pen();
        pen.setWidth(2);
        pen.setStyle(style);
        line->setPen(pen);
    };
    addMarker(tr("wall time %1 ms").arg(locale.toString(stats.wallMs, 'f', 0)), stats.wallMs, Qt::SolidLine);
    addMarker(tr("sequential %1 ms").arg(locale.toString(stats.sequentialMs, 'f', 0)), stats.sequentialMs,
              Qt::DashLine);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setTitle(tr("Requests over time (%1× faster than one at a time)").arg(locale.toString(stats.speedup(), 'f', 1)));

    // --- histogram ---
    double width = 0;
    const auto counts = stats.histogram(std::min(HistogramBins, std::max(1, total)), &width);
    auto *set = new QBarSet(tr("requests"));
    QStringList bins;
    int highest = 0;
    for (int i = 0; i < counts.size(); ++i) {
        *set << counts.at(i);
        highest = std::max(highest, counts.at(i));
        bins << locale.toString(stats.minMs + width * i, 'f', width < 10 ? 1 : 0);
    }
    auto *histogramSeries = new QBarSeries;
    histogramSeries->setBarWidth(0.9);
    histogramSeries->append(set);
    QChart *histogramChart = histogram();
    histogramChart->addSeries(histogramSeries);
    auto *binAxis = new QBarCategoryAxis;
    binAxis->append(bins);
    binAxis->setTitleText(tr("latency (ms, bin start)"));
    histogramChart->addAxis(binAxis, Qt::AlignBottom);
    histogramSeries->attachAxis(binAxis);
    auto *countAxis = new QValueAxis;
    countAxis->setRange(0, highest);
    countAxis->setLabelFormat(QStringLiteral("%d"));
    countAxis->setTitleText(tr("requests"));
    histogramChart->addAxis(countAxis, Qt::AlignLeft);
    histogramSeries->attachAxis(countAxis);
    histogramChart->legend()->hide();
    histogramChart->setTitle(tr("Latency: median %1 ms, p95 %2 ms")
                                 .arg(locale.toString(stats.p50Ms, 'f', 1), locale.toString(stats.p95Ms, 'f', 1)));
}

} // namespace baokeys::ui
