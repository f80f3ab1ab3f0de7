#include "ui/keys/SignTransactionDialog.h"

#include "core/chain/ChainClient.h"
#include "core/chain/TxSubmitter.h"
#include "core/crypto/Hex.h"
#include "core/keyring/BaoKeyring.h"
#include "core/tx/AccountAddress.h"
#include "core/tx/Coin.h"
#include "core/tx/TxBodyBuilder.h"
#include "ui/common/Clipboard.h"
#include "ui/common/ErrorReporter.h"
#include "ui/common/FieldErrors.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

#include <memory>
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
                                             const QString &hrp, const QString &node, QWidget *parent)
    : QDialog(parent), m_keyring(keyring), m_uid(uid), m_hrp(hrp), m_node(node)
{
    setWindowTitle(tr("Sign a test transaction with %1").arg(uid));
    setObjectName(QStringLiteral("signTransactionDialog"));
    resize(640, 600);
    const auto record = keyring.key(uid);
    m_from = record ? record->bech32(hrp) : QString();
    m_errors = new FieldErrors(this);
    const bool online = !node.isEmpty();

    auto *form = new QFormLayout(this);
    auto *from = new QLabel(m_from, this);
    from->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("From:"), from);
    // Hints say what a field wants; a value that works is filled in for real.
    m_to = addField(tr("&To:"), tr("To"), QStringLiteral("txTo"),
                    tr("required: a %1… address").arg(hrp + QStringLiteral("1")));
    m_amount =
        addField(tr("&Amount:"), tr("Amount"), QStringLiteral("txAmount"), tr("required, e.g. 1000utia"));
    m_fee = addField(tr("&Fee:"), tr("Fee"), QStringLiteral("txFee"), tr("empty: no fee"),
                     QStringLiteral("2000utia"));
    m_gas =
        addField(tr("&Gas limit:"), tr("Gas limit"), QStringLiteral("txGas"),
                 online ? tr("a number, or auto to simulate on the chain node") : tr("required, e.g. 100000"),
                 online ? QStringLiteral("auto") : QStringLiteral("100000"));
    m_feeGranter = addField(tr("Fee g&ranter:"), tr("Fee granter"), QStringLiteral("txFeeGranter"),
                            tr("optional: the account whose fee grant pays"));
    m_memo = addField(tr("&Memo:"), tr("Memo"), QStringLiteral("txMemo"), tr("optional"));
    m_chainId =
        addField(tr("&Chain ID:"), tr("Chain ID"), QStringLiteral("txChainId"), tr("required, e.g. mocha-4"));
    const QString asked =
        online ? tr("empty: asked of the chain node") : tr("required offline: the account's, on chain");
    m_accountNumber =
        addField(tr("Account &number:"), tr("Account number"), QStringLiteral("txAccountNumber"), asked);
    m_sequence = addField(tr("S&equence:"), tr("Sequence"), QStringLiteral("txSequence"), asked);

    m_result = new QPlainTextEdit(this);
    m_result->setObjectName(QStringLiteral("txResult"));
    m_result->setReadOnly(true);
    form->addRow(tr("Signed transaction:"), m_result);
    auto *note = new QLabel(
        online
            ? tr("A Cosmos SDK bank send (MsgSend) in SIGN_MODE_DIRECT, signed by the key on the server and "
                 "verified here. Sign and broadcast sends it to %1 and waits for its block.")
                  .arg(node)
            : tr("A Cosmos SDK bank send (MsgSend) in SIGN_MODE_DIRECT, signed by the key on the server and "
                 "verified here. Nothing is broadcast: copy the TxRaw to submit it (a chain node in the "
                 "profile can broadcast it)."),
        this);
    note->setWordWrap(true);
    form->addRow(note);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_sign = buttons->addButton(tr("&Sign"), QDialogButtonBox::ActionRole);
    m_sign->setObjectName(QStringLiteral("txSignButton"));
    // Offline there is no broadcast button at all: a hidden one would not stay
    // hidden, as the button box shows its buttons again each time it lays them out.
    if (online) {
        m_broadcast = buttons->addButton(tr("Sign and &broadcast"), QDialogButtonBox::ActionRole);
        m_broadcast->setObjectName(QStringLiteral("txBroadcastButton"));
        connect(m_broadcast, &QPushButton::clicked, this, [this] { sign(true); });
    }
    m_copy = buttons->addButton(tr("Co&py TxRaw"), QDialogButtonBox::ActionRole);
    m_copy->setObjectName(QStringLiteral("txCopyButton"));
    m_copy->setEnabled(false);
    connect(m_sign, &QPushButton::clicked, this, [this] { sign(false); });
    connect(m_copy, &QPushButton::clicked, this, &SignTransactionDialog::copyTxRaw);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_copied = new QLabel(this);
    m_copied->setObjectName(QStringLiteral("copyFeedback"));
    form->addRow(m_copied);
    form->addRow(buttons);
}

