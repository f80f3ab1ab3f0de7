#include "ui/signing/SpeedComparison.h"

#include "ui/signing/RequestBarsItem.h"

#include <QLocale>
#include <QPainter>

namespace baokeys::ui {

namespace {
constexpr int Margin = 6;
constexpr int Gap = 4;
} // namespace

SpeedComparison::SpeedComparison(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("speedComparison"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    hide(); // until a batch has times to compare
}

void SpeedComparison::setTimes(double parallelMs, double sequentialMs)
{
    m_parallelMs = parallelMs;
    m_sequentialMs = sequentialMs;
    setToolTip(tr("The batch's wall time against what the same requests would take one at a time."));
    setVisible(parallelMs > 0 && sequentialMs > 0);
    update();
}

void SpeedComparison::clear()
{
    m_parallelMs = m_sequentialMs = 0;
    hide();
}

QString SpeedComparison::parallelText() const
{
    return tr("parallel %1 ms").arg(QLocale().toString(m_parallelMs, 'f', 0));
}

QString SpeedComparison::sequentialText() const
{
    return tr("sequential %1 ms").arg(QLocale().toString(m_sequentialMs, 'f', 0));
}

QSize SpeedComparison::sizeHint() const
{
    return {320, minimumSizeHint().height()};
}

QSize SpeedComparison::minimumSizeHint() const
{
    return {160, 2 * fontMetrics().height() + Gap + 2 * Margin};
}

void SpeedComparison::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QFontMetrics metrics = fontMetrics();
    const int rowHeight = metrics.height();
    const QStringList names{tr("parallel"), tr("sequential")};
    int labelWidth = 0;
    for (const QString &name : names)
        labelWidth = std::max(labelWidth, metrics.horizontalAdvance(name));
    const QList<double> values{m_parallelMs, m_sequentialMs};
    const QStringList texts{tr("%1 ms").arg(QLocale().toString(m_parallelMs, 'f', 0)),
                            tr("%1 ms").arg(QLocale().toString(m_sequentialMs, 'f', 0))};
    const int valueWidth =
        std::max(metrics.horizontalAdvance(texts.at(0)), metrics.horizontalAdvance(texts.at(1)));
    const int barLeft = Margin + labelWidth + 2 * Gap;
    const int barSpace = std::max(1, width() - barLeft - valueWidth - Margin - 2 * Gap);
    const double scale = std::max(m_parallelMs, m_sequentialMs);
    const QList<QColor> colours{RequestBarsItem::colorOf(LatencyStats::Outcome::Done),
                                palette().color(QPalette::Mid)};
    for (int i = 0; i < 2; ++i) {
        const int top = Margin + i * (rowHeight + Gap);
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRect(Margin, top, labelWidth, rowHeight), Qt::AlignRight | Qt::AlignVCenter,
                         names.at(i));
        const int barWidth = std::max(2, int(barSpace * (scale > 0 ? values.at(i) / scale : 0)));
        painter.fillRect(QRect(barLeft, top + 2, barWidth, rowHeight - 4), colours.at(i));
        painter.drawText(QRect(barLeft + barWidth + Gap, top, valueWidth + Gap, rowHeight),
                         Qt::AlignLeft | Qt::AlignVCenter, texts.at(i));
    }
}

} // namespace baokeys::ui
