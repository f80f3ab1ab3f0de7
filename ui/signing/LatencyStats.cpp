#include "ui/signing/LatencyStats.h"

#include "core/common/Percentile.h"

#include <QCoreApplication>
#include <QLocale>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <queue>
#include <set>

namespace baokeys::ui {

LatencyStats LatencyStats::compute(const QList<Interval> &intervals)
{
    LatencyStats stats;
    stats.intervals = intervals;
    QList<double> latencies;
    latencies.reserve(intervals.size());
    for (const Interval &interval : intervals) {
        stats.spanMs = std::max(stats.spanMs, interval.endMs);
        if (interval.outcome != Outcome::Done)
            continue;
        stats.wallMs = std::max(stats.wallMs, interval.endMs);
        stats.sequentialMs += interval.latencyMs();
        latencies << interval.latencyMs();
    }
    stats.count = int(latencies.size());
    if (latencies.isEmpty())
        return stats;
    std::sort(latencies.begin(), latencies.end());
    stats.minMs = latencies.first();
    stats.maxMs = latencies.last();
    stats.meanMs = stats.sequentialMs / double(latencies.size());
    stats.p50Ms = nearestRank(latencies, 0.50);
    stats.p95Ms = nearestRank(latencies, 0.95);
    return stats;
}

LatencyStats::Histogram LatencyStats::histogram(int maxBins) const
{
    Histogram result;
    maxBins = std::max(maxBins, 1);
    result.originMs = int(std::floor(minMs));
    const double span = maxMs - double(result.originMs);
    // Whole-millisecond bins: the axis then shows 10, 30, 50 ms rather than
    // 10, 28.6, 47.1 ms. Rounding the width up may need fewer bins.
    result.widthMs = std::max(1, int(std::ceil(span / double(maxBins))));
    const int needed = int(std::floor(span / double(result.widthMs))) + 1;
    result.counts = QList<int>(std::clamp(needed, 1, maxBins), 0);
    if (count == 0)
        return result;
    const int last = int(result.counts.size()) - 1;
    for (const Interval &interval : intervals) {
        if (interval.outcome != Outcome::Done)
            continue;
        const int bin = int(std::floor((interval.latencyMs() - double(result.originMs)) / result.widthMs));
        ++result.counts[std::clamp(bin, 0, last)];
    }
    return result;
}

int LatencyStats::Histogram::total() const
{
    int sum = 0;
    for (int count : counts)
        sum += count;
    return sum;
}

int LatencyStats::Histogram::highest() const
{
    return counts.isEmpty() ? 0 : *std::max_element(counts.begin(), counts.end());
}

QString LatencyStats::summary() const
{
    const QLocale locale;
    return QCoreApplication::translate("LatencyStats",
                                       "%Ln signature(s) in %1 ms — sequential would take %2 ms "
                                       "(%3× faster)",
                                       nullptr, count)
        .arg(locale.toString(wallMs, 'f', 0), locale.toString(sequentialMs, 'f', 0),
             locale.toString(speedup(), 'f', 1));
}

LatencyStats::Lanes LatencyStats::lanes() const
{
    Lanes result;
    result.lane = QList<int>(intervals.size(), 0);
    QList<int> byStart(intervals.size());
    std::iota(byStart.begin(), byStart.end(), 0);
    std::stable_sort(byStart.begin(), byStart.end(),
                     [this](int a, int b) { return intervals.at(a).startMs < intervals.at(b).startMs; });
    using Busy = std::pair<double, int>; // a lane's current end, the lane
    std::priority_queue<Busy, std::vector<Busy>, std::greater<>> busy;
    std::set<int> free;
    for (int index : std::as_const(byStart)) {
        const Interval &interval = intervals.at(index);
        while (!busy.empty() && busy.top().first <= interval.startMs) {
            free.insert(busy.top().second);
            busy.pop();
        }
        int lane = result.laneCount;
        if (free.empty())
            ++result.laneCount;
        else {
            lane = *free.begin();
            free.erase(free.begin());
        }
        result.lane[index] = lane;
        busy.emplace(interval.endMs, lane);
    }
    return result;
}

} // namespace baokeys::ui
