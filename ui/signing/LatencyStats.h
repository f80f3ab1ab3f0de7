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

    // A latency histogram with whole-millisecond bins, so its axis reads in
    // whole numbers (no 28.6 ms bin edges): bin i counts the requests whose latency lies in
    // [originMs + i*widthMs, originMs + (i+1)*widthMs); the last bin also
    // takes maxMs. Counts are whole requests.
    struct Histogram {
        int originMs = 0;  // floor(minMs)
        int widthMs = 1;   // at least 1 ms
        QList<int> counts; // at most the bins asked for, fewer when 1 ms bins cover the span
        int binStartMs(int bin) const { return originMs + bin * widthMs; }
        int total() const;
        int highest() const;
    };
    Histogram histogram(int maxBins) const;

    // "N signatures in X ms — sequential would take Y ms (Z× faster)".
    QString summary() const;
};

} // namespace baokeys::ui
