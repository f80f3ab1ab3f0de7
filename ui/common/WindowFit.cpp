#include "ui/common/WindowFit.h"

#include <QLayout>
#include <QWidget>

namespace baokeys::ui {

void WindowFit::growToContents(QWidget *widget)
{
    QWidget *window = widget->window();
    QLayout *layout = window->layout();
    if (!layout)
        return;
    layout->activate(); // take in the widgets just shown
    const int needed = layout->hasHeightForWidth() ? layout->totalHeightForWidth(window->width())
                                                   : layout->totalSizeHint().height();
    if (window->height() < needed)
        window->resize(window->width(), needed);
}

} // namespace baokeys::ui
