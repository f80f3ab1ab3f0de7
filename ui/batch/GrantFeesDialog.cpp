#include "ui/batch/GrantFeesDialog.h"

#include "core/chain/ChainClient.h"
#include "core/keyring/BaoKeyring.h"
#include "ui/batch/BatchExport.h"
#include "ui/batch/GranteeTableModel.h"
#include "ui/common/Clipboard.h"
#include "ui/common/FieldErrors.h"
#include "ui/common/NaturalOrder.h"
#include "ui/connection/Session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <memory>

namespace baokeys::ui {

namespace {

constexpr std::chrono::milliseconds ChainTimeout{15000};
const QString PayForBlobs = QStringLiteral("/celestia.blob.v1.MsgPayForBlobs");

// What the node said about the workers and the granter.
struct RefreshResult {
    std::optional<chain::ChainError> error;
    std::optional<QList<tx::Coin>> granterBalance;
    QList<chain::GranteeState> states;
};

// The transaction "Prepare" built, or why not.
struct PrepareResult {
    std::optional<chain::SubmitError> error;
    QList<chain::GranteeState> states;
    chain::GrantPlan plan;
    std::optional<tx::TxBodyBuilder> body;
    std::optional<chain::PreparedTx> prepared;
};

// A signed (and maybe included) transaction, or why not.
struct SendResult {
    std::optional<chain::SubmitError> error;
    std::optional<tx::SignedTx> signedTx;
    std::optional<chain::TxResponse> included;
    chain::PreparedTx prepared;
    QList<chain::SubmitEvent> events;
};

std::optional<quint64> wholeNumber(const QString &text)
{
    bool ok = false;
    const quint64 value = text.trimmed().toULongLong(&ok);
    return ok && !text.trimmed().startsWith(QLatin1Char('+')) ? std::optional<quint64>(value) : std::nullopt;
}

// The expiry is shown and picked to the minute, so the minute is what is
// signed: the seconds and milliseconds of the moment the dialog opened,
// which the field never shows, would otherwise go on chain with it. (Showing
// seconds instead would put a meaningless ":17" a year out.)
QDateTime toTheMinute(const QDateTime &utc)
{
    const QTime time = utc.time();
    return QDateTime(utc.date(), QTime(time.hour(), time.minute()), Qt::UTC);
}

} // namespace

GrantFeesDialog::GrantFeesDialog(Session &session, const QStringList &workers, QWidget *parent)
    : QDialog(parent), m_session(&session)
{
    setWindowTitle(tr("Grant fees"));
    setObjectName(QStringLiteral("grantFeesDialog"));
    resize(980, 760);
    m_model = new GranteeTableModel(this);
    m_errors = new FieldErrors(this);
    auto &keyring = session.keyring();
    const QString hrp = session.hrp();

    QList<GranteeTableModel::Worker> rows;
    for (const QString &uid : workers) {
        if (const auto record = keyring.key(uid))
            rows.append({uid, record->bech32(hrp), record->heldByServer()});
    }
    m_model->setWorkers(rows);

    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    auto *left = new QFormLayout;
    auto *right = new QFormLayout;
    top->addLayout(left, 1);
    top->addLayout(right, 1);
    layout->addLayout(top);

    m_granter = new QComboBox(this);
    m_granter->setObjectName(QStringLiteral("grantGranter"));
    for (const auto &record : keyring.list()) {
        // A struck-out key (gone from the server, or another key under its name) could never sign the grant.
        if (!workers.contains(record.uid) && record.heldByServer())
            m_granter->addItem(record.uid, record.uid);
    }
    m_errors->add(left, tr("&Granter key:"), tr("Granter key"), m_granter);
    m_granterBalance = new QLabel(this);
    m_granterBalance->setObjectName(QStringLiteral("grantGranterBalance"));
    m_granterBalance->setTextInteractionFlags(Qt::TextSelectableByMouse);
    left->addRow(QString(), m_granterBalance);

    // The easy path is a limited allowance: a spend limit, an expiry, and
    // only the message workers send.
    m_spendLimit = new QLineEdit(QStringLiteral("5000000utia"), this);
    m_spendLimit->setObjectName(QStringLiteral("grantSpendLimit"));
    m_spendLimit->setToolTip(tr("The most the grant pays in all, per worker. Empty: no limit."));
    m_errors->add(left, tr("&Spend limit:"), tr("Spend limit"), m_spendLimit);
    m_expires = new QCheckBox(tr("E&xpires"), this);
    m_expires->setObjectName(QStringLiteral("grantExpires"));
    m_expires->setChecked(true);
    m_expiration = new QDateTimeEdit(this);
    m_expiration->setObjectName(QStringLiteral("grantExpiration"));
    m_expiration->setTimeSpec(Qt::UTC);
    m_expiration->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    m_expiration->setCalendarPopup(true);
    m_expiration->setDateTime(toTheMinute(QDateTime::currentDateTimeUtc().addYears(1)));
    auto *expiryRow = new QWidget(this);
    expiryRow->setObjectName(QStringLiteral("grantExpiry"));
    auto *expiryLayout = new QHBoxLayout(expiryRow);
    expiryLayout->setContentsMargins(0, 0, 0, 0);
    expiryLayout->addWidget(m_expires);
    expiryLayout->addWidget(m_expiration, 1);
    m_errors->add(left, tr("Expir&y:"), tr("Expiry"), expiryRow);
    m_allowedMessages = new QLineEdit(PayForBlobs, this);
    m_allowedMessages->setObjectName(QStringLiteral("grantAllowedMessages"));
    m_allowedMessages->setToolTip(tr("Message type URLs the grant pays for, separated by commas. "
                                     "Empty: any message (an unlimited grant is riskier)."));
    m_errors->add(left, tr("Pays only f&or:"), tr("Pays only for"), m_allowedMessages);
    m_fundCheck = new QCheckBox(tr("Fund &workers without an account"), this);
    m_fundCheck->setObjectName(QStringLiteral("grantFundCheck"));
    m_fundCheck->setChecked(true);
    m_fundCheck->setToolTip(tr("A worker without an account on chain cannot sign: a MsgSend in the same "
                               "transaction creates it."));
    m_fund = new QLineEdit(QStringLiteral("1utia"), this);
    m_fund->setObjectName(QStringLiteral("grantFund"));
    auto *fundRow = new QWidget(this);
    fundRow->setObjectName(QStringLiteral("grantFunding"));
    auto *fundLayout = new QHBoxLayout(fundRow);
    fundLayout->setContentsMargins(0, 0, 0, 0);
    fundLayout->addWidget(m_fundCheck);
    fundLayout->addWidget(m_fund, 1);
    m_errors->add(left, tr("F&unding:"), tr("Funding"), fundRow);

    m_fee = new QLineEdit(QStringLiteral("20000utia"), this);
    m_fee->setObjectName(QStringLiteral("grantFee"));
    m_errors->add(right, tr("&Fee:"), tr("Fee"), m_fee);
    const bool online = !session.profile().chainNode.isEmpty();
    m_gas = new QLineEdit(online ? QStringLiteral("auto") : QString(), this);
    m_gas->setObjectName(QStringLiteral("grantGas"));
    m_gas->setPlaceholderText(tr("required offline, e.g. 600000"));
    m_gas->setToolTip(tr("A gas limit, or \"auto\" to simulate on the chain node (times 1.3)."));
    m_errors->add(right, tr("G&as:"), tr("Gas"), m_gas);
    m_chainId = new QLineEdit(this);
    m_chainId->setObjectName(QStringLiteral("grantChainId"));
    m_chainId->setPlaceholderText(tr("required, e.g. mocha-4"));
    m_errors->add(right, tr("C&hain ID:"), tr("Chain ID"), m_chainId);
    m_accountNumber = new QLineEdit(this);
    m_accountNumber->setObjectName(QStringLiteral("grantAccountNumber"));
    m_sequence = new QLineEdit(this);
    m_sequence->setObjectName(QStringLiteral("grantSequence"));
    for (QLineEdit *field : {m_accountNumber, m_sequence})
        field->setPlaceholderText(online ? tr("asked of the chain node") : tr("required offline"));
    m_errors->add(right, tr("Account &number:"), tr("Account number"), m_accountNumber);
    m_errors->add(right, tr("Se&quence:"), tr("Sequence"), m_sequence);
    auto *nodeLabel = new QLabel(online ? tr("Chain node: %1").arg(session.profile().chainNode)
                                        : tr("No chain node in this profile: sign here, broadcast elsewhere "
                                             "(Connections… sets one)."),
                                 this);
    nodeLabel->setObjectName(QStringLiteral("grantNode"));
    nodeLabel->setWordWrap(true);
    right->addRow(nodeLabel);

    auto *split = new QSplitter(Qt::Vertical, this);
    m_table = new QTableView(split);
    m_table->setObjectName(QStringLiteral("grantTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(GranteeTableModel::NameColumn, 150);
    m_table->setColumnWidth(GranteeTableModel::AddressColumn, 360);
    m_table->setColumnWidth(GranteeTableModel::AccountColumn, 90);
    m_table->setColumnWidth(GranteeTableModel::BalanceColumn, 90);
    m_preview = new QPlainTextEdit(split);
    m_preview->setObjectName(QStringLiteral("grantPreview"));
    m_preview->setReadOnly(true);
    m_preview->setPlaceholderText(tr("Prepare shows here the transaction's messages, fee and gas before "
                                     "anything is signed."));
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("grantStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_refresh = buttons->addButton(tr("&Refresh"), QDialogButtonBox::ActionRole);
    m_refresh->setObjectName(QStringLiteral("grantRefresh"));
    m_prepare = buttons->addButton(tr("&Prepare"), QDialogButtonBox::ActionRole);
    m_prepare->setObjectName(QStringLiteral("grantPrepare"));
    m_sign = buttons->addButton(tr("S&ign"), QDialogButtonBox::ActionRole);
    m_sign->setObjectName(QStringLiteral("grantSign"));
    m_broadcast = buttons->addButton(tr("Sign and &broadcast"), QDialogButtonBox::ActionRole);
    m_broadcast->setObjectName(QStringLiteral("grantBroadcast"));
    m_copy = buttons->addButton(tr("Copy &TxRaw"), QDialogButtonBox::ActionRole);
    m_copy->setObjectName(QStringLiteral("grantCopy"));
    m_export = buttons->addButton(tr("&Export"), QDialogButtonBox::ActionRole);
    m_export->setObjectName(QStringLiteral("grantExport"));
    auto *exportMenu = new QMenu(m_export);
    const auto exportAs = [this](const QString &format, const QString &title, const QString &filter,
                                 const QString &suffix) {
        const QString path =
            QFileDialog::getSaveFileName(this, title, QStringLiteral("workers") + suffix, filter);
        if (!path.isEmpty())
            exportTo(path, format);
    };
    connect(exportMenu->addAction(tr("Grant state as CSV…")), &QAction::triggered, this, [exportAs, this] {
        exportAs(QStringLiteral("csv"), tr("Export as CSV"), tr("CSV files (*.csv)"), QStringLiteral(".csv"));
    });
    connect(exportMenu->addAction(tr("Grant state as JSON…")), &QAction::triggered, this, [exportAs, this] {
        exportAs(QStringLiteral("json"), tr("Export as JSON"), tr("JSON files (*.json)"),
                 QStringLiteral(".json"));
    });
    connect(exportMenu->addAction(tr("Addresses, one a line…")), &QAction::triggered, this, [exportAs, this] {
        exportAs(QStringLiteral("addresses"), tr("Export addresses"), tr("Text files (*.txt)"),
                 QStringLiteral(".txt"));
    });
    m_export->setMenu(exportMenu);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_refresh, &QPushButton::clicked, this, &GrantFeesDialog::refresh);
    connect(m_prepare, &QPushButton::clicked, this, &GrantFeesDialog::prepare);
    connect(m_sign, &QPushButton::clicked, this, &GrantFeesDialog::signOnly);
    connect(m_broadcast, &QPushButton::clicked, this, &GrantFeesDialog::signAndBroadcast);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        Clipboard::instance()->setText(m_txRaw);
        m_status->setText(tr("TxRaw copied."));
    });
    connect(m_expires, &QCheckBox::toggled, m_expiration, &QWidget::setEnabled);
    connect(m_fundCheck, &QCheckBox::toggled, m_fund, &QWidget::setEnabled);
    // A changed form or choice of workers makes the prepared transaction stale.
    const auto stale = [this] {
        m_prepared.reset();
        m_txRaw.clear();
        updateButtons();
    };
    for (QLineEdit *field :
         {m_spendLimit, m_allowedMessages, m_fund, m_fee, m_gas, m_chainId, m_accountNumber, m_sequence})
        connect(field, &QLineEdit::textChanged, this, stale);
    connect(m_expires, &QCheckBox::toggled, this, stale);
    connect(m_fundCheck, &QCheckBox::toggled, this, stale);
    connect(m_expiration, &QDateTimeEdit::dateTimeChanged, this, stale);
    connect(m_granter, &QComboBox::currentIndexChanged, this, [this, stale] {
        stale();
        refresh();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [stale](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                if (roles.contains(Qt::CheckStateRole))
                    stale();
            });
    updateButtons();
    if (m_granter->count() == 0)
        m_granterBalance->setText(tr("No key to pay with: create or import the granter's key in Keys."));
    refresh();
}

GrantFeesDialog::~GrantFeesDialog() = default;

QString GrantFeesDialog::node() const
{
    return m_session ? m_session->profile().chainNode : QString();
}

QString GrantFeesDialog::statusText() const
{
    return m_status->text();
}

QString GrantFeesDialog::previewText() const
{
    return m_preview->toPlainText();
}

void GrantFeesDialog::setBusy(bool busy, const QString &status)
{
    m_busy = busy;
    if (!status.isEmpty())
        m_status->setText(status);
    updateButtons();
    emit busyChanged(busy);
}

void GrantFeesDialog::updateButtons()
{
    const bool open = m_session != nullptr;
    m_refresh->setEnabled(open && !m_busy && !node().isEmpty());
    m_prepare->setEnabled(open && !m_busy && m_granter->count() > 0);
    m_sign->setEnabled(open && !m_busy && m_prepared.has_value());
    m_broadcast->setEnabled(open && !m_busy && m_prepared.has_value() && !node().isEmpty());
    m_copy->setEnabled(!m_busy && !m_txRaw.isEmpty());
    m_export->setEnabled(!m_busy && m_model->rowCount() > 0);
}

void GrantFeesDialog::refresh()
{
    if (!m_session || m_busy)
        return;
    const QString nodeUrl = node();
    if (nodeUrl.isEmpty()) {
        m_status->setText(tr("No chain node in this profile: the workers' accounts and grants are not known "
                             "here."));
        return;
    }
    QString granter;
    if (const auto record = m_session->keyring().key(m_granter->currentData().toString()))
        granter = record->bech32(m_session->hrp());
    QStringList addresses;
    for (const auto &row : m_model->rows())
        addresses << row.address;
    setBusy(true,
            tr("Asking %1 about the granter and %n worker(s)…", nullptr, int(addresses.size())).arg(nodeUrl));
    // A client per call, made on the pool thread that uses it.
    m_session->keyring()
        .runAsync([nodeUrl, granter, addresses] {
            RefreshResult result;
            chain::ChainClient client(nodeUrl, ChainTimeout);
            if (!granter.isEmpty()) {
                auto balance = client.balances(granter);
                if (!balance) {
                    result.error = balance.error();
                    return result;
                }
                result.granterBalance = *balance;
            }
            for (const QString &address : addresses) {
                auto state = chain::GrantPlan::query(client, granter, address);
                if (!state) {
                    result.error = state.error();
                    return result;
                }
                result.states << *state;
            }
            return result;
        })
        .then(this, [this](const RefreshResult &result) {
            for (const auto &state : result.states)
                m_model->setState(state);
            if (result.granterBalance)
                m_granterBalance->setText(
                    tr("Granter's balance: %1").arg(GranteeTableModel::coinsText(*result.granterBalance)));
            int granted = 0;
            for (const auto &row : m_model->rows())
                granted += row.state && row.state->grant ? 1 : 0;
            setBusy(false, result.error
                               ? tr("The chain node could not be asked: %1").arg(result.error->describe())
                               : tr("%1 of %n worker(s) have a fee grant from the granter.", nullptr,
                                    m_model->rowCount())
                                     .arg(granted));
        });
}

std::optional<GrantFeesDialog::Form> GrantFeesDialog::readForm()
{
    m_errors->clear();
    Form form;
    const bool online = !node().isEmpty();
    form.granterKey = m_granter->currentData().toString();
    if (const auto record = m_session->keyring().key(form.granterKey))
        form.granter = record->bech32(m_session->hrp());
    if (form.granter.isEmpty())
        m_errors->set(m_granter, tr("choose the key that pays the fees (create or import it in Keys)"));
    if (!m_spendLimit->text().trimmed().isEmpty()) {
        auto limit = tx::Coin::parseList(m_spendLimit->text().trimmed());
        if (!limit)
            m_errors->set(m_spendLimit, tr("not coins such as 5000000utia (empty: no limit)"));
        else
            form.allowance.basic.spendLimit = *limit;
    }
    if (m_expires->isChecked()) {
        const QDateTime when = toTheMinute(m_expiration->dateTime().toUTC());
        if (when <= QDateTime::currentDateTimeUtc())
            m_errors->set(m_expiration->parentWidget(), tr("in the past: a grant must expire in the future"));
        else
            form.allowance.basic.expiration = when;
    }
    static const QRegularExpression typeUrl(QStringLiteral("^/[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)+$"));
    for (const QString &message :
         m_allowedMessages->text().split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts)) {
        if (!typeUrl.match(message).hasMatch()) {
            m_errors->set(m_allowedMessages,
                          tr("\"%1\" is not a message type URL such as %2").arg(message, PayForBlobs));
            break;
        }
        if (!form.allowance.allowedMessages.contains(message))
            form.allowance.allowedMessages << message;
    }
    if (m_fundCheck->isChecked()) {
        auto fund = tx::Coin::parseList(m_fund->text().trimmed());
        if (!fund || fund->isEmpty())
            m_errors->set(m_fund->parentWidget(), tr("not coins such as 1utia"));
        else
            form.fund = *fund;
    }
    auto fee = tx::Coin::parseList(m_fee->text().trimmed());
    if (!fee)
        m_errors->set(m_fee, tr("not coins such as 20000utia"));
    else
        form.options.fee = *fee;
    const QString gas = m_gas->text().trimmed();
    if (gas == QLatin1String("auto")) {
        if (!online)
            m_errors->set(m_gas, tr("\"auto\" needs a chain node in the profile; enter a gas limit"));
    } else if (const auto limit = wholeNumber(gas); limit && *limit > 0) {
        form.options.gas = *limit;
    } else {
        m_errors->set(m_gas, gas.isEmpty()
                                 ? tr("required (a number such as 600000, or auto with a chain node)")
                                 : tr("not a gas limit: a whole number above 0, or auto"));
    }
    form.options.chainId = m_chainId->text().trimmed();
    if (form.options.chainId.isEmpty())
        m_errors->set(m_chainId, tr("required: the chain the transaction is for, e.g. mocha-4"));
    for (QLineEdit *field : {m_accountNumber, m_sequence}) {
        const QString text = field->text().trimmed();
        if (text.isEmpty()) {
            if (!online)
                m_errors->set(field, tr("required without a chain node"));
            continue;
        }
        const auto value = wholeNumber(text);
        if (!value)
            m_errors->set(field, tr("not a whole number"));
        else
            (field == m_sequence ? form.options.sequence : form.options.accountNumber) = *value;
    }
    if (m_errors->any()) {
        m_status->setText(tr("Correct the fields marked above."));
        return std::nullopt;
    }
    return form;
}

void GrantFeesDialog::prepare()
{
    if (!m_session || m_busy)
        return;
    m_prepared.reset();
    m_txRaw.clear();
    auto form = readForm();
    if (!form) {
        updateButtons();
        return;
    }
    const QStringList checked = m_model->checkedAddresses();
    if (checked.isEmpty()) {
        m_status->setText(tr("Check the workers to grant."));
        return;
    }
    const QString nodeUrl = node();
    const QString hrp = m_session->hrp();
    keyring::BaoKeyring *keyring = &m_session->keyring();
    setBusy(true, nodeUrl.isEmpty()
                      ? tr("Building the transaction…")
                      : tr("Asking %1 for the workers' grants, the account and the gas…").arg(nodeUrl));
    m_preview->clear();
    keyring
        ->runAsync([keyring, nodeUrl, hrp, form = *form, checked] {
            PrepareResult result;
            const auto client =
                nodeUrl.isEmpty() ? nullptr : std::make_unique<chain::ChainClient>(nodeUrl, ChainTimeout);
            QHash<QString, chain::GranteeState> states;
            if (client) {
                for (const QString &address : checked) {
                    auto state = chain::GrantPlan::query(*client, form.granter, address);
                    if (!state) {
                        result.error = chain::SubmitError{std::nullopt, state.error(), false};
                        return result;
                    }
                    states.insert(address, *state);
                    result.states << *state;
                }
            }
            result.plan = chain::GrantPlan::make(checked, states, form.fund.has_value(), false);
            if (result.plan.grant.isEmpty())
                return result;
            auto body =
                result.plan.body(hrp, form.granter, form.allowance, form.fund.value_or(QList<tx::Coin>()));
            if (!body) {
                result.error = chain::SubmitError{body.error(), std::nullopt, false};
                return result;
            }
            result.body = *body;
            auto prepared = chain::TxSubmitter(*keyring, client.get())
                                .prepare(form.granterKey, form.granter, *body, form.options);
            if (!prepared) {
                result.error = prepared.error();
                return result;
            }
            result.prepared = *prepared;
            return result;
        })
        .then(this, [this, form = *form](const PrepareResult &result) {
            for (const auto &state : result.states)
                m_model->setState(state);
            const auto nameOf = [this](const QString &address) {
                const QString name = m_model->nameOf(address);
                return name.isEmpty() ? address : QStringLiteral("%1 (%2)").arg(name, address);
            };
            QStringList skipped;
            for (const QString &address : result.plan.skipped)
                skipped << m_model->nameOf(address);
            const QString skippedText =
                skipped.isEmpty()
                    ? QString()
                    : tr("Skipped, already granted: %1").arg(skipped.join(QStringLiteral(", ")));
            if (result.error) {
                const QString why =
                    result.error->accountMissing
                        ? tr("the granter %1 has no account on the chain: it needs funds first")
                              .arg(form.granter)
                        : result.error->describe();
                setBusy(false, tr("The transaction cannot be built: %1").arg(why));
                return;
            }
            if (result.plan.grant.isEmpty()) {
                m_preview->setPlainText(skippedText);
                setBusy(false, tr("Nothing to sign: every checked worker already has a grant."));
                return;
            }
            m_form = form;
            m_plan = result.plan;
            m_body = result.body;
            m_prepared = result.prepared;
            QStringList allowance;
            allowance << (form.allowance.basic.spendLimit.isEmpty()
                              ? tr("no spend limit")
                              : tr("spend limit %1")
                                    .arg(GranteeTableModel::coinsText(form.allowance.basic.spendLimit)));
            allowance << (form.allowance.basic.expiration
                              ? tr("until %1")
                                    .arg(form.allowance.basic.expiration->toString(
                                        QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")))
                              : tr("no expiry"));
            allowance << (form.allowance.allowedMessages.isEmpty()
                              ? tr("any message")
                              : tr("only %1").arg(form.allowance.allowedMessages.join(QStringLiteral(", "))));
            QStringList lines;
            const int messages = int(result.body->messageCount());
            lines << tr("One transaction from %1, %n message(s):", nullptr, messages)
                         .arg(QStringLiteral("%1 (%2)").arg(form.granterKey, form.granter));
            int number = 0;
            for (const QString &address : result.plan.grant) {
                if (result.plan.revokeFirst.contains(address))
                    lines << QStringLiteral("%1. MsgRevokeAllowance → %2").arg(++number).arg(nameOf(address));
                lines << QStringLiteral("%1. MsgGrantAllowance → %2: %3")
                             .arg(++number)
                             .arg(nameOf(address), allowance.join(QStringLiteral(", ")));
            }
            for (const QString &address : result.plan.fund)
                lines << QStringLiteral("%1. MsgSend %2 → %3")
                             .arg(++number)
                             .arg(GranteeTableModel::coinsText(*form.fund), nameOf(address));
            if (!skippedText.isEmpty())
                lines << skippedText;
            const auto &prepared = *result.prepared;
            lines << tr("Fee: %1").arg(GranteeTableModel::coinsText(prepared.fee.amount));
            lines << (prepared.simulatedGas ? tr("Gas: %1 (simulated %2 × %3)")
                                                  .arg(prepared.fee.gasLimit)
                                                  .arg(*prepared.simulatedGas)
                                                  .arg(form.options.gasAdjustment)
                                            : tr("Gas: %1").arg(prepared.fee.gasLimit));
            lines << tr("Chain %1, account %2, sequence %3")
                         .arg(prepared.account.chainId)
                         .arg(prepared.account.accountNumber)
                         .arg(prepared.account.sequence);
            m_preview->setPlainText(lines.join(QLatin1Char('\n')));
            setBusy(false, tr("Check the transaction above, then sign it."));
        });
}

void GrantFeesDialog::signOnly()
{
    send(false);
}

void GrantFeesDialog::signAndBroadcast()
{
    send(true);
}

void GrantFeesDialog::send(bool broadcast)
{
    if (!m_session || m_busy || !m_prepared || !m_body || !m_form)
        return;
    const QString nodeUrl = node();
    if (broadcast && nodeUrl.isEmpty())
        return;
    keyring::BaoKeyring *keyring = &m_session->keyring();
    const Form form = *m_form;
    const tx::TxBodyBuilder body = *m_body;
    const chain::PreparedTx prepared = *m_prepared;
    const int granting = int(m_plan->grant.size());
    setBusy(true, broadcast ? tr("Signing and broadcasting…") : tr("Signing…"));
    keyring
        ->runAsync([keyring, nodeUrl, form, body, prepared, broadcast] {
            SendResult result;
            result.prepared = prepared;
            const auto client =
                nodeUrl.isEmpty() ? nullptr : std::make_unique<chain::ChainClient>(nodeUrl, ChainTimeout);
            const chain::TxSubmitter submitter(*keyring, client.get());
            auto signedTx = submitter.sign(form.granterKey, body, prepared);
            if (!signedTx) {
                result.error = signedTx.error();
                return result;
            }
            result.signedTx = *signedTx;
            if (!broadcast)
                return result;
            auto included = submitter.broadcast(
                form.granterKey, form.granter, body, &result.prepared, &*result.signedTx, form.options,
                [&result](const chain::SubmitEvent &event) { result.events << event; });
            if (!included)
                result.error = included.error();
            else
                result.included = *included;
            return result;
        })
        .then(this, [this, broadcast, granting](const SendResult &result) {
            QStringList notes;
            for (const auto &event : result.events) {
                if (event.kind == chain::SubmitEvent::Kind::SequenceRefused)
                    notes << tr("The chain refused sequence %1 (%2): another transaction used the account "
                                "since it was asked. Asked again and signed with sequence %3.")
                                 .arg(event.sequence)
                                 .arg(event.message)
                                 .arg(result.prepared.account.sequence);
            }
            m_prepared = result.prepared; // the sequence it was finally signed with
            if (result.signedTx) {
                m_txRaw = QString::fromLatin1(result.signedTx->txRaw.toBase64());
                m_preview->appendPlainText(
                    QStringLiteral("\n") +
                    tr("TxRaw (base64): %1\ntx hash: %2").arg(m_txRaw, result.signedTx->txHash));
            }
            if (result.error) {
                const auto &chainError = result.error->chainError;
                QString why = result.error->describe();
                if (chainError && chainError->isSequenceMismatch())
                    why = tr("account sequence mismatch (code 32): %1. Leave Sequence empty to ask the "
                             "chain node, then prepare again.")
                              .arg(chainError->message);
                notes << (broadcast ? tr("Not granted: %1").arg(why) : tr("Not signed: %1").arg(why));
                setBusy(false, notes.join(QLatin1Char(' ')));
                return;
            }
            if (!broadcast) {
                notes << tr("Signed; nothing was broadcast. Copy the TxRaw to submit it.");
                setBusy(false, notes.join(QLatin1Char(' ')));
                return;
            }
            m_prepared.reset(); // that sequence is used now
            notes << tr("Included at height %1: %n worker(s) granted.", nullptr, granting)
                         .arg(result.included->height);
            const QString text = notes.join(QLatin1Char(' '));
            setBusy(false, text);
            emit message(text);
            refresh();
            // refresh() replaces the status while it runs; the outcome stays in the preview.
            m_preview->appendPlainText(text);
        });
}

bool GrantFeesDialog::exportTo(const QString &path, const QString &format)
{
    QByteArray bytes;
    QString granter;
    if (m_session) {
        if (const auto record = m_session->keyring().key(m_granter->currentData().toString()))
            granter = record->bech32(m_session->hrp());
    }
    if (format == QLatin1String("addresses")) {
        QStringList addresses;
        for (const auto &row : m_model->rows())
            addresses << row.address;
        bytes = BatchExport::addressList(addresses);
    } else {
        QList<BatchExport::GrantEntry> entries;
        for (const auto &row : m_model->rows()) {
            BatchExport::GrantEntry entry{row.name, row.address, {}, {}, false, {}, {}, {}};
            if (row.state) {
                if (row.state->accountKnown)
                    entry.account =
                        row.state->accountExists ? QStringLiteral("exists") : QStringLiteral("missing");
                if (row.state->balances) {
                    QStringList coins;
                    for (const tx::Coin &coin : *row.state->balances)
                        coins << coin.toString();
                    entry.balance = coins.join(QLatin1Char(','));
                }
                if (row.state->grant) {
                    const auto summary = chain::AllowanceSummary::of(row.state->grant->allowance);
                    entry.granted = true;
                    QStringList coins;
                    for (const tx::Coin &coin : summary.spendLimit)
                        coins << coin.toString();
                    entry.spendLimit = coins.join(QLatin1Char(','));
                    if (summary.expiration)
                        entry.expiration = summary.expiration->toString(Qt::ISODate);
                    entry.allowedMessages = summary.allowedMessages.join(QLatin1Char(' '));
                }
            }
            entries << entry;
        }
        bytes = format == QLatin1String("json") ? BatchExport::grantsToJson(entries, granter)
                                                : BatchExport::grantsToCsv(entries);
    }
    if (auto written = BatchExport::writeFile(path, bytes); !written) {
        m_status->setText(tr("The export could not be written to %1: %2").arg(path, written.error()));
        return false;
    }
    m_status->setText(tr("Exported %n worker(s) to %1", nullptr, m_model->rowCount()).arg(path));
    return true;
}

} // namespace baokeys::ui
