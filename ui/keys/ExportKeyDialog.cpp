#include "ui/keys/ExportKeyDialog.h"

#include "core/crypto/Hex.h"
#include "core/keyring/BaoKeyring.h"
#include "ui/common/Clipboard.h"
#include "ui/common/ErrorReporter.h"
#include "ui/common/SecretInput.h"
#include "ui/common/WindowFit.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace baokeys::ui {

ExportKeyDialog::ExportKeyDialog(keyring::BaoKeyring &keyring, const QString &uid, QWidget *parent)
    : QDialog(parent), m_keyring(keyring), m_uid(uid)
{
    setWindowTitle(tr("Export private key of %1").arg(uid));
    setObjectName(QStringLiteral("exportDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *warningRow = new QHBoxLayout;
    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(32, 32));
    warningRow->addWidget(icon, 0, Qt::AlignTop);
    auto *warning =
        new QLabel(tr("Anyone who sees this private key controls the key and everything its address "
                      "holds. Export it only to back it up somewhere safe, never to a shared screen, "
                      "chat or unencrypted file."),
                   this);
    warning->setObjectName(QStringLiteral("exportWarning"));
    warning->setWordWrap(true);
    warningRow->addWidget(warning, 1);
    layout->addLayout(warningRow);
    m_understand = new QCheckBox(tr("I &understand the risk and want to export this key"), this);
    m_understand->setObjectName(QStringLiteral("exportUnderstand"));
    layout->addWidget(m_understand);
    m_secret = new QLineEdit(this);
    m_secret->setObjectName(QStringLiteral("exportSecret"));
    m_secret->setReadOnly(true);
    SecretInput::makeMasked(m_secret);
    m_secret->hide();
    layout->addWidget(m_secret);
    m_reveal = new QCheckBox(tr("&Reveal"), this);
    m_reveal->hide();
    layout->addWidget(m_reveal);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_export = buttons->addButton(tr("&Export"), QDialogButtonBox::ActionRole);
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_export->setEnabled(false);
    m_copy =
        buttons->addButton(tr("&Copy (cleared after %1 s)").arg(Clipboard::DefaultSecretTimeoutMs / 1000),
                           QDialogButtonBox::ActionRole);
    m_copy->hide();
    layout->addWidget(buttons);
    connect(m_understand, &QCheckBox::toggled, m_export, &QPushButton::setEnabled);
    connect(m_export, &QPushButton::clicked, this, &ExportKeyDialog::exportKey);
    connect(m_reveal, &QCheckBox::toggled, this,
            [this](bool on) { m_secret->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password); });
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QString secret = m_secret->text();
        Clipboard::instance()->setSecret(secret);
        crypto::wipe(secret);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

ExportKeyDialog::~ExportKeyDialog()
{
    SecretInput::wipe(m_secret);
}

void ExportKeyDialog::exportKey()
{
    m_export->setEnabled(false);
    m_understand->setEnabled(false);
    keyring::BaoKeyring *keyring = &m_keyring;
    const QString uid = m_uid;
    // The hex text is made on the worker thread; the SecureBytes is wiped there.
    // On the keyring's own pool: closing the profile waits for this call.
    m_keyring
        .runAsync([keyring, uid]() -> keyring::KeyringResult<QString> {
            auto exported = keyring->exportPrivateKey(uid);
            if (!exported)
                return baokeys::unexpected(exported.error());
            return crypto::Hex::encode(exported->view());
        })
        .then(this, [this](keyring::KeyringResult<QString> result) {
            if (!result) {
                m_understand->setEnabled(true);
                m_export->setEnabled(m_understand->isChecked());
                ErrorReporter::show(this, tr("Exporting %1 failed.").arg(m_uid), result.error());
                return;
            }
            m_secret->setText(*result);
            crypto::wipe(*result);
            m_secret->show();
            m_reveal->show();
            m_copy->show();
            WindowFit::growToContents(this);
        });
}

} // namespace baokeys::ui
