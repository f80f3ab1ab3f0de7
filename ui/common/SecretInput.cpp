#include "ui/common/SecretInput.h"

#include <QLineEdit>

namespace baokeys::ui {

void SecretInput::makeMasked(QLineEdit *edit)
{
    edit->setEchoMode(QLineEdit::Password);
    edit->setDragEnabled(false);
    edit->setContextMenuPolicy(Qt::NoContextMenu); // no "copy" of a secret by accident
    edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
}

void SecretInput::wipe(QLineEdit *edit)
{
    const qsizetype length = edit->text().size();
    edit->setText(QString(length, QLatin1Char('x')));
    edit->clear(); // clear() also drops the undo history
}

} // namespace baokeys::ui
