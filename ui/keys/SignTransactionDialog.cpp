#include "ui/keys/SignTransactionDialog.h"

#include "core/crypto/Hex.h"
#include "core/keyring/BaoKeyring.h"
#include "core/tx/Coin.h"
#include "core/tx/TxBodyBuilder.h"
#include "core/tx/TxSigner.h"
#include "ui/common/Clipboard.h"
#include "ui/common/ErrorReporter.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

#include <optional>

namespace baokeys::ui {

namespace {

// An account number, a sequence or a gas limit: a whole number that fits the
// 64 bits the transaction carries.
std::optional<quint64> wholeNumber(const QLineEdit *field)
{
    bool ok = false;
    const quint64 value = field->text().trimmed().toULongLong(&ok);
    return ok ? std::optional<quint64>(value) : std::nullopt;
}

} // namespace

SignTransactionDialog::SignTransactionDialog(keyring::BaoKeyring &keyring, const QString &uid,
                                             const QString &hrp, QWidget *parent)
    : QDialog(parent), m_keyring(keyring), m_uid(uid), m_hrp(hrp)
{
    setWindowTitle(tr("Sign a test transaction with %1").arg(uid));
    setObjectName(QStringLiteral("signTransactionDialog"));
    resize(640, 560);
    const auto record = keyring.key(uid);
    m_from = record ? record->bech32(hrp) : QString();

    auto *form = new QFormLayout(this);
    auto *from = new QLabel(m_from, this);
    from->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("From:"), from);
    m_to = addField(tr("&To:"), QStringLiteral("txTo"), hrp + QStringLiteral("1…"));
    m_amount = addField(tr("&Amount:"), QStringLiteral("txAmount"), QStringLiteral("1000000utia"));
    m_fee = addField(tr("&Fee:"), QStringLiteral("txFee"), QStringLiteral("2000utia"));
    m_gas = addField(tr("&Gas limit:"), QStringLiteral("txGas"), QStringLiteral("80000"));
    m_feeGranter = addField(tr("Fee g&ranter:"), QStringLiteral("txFeeGranter"),
                            tr("optional: the account whose fee grant pays"));
    m_memo = addField(tr("&Memo:"), QStringLiteral("txMemo"), QString());
    m_chainId = addField(tr("&Chain ID:"), QStringLiteral("txChainId"), QStringLiteral("mocha-4"));
    m_accountNumber =
        addField(tr("Account &number:"), QStringLiteral("txAccountNumber"), QStringLiteral("0"));
    m_sequence = addField(tr("S&equence:"), QStringLiteral("txSequence"), QStringLiteral("0"));

    m_result = new QPlainTextEdit(this);
    m_result->setObjectName(QStringLiteral("txResult"));
    m_result->setReadOnly(true);
    form->addRow(tr("Signed transaction:"), m_result);
    auto *note =
        new QLabel(tr("A Cosmos SDK bank send (MsgSend) in SIGN_MODE_DIRECT, signed by the key on the "
                      "server and verified here. Nothing is broadcast: copy the TxRaw to submit it."),
                   this);
    note->setWordWrap(true);
    form->addRow(note);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_sign = buttons->addButton(tr("&Sign"), QDialogButtonBox::ActionRole);
    m_sign->setObjectName(QStringLiteral("txSignButton"));
    m_copy = buttons->addButton(tr("Co&py TxRaw"), QDialogButtonBox::ActionRole);
    m_copy->setObjectName(QStringLiteral("txCopyButton"));
    m_copy->setEnabled(false);
    connect(m_sign, &QPushButton::clicked, this, &SignTransactionDialog::sign);
    connect(m_copy, &QPushButton::clicked, this, &SignTransactionDialog::copyTxRaw);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_copied = new QLabel(this);
    m_copied->setObjectName(QStringLiteral("copyFeedback"));
    form->addRow(m_copied);
    form->addRow(buttons);
}

QLineEdit *SignTransactionDialog::addField(const QString &label, const QString &objectName,
                                           const QString &placeholder)
{
    auto *field = new QLineEdit(this);
    field->setObjectName(objectName);
    field->setPlaceholderText(placeholder);
    static_cast<QFormLayout *>(layout())->addRow(label, field);
    return field;
}

void SignTransactionDialog::sign()
{
    // Everything that can be refused here is, before any request.
    const auto refuse = [this](const QString &detail) {
        ErrorReporter::show(this, tr("The transaction cannot be signed."), detail);
    };
    auto amount = tx::Coin::parseList(m_amount->text().trimmed());
    if (!amount)
        return refuse(amount.error().describe());
    auto feeAmount = tx::Coin::parseList(m_fee->text().trimmed());
    if (!feeAmount)
        return refuse(feeAmount.error().describe());
    const auto gas = wholeNumber(m_gas);
    const auto accountNumber = wholeNumber(m_accountNumber);
    const auto sequence = wholeNumber(m_sequence);
    for (const auto &[value, field] : {std::pair{gas, m_gas}, std::pair{accountNumber, m_accountNumber},
                                       std::pair{sequence, m_sequence}}) {
        if (!value)
            return refuse(tr("\"%1\" is not a whole number.").arg(field->text()));
    }
    tx::TxBodyBuilder body(m_hrp);
    if (auto added = body.addSend(m_from, m_to->text().trimmed(), *amount); !added)
        return refuse(added.error().describe());
    body.setMemo(m_memo->text());
    const tx::Fee fee{*feeAmount, *gas, m_feeGranter->text().trimmed()};
    const tx::SignerAccount account{m_chainId->text().trimmed(), *accountNumber, *sequence};

    m_sign->setEnabled(false);
    m_copy->setEnabled(false);
    m_txRaw.clear();
    m_result->setPlainText(tr("Signing…"));
    keyring::BaoKeyring *keyring = &m_keyring;
    const QString uid = m_uid;
    // On the keyring's own pool: closing the profile waits for this call.
    m_keyring
        .runAsync([keyring, uid, body, fee, account] {
            return tx::TxSigner(*keyring).sign(uid, body, fee, account);
        })
        .then(this, [this](tx::TxResult<tx::SignedTx> signedTx) {
            m_sign->setEnabled(true);
            if (!signedTx) {
                m_result->clear();
                const tx::TxError &error = signedTx.error();
                if (error.keyringError)
                    ErrorReporter::show(this, tr("Signing with %1 failed.").arg(m_uid), *error.keyringError);
                else
                    ErrorReporter::show(this, tr("The transaction cannot be signed."), error.describe());
                return;
            }
            m_txRaw = QString::fromLatin1(signedTx->txRaw.toBase64());
            m_result->setPlainText(
                tr("TxRaw (base64): %1\ntx hash: %2\nsignature (r||s): %3")
                    .arg(m_txRaw, signedTx->txHash, crypto::Hex::encode(signedTx->signature)));
            m_copy->setEnabled(true);
        });
}

void SignTransactionDialog::copyTxRaw()
{
    Clipboard::instance()->setText(m_txRaw);
    m_copied->setText(tr("TxRaw copied."));
}

} // namespace baokeys::ui
