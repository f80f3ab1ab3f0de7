#include "ui/keys/NewKeyDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>

namespace baokeys::ui {

NewKeyDialog::NewKeyDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("New key"));
    auto *form = new QFormLayout(this);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("newKeyName"));
    // OpenBao's key-name pattern: \w(([\w-.]+)?\w)?
    m_name->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[\\w][\\w.-]*")), this));
    form->addRow(tr("&Name:"), m_name);
    m_exportable = new QCheckBox(tr("&Exportable (the private key may be read back later)"), this);
    form->addRow(QString(), m_exportable);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Create"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(m_name, &QLineEdit::textChanged, this, [buttons](const QString &text) {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.isEmpty());
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

QString NewKeyDialog::name() const
{
    return m_name->text().trimmed();
}

bool NewKeyDialog::exportable() const
{
    return m_exportable->isChecked();
}

} // namespace baokeys::ui
