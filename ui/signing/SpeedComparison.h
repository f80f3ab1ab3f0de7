#pragma once

#include <QWidget>

namespace baokeys::ui {

// What the parallelism bought, as two labelled bars on one scale:
// "parallel 174 ms" against "sequential 9,854 ms". It sits beside the
// request timeline rather than on its axis, so the timeline keeps the scale
// of the batch itself and its bars stay readable.
//
// Thread-safety: GUI thread only.
class SpeedComparison : public QWidget {
    Q_OBJECT
public:
    explicit SpeedComparison(QWidget *parent = nullptr);

    void setTimes(double parallelMs, double sequentialMs);
    void clear();

    // The two labels as drawn, e.g. "parallel 174 ms" (for tests and tooltips).
    QString parallelText() const;
    QString sequentialText() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    double m_parallelMs = 0;
    double m_sequentialMs = 0;
};

} // namespace baokeys::ui
