#pragma once

#include <QList>
#include <QtGlobal>

namespace baokeys::cli {

// The figures of a batch summary from its items' durations: sum, median and
// 99th percentile (nearest-rank: the smallest duration with at least p% of
// the items at or below it), in milliseconds.
// A plain value; thread-safe as long as it is not modified concurrently.
class LatencyStats {
public:
    void add(qint64 durationNs);
    int count() const { return int(m_durationsNs.size()); }
    double sumMs() const;
    // p in (0, 100]; 0 when there are no items.
    double percentileMs(double p) const;

private:
    QList<qint64> m_durationsNs;
};

// Nanoseconds as milliseconds rounded to the microsecond, for JSON output.
double nsToMs(qint64 ns);

} // namespace baokeys::cli
