#include "ui/keys/ImportKeyDialog.h"

#include "core/crypto/Bip32.h"
#include "core/crypto/Bip39.h"
#include "core/crypto/Hex.h"
#include "core/crypto/Secp256k1.h"
#include "ui/common/FieldErrors.h"
#include "ui/common/SecretInput.h"
#include "ui/keys/NewKeyDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace baokeys::ui {

namespace {
constexpr int MnemonicChars = 72;
} // namespace

ImportKeyDialog::ImportKeyDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Import key"));
    auto *form = new QFormLayout(this);
    m_errors = new FieldErrors(this);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("importName"));
    m_errors->add(form, tr("&Name:"), tr("Name"), m_name);
    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("importMode"));
    m_mode->addItem(tr("Private key (hex)"), int(Mode::Hex));
    m_mode->addItem(tr("Mnemonic (BIP-39)"), int(Mode::Mnemonic));
    form->addRow(tr("&From:"), m_mode);
    m_secret = new QLineEdit(this);
    m_secret->setObjectName(QStringLiteral("importSecret"));
    SecretInput::makeMasked(m_secret);
    // Room for a 24-word mnemonic at a glance, not ~140 px of it.
    m_secret->setMinimumWidth(m_secret->fontMetrics().averageCharWidth() * MnemonicChars);
    m_errors->add(form, tr("&Secret:"), tr("Secret"), m_secret);
    m_show = new QCheckBox(tr("S&how while typing"), this);
    form->addRow(QString(), m_show);
    m_passphrase = new QLineEdit(this);
    SecretInput::makeMasked(m_passphrase);
    form->addRow(tr("BIP-39 &passphrase:"), m_passphrase);
    m_hdPath = new QLineEdit(QStringLiteral("m/44'/118'/0'/0/0"), this);
    m_hdPath->setObjectName(QStringLiteral("importHdPath"));
    m_errors->add(form, tr("HD pa&th:"), tr("HD path"), m_hdPath);
    m_exportable = new QCheckBox(tr("&Exportable"), this);
    form->addRow(QString(), m_exportable);
    auto *note = new QLabel(tr("The secret is sent once to the signer and wiped from this window."), this);
    note->setWordWrap(true);
    form->addRow(note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Import"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ImportKeyDialog::acceptIfValid);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &ImportKeyDialog::updateMode);
    connect(m_show, &QCheckBox::toggled, this,
            [this](bool show) { m_secret->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password); });
    updateMode();
}

ImportKeyDialog::~ImportKeyDialog()
{
    SecretInput::wipe(m_secret);
    SecretInput::wipe(m_passphrase);
}

void ImportKeyDialog::updateMode()
{
    const bool mnemonic = mode() == Mode::Mnemonic;
    m_passphrase->setEnabled(mnemonic);
    m_hdPath->setEnabled(mnemonic);
    m_secret->setPlaceholderText(mnemonic ? tr("12 or 24 words") : tr("64 hex digits"));
}

void ImportKeyDialog::acceptIfValid()
{
    m_errors->clear();
    if (const QString problem = NewKeyDialog::problemWith(name()); !problem.isEmpty())
        m_errors->set(m_name, problem);
    const bool mnemonic = mode() == Mode::Mnemonic;
    QString secret = m_secret->text().simplified();
    if (secret.isEmpty()) {
        m_errors->set(m_secret, mnemonic ? tr("required: 12 or 24 words") : tr("required: 64 hex digits"));
    } else if (mnemonic) {
        if (auto words = crypto::Bip39::validateMnemonic(secret); !words)
            m_errors->set(m_secret, tr("not a BIP-39 mnemonic: %1").arg(words.error().message));
        if (auto path = crypto::HdPath::parse(hdPath()); !path)
            m_errors->set(m_hdPath,
                          tr("not an HD path such as m/44'/118'/0'/0/0: %1").arg(path.error().message));
    } else {
        // The decoded key is SecureBytes and wipes itself.
        auto key = crypto::Hex::decodeSecret(secret);
        if (!key)
            m_errors->set(m_secret, tr("not a private key in hex: %1").arg(key.error().message));
        else if (auto valid = crypto::Secp256k1::validatePrivateKey(*key); !valid)
            m_errors->set(m_secret, tr("not a private key: %1").arg(valid.error().message));
    }
    crypto::wipe(secret);
    if (!m_errors->any())
        accept();
}

QString ImportKeyDialog::name() const
{
    return m_name->text().trimmed();
}

ImportKeyDialog::Mode ImportKeyDialog::mode() const
{
    return Mode(m_mode->currentData().toInt());
}

bool ImportKeyDialog::exportable() const
{
    return m_exportable->isChecked();
}

QString ImportKeyDialog::hdPath() const
{
    return m_hdPath->text().trimmed();
}

QString ImportKeyDialog::takeSecret()
{
    QString secret = m_secret->text().simplified();
    SecretInput::wipe(m_secret);
    return secret;
}

QString ImportKeyDialog::takeBip39Passphrase()
{
    QString passphrase = m_passphrase->text();
    SecretInput::wipe(m_passphrase);
    return passphrase;
}

} // namespace baokeys::ui
