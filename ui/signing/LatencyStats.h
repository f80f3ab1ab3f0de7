#pragma once

#include <QList>
#include <QString>

namespace baokeys::ui {

// The timing of a finished batch: when each request started and ended
// (milliseconds since the batch started), the wall time, what the same
// requests would have taken one after another, and a latency histogram.
// A plain value: copy freely, any thread.
struct LatencyStats {
    // How a request ended. Only Done requests count in the timing figures;
    // failed and cancelled ones are drawn, in their own colour.
    enum class Outcome { Done, Failed, Cancelled };

    struct Interval {
        Interval() = default;
        Interval(double start, double end, Outcome how = Outcome::Done, QString signingKey = {})
            : startMs(start), endMs(end), outcome(how), key(std::move(signingKey))
        {}
        double startMs = 0;
        double endMs = 0;
        Outcome outcome = Outcome::Done;
        QString key; // the key that signed (for the bar's tooltip)
        double latencyMs() const { return endMs - startMs; }
    };

    QList<Interval> intervals; // every request that started and ended, whatever its outcome
    int count = 0;             // Done requests
    double spanMs = 0;         // batch start to the last end of any request: the timeline's extent
    double wallMs = 0;         // batch start to the last Done request's end
    double sequentialMs = 0;   // sum of the Done latencies: one request at a time
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

    // Packs the requests into lanes: a request goes to the topmost lane that
    // is free when it starts, so the lanes are what ran side by side (about
    // the parallelism) and thousands of requests still fit a chart. lane[i]
    // is interval i's lane, from 0; laneCount how many were needed.
    struct Lanes {
        QList<int> lane;
        int laneCount = 0;
    };
    Lanes lanes() const;
};

} // namespace baokeys::ui
