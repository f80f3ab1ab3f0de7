#include "ui/common/StatusMessage.h"

#include <QEvent>
#include <QLayout>
#include <QStatusBar>
#include <QWidget>

namespace baokeys::ui {

namespace {
// QStatusBar's own margin left of the message and the gap kept before the
// first permanent widget.
constexpr int MessageMargin = 8;
constexpr int GapBeforeLabels = 12;
} // namespace

StatusMessage::StatusMessage(QStatusBar *bar) : QObject(bar), m_bar(bar)
{
    m_bar->installEventFilter(this);
    // Expired or replaced by someone else: its whole text is no tooltip now.
    connect(m_bar, &QStatusBar::messageChanged, this, [this](const QString &message) {
        if (message.isEmpty() || message != m_shown) {
            m_text.clear();
            m_bar->setToolTip(QString());
        }
    });
}

void StatusMessage::keepClearOf(const QList<QWidget *> &widgets)
{
    for (QWidget *widget : widgets) {
        m_permanent << widget;
        widget->installEventFilter(this);
    }
}

void StatusMessage::show(const QString &text, int timeoutMs)
{
    m_text = text;
    m_timeoutMs = timeoutMs;
    m_shownFor.start();
    m_shown.clear(); // shown anew, with its whole timeout, even if unchanged
    elide();
}

bool StatusMessage::eventFilter(QObject *watched, QEvent *event)
{
    const auto type = event->type();
    // Seen in the middle of a layout pass: elide once it is done.
    if ((type == QEvent::Resize || type == QEvent::Move || type == QEvent::Show || type == QEvent::Hide) &&
        !m_text.isEmpty() && !m_elidePending) {
        m_elidePending = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_elidePending = false;
                elide();
            },
            Qt::QueuedConnection);
    }
    return QObject::eventFilter(watched, event);
}

int StatusMessage::room() const
{
    // The permanent widgets sit right-aligned at their size hints; laid out
    // now, their left edge is where the message must end.
    if (QLayout *layout = m_bar->layout())
        layout->activate();
    int left = m_bar->width();
    for (const QPointer<QWidget> &widget : m_permanent) {
        if (widget && widget->isVisible() && widget->width() > 0)
            left = qMin(left, widget->mapTo(m_bar, QPoint(0, 0)).x());
    }
    return qMax(0, left - MessageMargin - GapBeforeLabels);
}

void StatusMessage::elide()
{
    if (m_text.isEmpty() || !m_shownFor.isValid())
        return;
    const qint64 left = m_timeoutMs > 0 ? m_timeoutMs - m_shownFor.elapsed() : 0;
    if (m_timeoutMs > 0 && left <= 0)
        return; // expired: QStatusBar has cleared it
    const QString shown = m_bar->fontMetrics().elidedText(m_text, Qt::ElideRight, room());
    if (shown == m_shown)
        return;
    m_shown = shown;
    m_bar->showMessage(shown, int(left));
    m_bar->setToolTip(shown == m_text ? QString() : m_text);
}

} // namespace baokeys::ui
