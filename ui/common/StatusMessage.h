#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class QStatusBar;
class QWidget;

namespace baokeys::ui {

// A status bar's transient message that never runs under its permanent
// widgets. QStatusBar paints the message left of them but does not clip it,
// and their widths change after the message is shown (a sync result arrives,
// the connection label is retranslated, the window shrinks). So the message
// is elided to the room they leave, and elided again whenever the bar or one
// of them changes size or place. The whole text is the bar's tooltip.
class StatusMessage : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY(StatusMessage)

public:
    explicit StatusMessage(QStatusBar *bar);

    // The widgets the message must stay left of: the bar's permanent ones.
    void keepClearOf(const QList<QWidget *> &widgets);
    void show(const QString &text, int timeoutMs = 8000);
    QString text() const { return m_text; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    int room() const;
    void elide();

    QStatusBar *m_bar;
    QList<QPointer<QWidget>> m_permanent;
    QString m_text;  // whole
    QString m_shown; // as elided in the bar now
    bool m_elidePending = false;
    int m_timeoutMs = 0;
    QElapsedTimer m_shownFor;
};

} // namespace baokeys::ui
