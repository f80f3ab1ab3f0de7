#pragma once

#include <QList>

#include <algorithm>
#include <cmath>

namespace baokeys {

// The nearest-rank percentile of values sorted in ascending order: the
// smallest value with at least `fraction` of the values at or below it
// (fraction in (0, 1]; 0.5 is the median). The one rule the CLI's batch
// summary and the desktop app's latency chart both use. T{} when empty.
// Thread-safe: a pure function.
template <typename T> T nearestRank(const QList<T> &sorted, double fraction)
{
    if (sorted.isEmpty())
        return T{};
    const auto rank = qsizetype(std::ceil(std::clamp(fraction, 0.0, 1.0) * double(sorted.size())));
    return sorted.at(std::clamp<qsizetype>(rank, 1, sorted.size()) - 1);
}

} // namespace baokeys
