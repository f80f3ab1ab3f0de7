#include "ui/connection/PassphraseDialog.h"

#include "core/crypto/SecureBytes.h"
#include "ui/common/SecretInput.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace baokeys::ui {

PassphraseDialog::PassphraseDialog(const QString &folder, bool isNew, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Unlock the signer's data folder"));
    auto *layout = new QVBoxLayout(this);
    auto *text = new QLabel(isNew ? tr("Choose a passphrase to encrypt the keys in %1.").arg(folder)
                                  : tr("Enter the passphrase of the keys in %1.").arg(folder),
                            this);
    text->setWordWrap(true);
    layout->addWidget(text);
    auto *form = new QFormLayout;
    m_passphrase = new QLineEdit(this);
    m_passphrase->setObjectName(QStringLiteral("passphraseEdit"));
    SecretInput::makeMasked(m_passphrase);
    form->addRow(tr("&Passphrase:"), m_passphrase);
    m_repeat = new QLineEdit(this);
    SecretInput::makeMasked(m_repeat);
    if (isNew)
        form->addRow(tr("&Repeat:"), m_repeat);
    else
        m_repeat->hide();
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);
    auto update = [this, ok, isNew] {
        ok->setEnabled(!m_passphrase->text().isEmpty() &&
                       (!isNew || m_passphrase->text() == m_repeat->text()));
    };
    connect(m_passphrase, &QLineEdit::textChanged, this, update);
    connect(m_repeat, &QLineEdit::textChanged, this, update);
}

PassphraseDialog::~PassphraseDialog()
{
    SecretInput::wipe(m_passphrase);
    SecretInput::wipe(m_repeat);
}

QByteArray PassphraseDialog::takePassphrase()
{
    QString text = m_passphrase->text();
    QByteArray bytes = text.toUtf8();
    crypto::wipe(text);
    SecretInput::wipe(m_passphrase);
    SecretInput::wipe(m_repeat);
    return bytes;
}

} // namespace baokeys::ui
