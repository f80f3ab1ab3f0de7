#include "ui/signing/LatencyChart.h"

#include "ui/signing/RequestBarsItem.h"
#include "ui/signing/SpeedComparison.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QFontMetrics>
#include <QGraphicsLayout>
#include <QHBoxLayout>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace baokeys::ui {

namespace {

// A round step (1, 2 or 5 × 10^k) giving about six ticks up to `max`.
double roundTickInterval(double max)
{
    const double raw = std::max(max, 1.0) / 6.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double factor : {1.0, 2.0, 5.0}) {
        if (factor * magnitude >= raw)
            return factor * magnitude;
    }
    return 10.0 * magnitude;
}

} // namespace

LatencyChart::LatencyChart(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("latencyChart"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *timelineColumn = new QVBoxLayout;
    timelineColumn->setSpacing(0);
    m_timelineView = new QChartView(new QChart, this);
    m_timelineView->setObjectName(QStringLiteral("timelineView"));
    m_timelineView->setRenderHint(QPainter::Antialiasing);
    m_comparison = new SpeedComparison(this);
    timelineColumn->addWidget(m_timelineView, 1);
    timelineColumn->addWidget(m_comparison);
    m_histogramView = new QChartView(new QChart, this);
    m_histogramView->setObjectName(QStringLiteral("histogramView"));
    m_histogramView->setRenderHint(QPainter::Antialiasing);
    layout->addLayout(timelineColumn, 3);
    layout->addWidget(m_histogramView, 2);
    m_bars = new RequestBarsItem(timeline());
    // Below this the plots shrink to a sliver and Qt Charts cuts every label
    // to "...": in a small window the table above gives up the room.
    setMinimumHeight(210);
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
        // The theme's margins and fonts are sized for a large chart: the
        // window's own font and thin margins leave the plot its room.
        chart->setMargins(QMargins(2, 2, 2, 2));
        chart->layout()->setContentsMargins(0, 0, 0, 0);
        QFont title = font();
        title.setBold(true);
        chart->setTitleFont(title);
        chart->legend()->setFont(font());
    }
    // setTheme restyled the series too: draw the batch again in its own colours.
    if (!m_stats.intervals.isEmpty())
        setStats(LatencyStats(m_stats));
}

int LatencyChart::barCount() const
{
    return m_bars->barCount();
}

