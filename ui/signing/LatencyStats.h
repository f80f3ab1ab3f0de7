#pragma once

#include <QList>
#include <QString>

namespace baokeys::ui {

// The timing of a finished batch: when each request started and ended
// (milliseconds since the batch started), the wall time, what the same
// requests would have taken one after another, and a latency histogram.
// A plain value: copy freely, any thread.
struct LatencyStats {
    struct Interval {
        double startMs = 0;
        double endMs = 0;
        double latencyMs() const { return endMs - startMs; }
    };

    QList<Interval> intervals;
    int count = 0;
    double wallMs = 0;       // batch start to the last request's end
    double sequentialMs = 0; // sum of the latencies: one request at a time
    double minMs = 0;
    double maxMs = 0;
    double meanMs = 0;
    double p50Ms = 0;
    double p95Ms = 0;

    static LatencyStats compute(const QList<Interval> &intervals);
    double speedup() const { return wallMs > 0 ? sequentialMs / wallMs : 0; }

    // `bins` equal-width bins over [minMs, maxMs]; the last bin includes maxMs.
    QList<int> histogram(int bins, double *binWidthMs = nullptr) const;

    // "N signatures in X ms — sequential would take Y ms (Z× faster)".
    QString summary() const;
};

} // namespace baokeys::ui
