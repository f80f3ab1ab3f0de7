#include "ui/keys/SignMessageDialog.h"

#include "core/crypto/Hex.h"
#include "core/keyring/BaoKeyring.h"
#include "ui/common/ErrorReporter.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>

namespace baokeys::ui {

SignMessageDialog::SignMessageDialog(keyring::BaoKeyring &keyring, const QString &uid, QWidget *parent)
    : QDialog(parent), m_keyring(keyring), m_uid(uid)
{
    setWindowTitle(tr("Sign a message with %1").arg(uid));
    setObjectName(QStringLiteral("signMessageDialog"));
    resize(560, 380);
    auto *form = new QFormLayout(this);
    m_format = new QComboBox(this);
    m_format->addItem(tr("Text (UTF-8)"), int(Format::Text));
    m_format->addItem(tr("Hex bytes"), int(Format::Hex));
    form->addRow(tr("&Message is:"), m_format);
    m_message = new QPlainTextEdit(this);
    m_message->setObjectName(QStringLiteral("signMessageText"));
    form->addRow(tr("M&essage:"), m_message);
    m_result = new QPlainTextEdit(this);
    m_result->setObjectName(QStringLiteral("signResult"));
    m_result->setReadOnly(true);
    form->addRow(tr("Signature:"), m_result);
    form->addRow(
        new QLabel(tr("Signed as SHA-256(message); verified here against the stored public key."), this));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_sign = buttons->addButton(tr("&Sign"), QDialogButtonBox::ActionRole);
    m_sign->setObjectName(QStringLiteral("signButton"));
    connect(m_sign, &QPushButton::clicked, this, &SignMessageDialog::sign);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

void SignMessageDialog::sign()
{
    // The field shows the outcome of this Sign and nothing older: a
    // signature left under a refused message would pass for its signature.
    m_result->clear();
    QByteArray message;
    if (Format(m_format->currentData().toInt()) == Format::Hex) {
        auto decoded = crypto::Hex::decode(m_message->toPlainText().trimmed());
        if (!decoded) {
            ErrorReporter::show(this, tr("The message is not valid hex."), decoded.error().message);
            return;
        }
        message = *decoded;
    } else {
        message = m_message->toPlainText().toUtf8();
    }
    m_sign->setEnabled(false);
    m_result->setPlainText(tr("Signing…"));
    m_keyring.signAsync(m_uid, message).then(this, [this](keyring::KeyringResult<keyring::Signature> result) {
        m_sign->setEnabled(true);
        if (!result) {
            m_result->clear();
            ErrorReporter::show(this, tr("Signing with %1 failed.").arg(m_uid), result.error());
            return;
        }
        m_result->setPlainText(tr("signature (r||s): %1\npublic key: %2\ndigest: %3")
                                   .arg(crypto::Hex::encode(result->signature),
                                        crypto::Hex::encode(result->publicKey),
                                        crypto::Hex::encode(result->digest)));
        emit signed_(*result);
    });
}

} // namespace baokeys::ui
