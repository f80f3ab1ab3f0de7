#include "cli/LatencyStats.h"

#include "core/common/Percentile.h"

#include <algorithm>
#include <cmath>

namespace baokeys::cli {

void LatencyStats::add(qint64 durationNs)
{
    m_durationsNs << std::max<qint64>(0, durationNs);
}

double LatencyStats::sumMs() const
{
    qint64 sum = 0;
    for (qint64 ns : m_durationsNs)
        sum += ns;
    return nsToMs(sum);
}

double LatencyStats::percentileMs(double p) const
{
    if (m_durationsNs.isEmpty() || p <= 0)
        return 0;
    QList<qint64> sorted = m_durationsNs;
    std::sort(sorted.begin(), sorted.end());
    return nsToMs(nearestRank(sorted, p / 100.0));
}

double nsToMs(qint64 ns)
{
    return double(std::llround(double(ns) / 1000.0)) / 1000.0;
}

} // namespace baokeys::cli