void LatencyChart::clear()
{
    m_stats = {};
    m_rowCount = 0;
    m_comparison->clear();
    m_bars->setIntervals({}, {}, nullptr);
    for (QChart *chart : {timeline(), histogram()}) {
        // Axis numbers in the app's language (1,500 or 1.500), like the text.
        chart->setLocalizeNumbers(true);
        chart->setLocale(QLocale());
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
    m_stats = stats;
    buildTimeline(stats);
    if (stats.count > 0)
        m_comparison->setTimes(stats.wallMs, stats.sequentialMs);
    buildHistogram(stats);
}

void LatencyChart::buildTimeline(const LatencyStats &stats)
{
    const QLocale locale;
    const int total = int(stats.intervals.size());
    QChart *chart = timeline();

    // One row per request (request 1 at the top, as in the table), or per
    // lane once there are too many requests for a row each.
    QList<int> rows;
    rows.reserve(total);
    const bool byLane = total > LaneThreshold;
    if (byLane) {
        const LatencyStats::Lanes lanes = stats.lanes();
        for (int lane : lanes.lane)
            rows << lane + 1;
        m_rowCount = lanes.laneCount;
    } else {
        for (int i = 0; i < total; ++i)
            rows << i + 1;
        m_rowCount = total;
    }

    // The batch's own extent: the bars fill the plot, whatever the latency.
    auto *time = new QValueAxis;
    time->setTitleText(tr("ms since the batch started"));
    time->setLabelFormat(QStringLiteral("%.0f"));
    const double end = std::max(stats.spanMs, 1.0) * 1.05;
    time->setRange(0, end);
    time->setTickType(QValueAxis::TicksDynamic);
    time->setTickAnchor(0);
    time->setTickInterval(
        roundTickInterval(end)); // round ticks (0, 50, 100…) on an axis ending where the batch does
    chart->addAxis(time, Qt::AlignBottom);
    auto *rowAxis = new QValueAxis;
    rowAxis->setRange(0.5, m_rowCount + 0.5);
    rowAxis->setReverse(true);
    rowAxis->setLabelFormat(QStringLiteral("%.0f"));
    rowAxis->setTickType(QValueAxis::TicksDynamic);
    rowAxis->setTickAnchor(1);
    rowAxis->setGridLineVisible(false);
    rowAxis->setTitleText(byLane ? tr("lane (requests side by side)") : tr("request"));
    rowAxis->setLabelsVisible(m_rowCount <= 200);
    chart->addAxis(rowAxis, Qt::AlignLeft);
    styleAxes(chart);
    fitRowTicks();

    auto attach = [&](QAbstractSeries *series) {
        chart->addSeries(series);
        series->attachAxis(time);
        series->attachAxis(rowAxis);
    };
    // The bars map through this series' axes; it draws nothing itself.
    auto *reference = new QLineSeries;
    attach(reference);
    for (QLegendMarker *marker : chart->legend()->markers(reference))
        marker->setVisible(false);

    // The legend: one square per outcome present, with its count.
    const QList<QPair<LatencyStats::Outcome, QString>> outcomes{
        {LatencyStats::Outcome::Done, tr("done (%1)")},
        {LatencyStats::Outcome::Failed, tr("failed (%1)")},
        {LatencyStats::Outcome::Cancelled, tr("cancelled (%1)")}};
    for (const auto &[outcome, label] : outcomes) {
        const auto count =
            std::count_if(stats.intervals.begin(), stats.intervals.end(),
                          [outcome = outcome](const auto &interval) { return interval.outcome == outcome; });
        if (count == 0)
            continue;
        auto *key = new QScatterSeries;
        key->setName(label.arg(locale.toString(qlonglong(count))));
        key->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
        attach(key);
        key->setColor(RequestBarsItem::colorOf(outcome));
        key->setBorderColor(RequestBarsItem::colorOf(outcome));
    }

    // The wall time, in the text's colour: apart from every bar's.
    if (stats.count > 0) {
        auto *wall = new QLineSeries;
        wall->setName(tr("wall time %1 ms").arg(locale.toString(stats.wallMs, 'f', 0)));
        wall->append(stats.wallMs, 0.5);
        wall->append(stats.wallMs, m_rowCount + 0.5);
        attach(wall);
        QPen pen(palette().color(QPalette::WindowText));
        pen.setWidth(2);
        pen.setStyle(Qt::DashLine);
        wall->setPen(pen);
    }
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setLabelBrush(palette().brush(QPalette::Text));
    chart->setTitle(stats.count > 0
                        ? tr("%n request(s) over time (%1× faster than one at a time)", nullptr, total)
                              .arg(locale.toString(stats.speedup(), 'f', 1))
                        : tr("%n request(s) over time, none signed", nullptr, total));
    m_bars->setIntervals(stats.intervals, rows, reference);
}

void LatencyChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitRowTicks();
}

void LatencyChart::fitRowTicks()
{
    auto *rows = qobject_cast<QValueAxis *>(timeline()->axes(Qt::Vertical).value(0));
    if (!rows || m_rowCount == 0)
        return;
    // Each row label needs its line and some air, or Qt Charts cuts it to
    // "...": as many labels as the plot's height holds (the view less its
    // title, time axis and legend), never more than about eight.
    const double room = std::max(40.0, double(m_timelineView->height()) - 120.0);
    const int lineHeight = QFontMetrics(rows->labelsFont()).height();
    const int labels = std::clamp(int(room / (lineHeight * 1.6)), 2, 8);
    rows->setTickInterval(std::max(1.0, std::ceil(double(m_rowCount) / labels)));
}

void LatencyChart::styleAxes(QChart *chart) const
{
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.9);
    const auto axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        axis->setLabelsFont(small);
        axis->setTitleFont(small);
    }
}

void LatencyChart::buildHistogram(const LatencyStats &stats)
{
    if (stats.count == 0)
        return; // no signed request: no latency to show
    const QLocale locale;
    // --- histogram: whole-ms bins, whole-request counts ---
    const LatencyStats::Histogram bins = stats.histogram(std::min(HistogramBins, std::max(1, stats.count)));
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
    binAxis->setTitleText(tr("ms (bins of %1 ms)").arg(locale.toString(bins.widthMs)));
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
    styleAxes(histogramChart);
    // Bin labels side by side need their width per bin; where the chart is
    // narrower than that (a small window) they stand upright rather than be
    // cut to "...".
    int widest = 0;
    for (const QString &label : std::as_const(labels))
        widest = std::max(widest, QFontMetrics(binAxis->labelsFont()).horizontalAdvance(label));
    const int perBin = std::max(1, m_histogramView->width() - 90) / std::max(1, int(labels.size()));
    binAxis->setLabelsAngle(widest + 10 > perBin ? -90 : 0);
    histogramChart->legend()->hide();
    histogramChart->setTitle(
        tr("Latency: median %1 ms, p95 %2 ms")
            .arg(locale.toString(stats.p50Ms, 'f', 1), locale.toString(stats.p95Ms, 'f', 1)));
}

} // namespace baokeys::ui
