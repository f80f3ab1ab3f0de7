#include "signing/LatencyStats.h"

#include <QCoreApplication>
#include <QLocale>
#include <algorithm>
#include <cmath>

namespace baokeys::ui {

LatencyStats LatencyStats::compute(const QList<Interval> &intervals)
{
    LatencyStats stats;
    stats.intervals = intervals;
    stats.count = int(intervals.size());
    if (intervals.isEmpty())
        return stats;
    QList<double> latencies;
    latencies.reserve(intervals.size());
    for (const Interval &interval : intervals) {
        stats.wallMs = std::max(stats.wallMs, interval.endMs);
        stats.sequentialMs += interval.latencyMs();
        latencies << interval.latencyMs();
    }
    std::sort(latencies.begin(), latencies.end());
    stats.minMs = latencies.first();
    stats.maxMs = latencies.last();
    stats.meanMs = stats.sequentialMs / double(latencies.size());
    auto percentile = [&latencies](double p) {
        const auto rank = qsizetype(std::ceil(p * double(latencies.size()))) - 1;
        return latencies.at(std::clamp<qsizetype>(rank, 0, latencies.size() - 1));
    };
    stats.p50Ms = percentile(0.50);
    stats.p95Ms = percentile(0.95);
    return stats;
}

QList<int> LatencyStats::histogram(int bins, double *binWidthMs) const
{
    QList<int> counts(std::max(bins, 1), 0);
    const double span = maxMs - minMs;
    const double width = span > 0 ? span / double(counts.size()) : 1.0;
    if (binWidthMs)
        *binWidthMs = width;
    for (const Interval &interval : intervals) {
        int bin = span > 0 ? int((interval.latencyMs() - minMs) / width) : 0;
        bin = std::clamp(bin, 0, int(counts.size()) - 1);
        ++counts[bin];
    }
    return counts;
}

QString LatencyStats::summary() const
{
    const QLocale locale;
    return QCoreApplication::translate("LatencyStats",
                                       "%n signature(s) in %1 ms — sequential would take %2 ms "
                                       "(%3× faster)",
                                       nullptr, count)
        .arg(locale.toString(wallMs, 'f', 0), locale.toString(sequentialMs, 'f', 0),
             locale.toString(speedup(), 'f', 1));
}

} // namespace baokeys::ui
