#pragma once

#include "core/chain/GrantPlan.h"
#include "core/chain/TxSubmitter.h"

#include <QDialog>
#include <QPointer>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace baokeys::ui {

class FieldErrors;
class GranteeTableModel;
class Session;

// "Grant fees": one transaction in which a granter key pays the fees of
// worker keys through x/feegrant. The operator picks the granter, the
// allowance (by default limited: a spend limit, an expiry and only
// MsgPayForBlobs) and the workers. With the profile's chain node each row
// shows the worker's account, balance and grant, and the granter's balance
// shows too; "Prepare" builds the one transaction (a MsgGrantAllowance per
// checked worker without a grant, optionally a MsgSend to fund workers
// without an account), asks the node for the account and the gas, and
// previews the messages, fee and gas. "Sign" shows the TxRaw to copy;
// "Sign and broadcast" sends it and follows it to its block, after which
// the rows show the grants. The grant plan and the submission are the CLI's
// own (chain::GrantPlan, chain::TxSubmitter), run on the keyring's pool.
//
// Thread-safety: GUI thread only.
class GrantFeesDialog : public QDialog {
    Q_OBJECT
public:
    GrantFeesDialog(Session &session, const QStringList &workers, QWidget *parent = nullptr);
    ~GrantFeesDialog() override;

    GranteeTableModel *model() const { return m_model; }
    bool isBusy() const { return m_busy; }
    QString statusText() const;
    QString previewText() const;
    QString txRaw() const { return m_txRaw; }

public slots:
    void refresh();
    void prepare();
    void signOnly();
    void signAndBroadcast();
    bool exportTo(const QString &path, const QString &format); // "csv", "json", "addresses"

signals:
    void busyChanged(bool busy);
    void message(const QString &text); // for the status bar

private:
    struct Form {
        QString granterKey;
        QString granter;
        tx::FeeAllowance allowance;
        std::optional<QList<tx::Coin>> fund;
        chain::SubmitOptions options;
    };
    std::optional<Form> readForm();
    void send(bool broadcast);
    void setBusy(bool busy, const QString &status = {});
    void updateButtons();
    QString node() const;

    QPointer<Session> m_session;
    GranteeTableModel *m_model = nullptr;
    FieldErrors *m_errors = nullptr;
    QComboBox *m_granter = nullptr;
    QLabel *m_granterBalance = nullptr;
    QLineEdit *m_spendLimit = nullptr;
    QCheckBox *m_expires = nullptr;
    QDateTimeEdit *m_expiration = nullptr;
    QLineEdit *m_allowedMessages = nullptr;
    QCheckBox *m_fundCheck = nullptr;
    QLineEdit *m_fund = nullptr;
    QLineEdit *m_fee = nullptr;
    QLineEdit *m_gas = nullptr;
    QLineEdit *m_chainId = nullptr;
    QLineEdit *m_accountNumber = nullptr;
    QLineEdit *m_sequence = nullptr;
    QTableView *m_table = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_prepare = nullptr;
    QPushButton *m_sign = nullptr;
    QPushButton *m_broadcast = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_export = nullptr;

    bool m_busy = false;
    // The transaction "Prepare" built, until the form changes.
    std::optional<Form> m_form;
    std::optional<chain::GrantPlan> m_plan;
    std::optional<tx::TxBodyBuilder> m_body;
    std::optional<chain::PreparedTx> m_prepared;
    QString m_txRaw;
};

} // namespace baokeys::ui
