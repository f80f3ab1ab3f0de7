#include "ui/keys/DeleteKeyDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace baokeys::ui {

DeleteKeyDialog::DeleteKeyDialog(const QString &uid, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Delete key"));
    auto *layout = new QVBoxLayout(this);
    auto *text = new QLabel(tr("Deleting <b>%1</b> destroys its private key on the server. Funds held by its "
                               "address can no longer be moved unless the key was backed up.<br><br>"
                               "Type the key's name to confirm:")
                                .arg(uid.toHtmlEscaped()),
                            this);
    text->setWordWrap(true);
    layout->addWidget(text);
    m_confirm = new QLineEdit(this);
    m_confirm->setObjectName(QStringLiteral("deleteConfirm"));
    m_confirm->setPlaceholderText(uid);
    layout->addWidget(m_confirm);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("&Delete"));
    ok->setEnabled(false);
    connect(m_confirm, &QLineEdit::textChanged, this,
            [ok, uid](const QString &text) { ok->setEnabled(text == uid); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace baokeys::ui