QLineEdit *SignTransactionDialog::addField(const QString &label, const QString &name,
                                           const QString &objectName, const QString &placeholder,
                                           const QString &text)
{
    auto *field = new QLineEdit(text, this);
    field->setObjectName(objectName);
    field->setPlaceholderText(placeholder);
    connect(field, &QLineEdit::textChanged, this, &SignTransactionDialog::fieldsChanged);
    m_errors->add(static_cast<QFormLayout *>(layout()), label, name, field);
    return field;
}

void SignTransactionDialog::sign(bool broadcast)
{
    // Everything that can be refused here is, next to its field, before any request.
    m_errors->clear();
    const bool online = !m_node.isEmpty();
    chain::SubmitOptions options;
    // An empty field is "required", as the placeholder says, not "not a coin".
    const QString amountText = m_amount->text().trimmed();
    auto amount = tx::Coin::parseList(amountText);
    if (amountText.isEmpty())
        m_errors->set(m_amount, tr("required, e.g. 1000utia"));
    else if (!amount || amount->isEmpty())
        m_errors->set(m_amount, tr("not a coin such as 1000utia"));
    auto feeAmount = tx::Coin::parseList(m_fee->text().trimmed());
    if (!feeAmount)
        m_errors->set(m_fee, tr("not a coin such as 2000utia"));
    else
        options.fee = *feeAmount;
    const QString gas = m_gas->text().trimmed();
    if (gas == QLatin1String("auto")) {
        if (!online)
            m_errors->set(m_gas, tr("auto needs a chain node in the profile; enter a number"));
    } else if (const auto limit = wholeNumber(m_gas); limit && *limit > 0) {
        options.gas = *limit;
    } else {
        m_errors->set(m_gas, tr("not a gas limit: a whole number above 0"));
    }
    for (QLineEdit *field : {m_accountNumber, m_sequence}) {
        if (field->text().trimmed().isEmpty()) {
            if (!online)
                m_errors->set(field, tr("required without a chain node"));
            continue;
        }
        const auto value = wholeNumber(field);
        if (!value)
            m_errors->set(field, tr("not a whole number"));
        else
            (field == m_sequence ? options.sequence : options.accountNumber) = *value;
    }
    options.chainId = m_chainId->text().trimmed();
    if (options.chainId.isEmpty())
        m_errors->set(m_chainId, tr("required, e.g. mocha-4"));
    options.feeGranter = m_feeGranter->text().trimmed();
    // To is checked on its own, not through the send (which needs a good
    // amount first): every bad field is named on the same click.
    const QString to = m_to->text().trimmed();
    const auto badAddress = [this](const tx::TxError &error) {
        if (error.kind == tx::TxErrorKind::WrongAddressPrefix)
            m_errors->set(m_to, tr("an address of another chain: this one's addresses start with %1")
                                    .arg(m_hrp + QStringLiteral("1")));
        else
            m_errors->set(m_to, tr("not an address: %1").arg(error.message));
    };
    if (to.isEmpty())
        m_errors->set(m_to, tr("required: a %1… address").arg(m_hrp + QStringLiteral("1")));
    else if (auto address = tx::AccountAddress::check(to, m_hrp, QStringLiteral("to")); !address)
        badAddress(address.error());
    if (!options.feeGranter.isEmpty()) {
        if (auto granter =
                tx::AccountAddress::check(options.feeGranter, m_hrp, QStringLiteral("fee granter"));
            !granter)
            m_errors->set(m_feeGranter, tr("not an address of this chain: %1").arg(granter.error().message));
    }
    if (m_errors->any())
        return;
    tx::TxBodyBuilder body(m_hrp);
    if (auto added = body.addSend(m_from, to, *amount); !added) {
        badAddress(added.error());
        return;
    }
    body.setMemo(m_memo->text());

    m_sign->setEnabled(false);
    if (m_broadcast)
        m_broadcast->setEnabled(false);
    m_copy->setEnabled(false);
    m_txRaw.clear();
    m_result->setPlainText(broadcast ? tr("Signing and broadcasting…") : tr("Signing…"));

    // What the pool thread brings back.
    struct Outcome {
        std::optional<chain::SubmitError> error;
        std::optional<tx::SignedTx> signedTx;
        std::optional<chain::TxResponse> included;
        QList<chain::SubmitEvent> events;
    };
    keyring::BaoKeyring *keyring = &m_keyring;
    const QString uid = m_uid;
    const QString from = m_from;
    const QString node = m_node;
    const quint64 fieldsVersion = m_fieldsVersion;
    // On the keyring's own pool: closing the profile waits for this call.
    m_keyring
        .runAsync([keyring, uid, from, node, body, options, broadcast] {
            Outcome outcome;
            const auto client =
                node.isEmpty() ? nullptr
                               : std::make_unique<chain::ChainClient>(node, std::chrono::milliseconds(15000));
            const chain::TxSubmitter submitter(*keyring, client.get());
            auto prepared = submitter.prepare(uid, from, body, options);
            if (!prepared) {
                outcome.error = prepared.error();
                return outcome;
            }
            auto signedTx = submitter.sign(uid, body, *prepared);
            if (!signedTx) {
                outcome.error = signedTx.error();
                return outcome;
            }
            outcome.signedTx = *signedTx;
            if (!broadcast)
                return outcome;
            auto included =
                submitter.broadcast(uid, from, body, &*prepared, &*outcome.signedTx, options,
                                    [&outcome](const chain::SubmitEvent &event) { outcome.events << event; });
            if (!included)
                outcome.error = included.error();
            else
                outcome.included = *included;
            return outcome;
        })
        .then(this, [this, fieldsVersion](const Outcome &outcome) {
            m_sign->setEnabled(true);
            if (m_broadcast)
                m_broadcast->setEnabled(true);
            QStringList lines;
            if (outcome.signedTx) {
                const QString txRaw = QString::fromLatin1(outcome.signedTx->txRaw.toBase64());
                if (fieldsVersion == m_fieldsVersion) {
                    m_txRaw = txRaw;
                    m_copy->setEnabled(true);
                } else {
                    lines << staleNote(); // edited while it was being signed
                }
                lines << tr("TxRaw (base64): %1\ntx hash: %2\nsignature (r||s): %3")
                             .arg(txRaw, outcome.signedTx->txHash,
                                  crypto::Hex::encode(outcome.signedTx->signature));
            }
            for (const auto &event : outcome.events) {
                if (event.kind == chain::SubmitEvent::Kind::SequenceRefused)
                    lines << tr("The chain refused sequence %1 (%2); asked again and signed once more.")
                                 .arg(event.sequence)
                                 .arg(event.message);
            }
            if (outcome.included)
                lines << tr("Included at height %1.").arg(outcome.included->height);
            m_result->setPlainText(lines.join(QLatin1Char('\n')));
            if (!outcome.error)
                return;
            const chain::SubmitError &error = *outcome.error;
            if (error.txError && error.txError->keyringError)
                ErrorReporter::show(this, tr("Signing with %1 failed.").arg(m_uid),
                                    *error.txError->keyringError);
            else if (error.accountMissing)
                ErrorReporter::show(
                    this, tr("The transaction cannot be signed."),
                    tr("%1 has no account on the chain yet: it needs funds before it can sign.").arg(m_from));
            else if (error.chainError && error.chainError->isSequenceMismatch())
                ErrorReporter::show(this, tr("The chain refused the sequence."),
                                    tr("account sequence mismatch (code 32): %1. Leave Sequence empty to ask "
                                       "the chain node.")
                                        .arg(error.chainError->message));
            else
                ErrorReporter::show(this,
                                    outcome.signedTx ? tr("The transaction was not included.")
                                                     : tr("The transaction cannot be signed."),
                                    error.describe());
        });
}

void SignTransactionDialog::fieldsChanged()
{
    ++m_fieldsVersion;
    if (m_txRaw.isEmpty())
        return;
    // What was signed stays readable (its hash, a height it was included at),
    // but it is no longer offered as the form's transaction.
    m_txRaw.clear();
    m_copy->setEnabled(false);
    m_copied->clear();
    m_result->setPlainText(staleNote() + QLatin1Char('\n') + m_result->toPlainText());
}

QString SignTransactionDialog::staleNote()
{
    return tr(
        "The fields changed after this transaction was signed: sign again to copy one that matches them.");
}

void SignTransactionDialog::copyTxRaw()
{
    Clipboard::instance()->setText(m_txRaw);
    m_copied->setText(tr("TxRaw copied."));
}

} // namespace baokeys::ui
